import { rendered } from "../support/email";
import { vi } from "vitest";

// The real Auth.js and route handler, as in sign-in.test.ts: only a Next request's headers and cookies are stood in for.
const request = vi.hoisted(() => ({ headers: new Headers({ host: "localhost:3000" }), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { emailOutbox, sessions } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { uniqueEmail } from "../support/state";

/** Issue 14.19: a malformed callbackUrl never makes Auth.js answer 500, and a magic link carrying one still signs in. */
const t = setupTestDatabase();
const base = "http://localhost:3000";
const malformed = ["x", "http://", "::::", "https://evil.test/steal", "//evil.test", "/\\evil.test"];

describe("#14.19 malformed callbackUrl", () => {
  it("#14.19 session, csrf and providers answer without a 500 to a malformed callbackUrl parameter or cookie", async () => {
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
      for (const bad of malformed) {
        const byParam = await GET(new NextRequest(`${base}${path}?callbackUrl=${encodeURIComponent(bad)}`));
        expect(byParam.status, `${path} ?callbackUrl=${bad}`).toBe(200);
        const byCookie = await GET(new NextRequest(`${base}${path}`, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(bad)}` } }));
        expect(byCookie.status, `${path} cookie ${bad}`).toBe(200);
        // Never stored back as another site's address.
        for (const cookie of [...byParam.headers.getSetCookie(), ...byCookie.headers.getSetCookie()]) {
          expect(decodeURIComponent(cookie)).not.toMatch(/callback-url=(https?:)?\/\/evil/);
        }
      }
    }
  });

  it("#14.19 a magic link carrying a malformed callbackUrl (and cookie) signs the person in and lands on the default page", async () => {
    const email = (await makeUser(t.db, { email: uniqueEmail("cb") })).email;
    const csrf = await GET(new NextRequest(`${base}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    await POST(
      new NextRequest(`${base}/api/auth/signin/resend`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, email, callbackUrl: "x" }),
      }),
    );
    const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "sign-in"))));
    const link = new URL(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/.exec(mail.text)![0]);
    link.searchParams.set("callbackUrl", "::not a url::");
    const answer = await GET(new NextRequest(link, { headers: { cookie: "authjs.callback-url=x" } }));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(base);
    const sessionCookie = answer.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    const token = sessionCookie!.split(";")[0].slice("authjs.session-token=".length);
    const [session] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, token));
    expect(session).toBeTruthy();
  });

  it("#14.19 a path of ours is kept, another site is not", async () => {
    const ours = await GET(new NextRequest(`${base}/api/auth/csrf?callbackUrl=${encodeURIComponent("/o/acme/users")}`));
    expect(ours.headers.getSetCookie().some((c) => decodeURIComponent(c).includes(`callback-url=${base}/o/acme/users`))).toBe(true);
  });
});
