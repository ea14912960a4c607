/**
 * Lets integration tests call the real server actions directly — the way a forged POST would,
 * with no page in front — by standing in for what only a Next request provides: the session
 * (Auth.js), request headers and cookies, and cache revalidation. Import it first.
 */
import { vi } from "vitest";

export const testSession: { userId: string | null } = { userId: null };
export const testCookies = new Map<string, string>();

/** Like Auth.js with database sessions: one read of the session's user, answered as the session callback shapes it. */
async function mockedAuth() {
  if (!testSession.userId) return null;
  const { db } = await import("@/db/client");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, testSession.userId));
  return user ? { user, expires: "" } : null;
}

vi.mock("@/lib/auth/config", () => ({
  auth: mockedAuth,
  authUncached: mockedAuth,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({
    get: (name: string) => (testCookies.has(name) ? { name, value: testCookies.get(name) } : undefined),
    set: (name: string, value: string) => void testCookies.set(name, value),
    delete: (name: string) => void testCookies.delete(name),
  }),
}));

/** Acts as this user for the next action calls (null: signed out). */
export function actAs(userId: string | null) {
  testSession.userId = userId;
}

/** Builds the FormData a browser would post. */
export function form(fields: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

export const idle = { ok: false } as const;
