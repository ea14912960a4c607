import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import type { DbOrTx } from "@/db/client";
import { sessions } from "@/db/schema";
import { publicBaseUrl } from "@/lib/url";

export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export type NewSession = { token: string; expires: Date };

/**
 * A row in Auth.js's own sessions table (database strategy): the same thing its adapter's
 * createSession writes, so auth() reads it, R6 deletes it and R8 holds. Used where something
 * other than a magic link proves the person (an invitation link I4, an identity provider D3).
 */
export async function insertDatabaseSession(tx: DbOrTx, userId: string): Promise<NewSession> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_MS);
  await tx.insert(sessions).values({ sessionToken: token, userId, expires });
  return { token, expires };
}

/** The cookie Auth.js reads the session from: the __Secure- name under https (session-cookie.ts). */
export function sessionCookie(session: NewSession) {
  const secure = publicBaseUrl().startsWith("https://");
  return {
    name: secure ? "__Secure-authjs.session-token" : "authjs.session-token",
    value: session.token,
    options: { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires: session.expires },
  };
}

/** Signs this browser in with the session (a server action or route handler). */
export async function setSessionCookie(session: NewSession) {
  const cookie = sessionCookie(session);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}
