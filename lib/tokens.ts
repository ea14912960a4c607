import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets that travel in links (invitations, email confirmations, share links): 256 random bits,
 * and only their SHA-256 is ever stored, so a copy of the database opens no link.
 */
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The shape every link token has (base64url of 32 bytes); anything else is not looked up. */
export { secretTokenPattern } from "@/lib/token-shape";
