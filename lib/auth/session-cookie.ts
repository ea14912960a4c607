import "server-only";
import { cookies } from "next/headers";

/** Auth.js's database-session cookie: the __Secure- name under https, the plain one otherwise. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** This browser's session token (to keep it when ending a person's other sessions). */
export async function currentSessionToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}
