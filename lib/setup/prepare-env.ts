/**
 * Run before `next dev` / `next start`: creates what a person should not have to provide. Today
 * that is AUTH_SECRET, written once into the git-ignored .env.local. It never opens the database
 * (the server does that itself, and PGlite serves one process).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const file = path.join(process.cwd(), ".env.local");
const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";

if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(current)) {
  const line = `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  const prefix = current && !current.endsWith("\n") ? "\n" : "";
  fs.writeFileSync(file, `${current}${prefix}# Created on first start by lib/setup/prepare-env.ts\n${line}`);
  console.info("[seatwise] created AUTH_SECRET in .env.local");
}
fs.mkdirSync(path.join(process.cwd(), ".data"), { recursive: true });
