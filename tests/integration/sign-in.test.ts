import { vi } from "vitest";

// The real Auth.js, the real route handler and the real server action: only what a Next request
// provides (its headers and cookie jar) is stood in for.
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

import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { and, count, eq, inArray, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requestSignInLink } from "@/app/(auth)/signin/actions";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { emailOutbox, rateLimits, sessions, verificationTokens } from "@/db/schema";
import { verificationTokenHash } from "@/lib/auth/sign-in-email";
import { admitSignInEmail, pruneRateLimits } from "@/lib/rate-limit";
import { setupTestDatabase } from "../support/db";
import { freezeDateInEachTest } from "../support/clock";
import { rendered } from "../support/email";
import { makeUser } from "../support/factories";
import { uniqueEmail } from "../support/state";

const t = setupTestDatabase();
// #14.25: every hit of a test counts in one rate-limit window, wherever the wall clock stands.
freezeDateInEachTest();
const secret = process.env.AUTH_SECRET!;

beforeEach(() => {
  request.headers = new Headers({ host: "localhost:3000" });
  request.cookies.clear();
});
afterEach(() => {
  delete process.env.SEATWISE_TRUSTED_PROXY_HEADER;
  delete process.env.SEATWISE_TRUSTED_PROXY_HOPS;
  delete process.env.SEATWISE_NEW_ADDRESS_SIGNINS_PER_HOUR;
});

/** The sign-in form's server action; its redirect to the check-your-email page is its success. */
async function ask(email: string) {
  try {
    return await requestSignInLink({ ok: false }, toForm({ email }));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/signin/check-email")) return "check-email" as const;
    throw error;
  }
}

function toForm(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** A POST straight to Auth.js's own sign-in endpoint, with its CSRF cookie, as a script would. */
async function postToAuthJs(body: Record<string, string>, extraHeaders: Record<string, string> = {}) {
  const csrf = await GET(new NextRequest("http://localhost:3000/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await POST(
    new NextRequest("http://localhost:3000/api/auth/signin/resend", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...extraHeaders },
      body: new URLSearchParams({ csrfToken, ...body }),
    }),
  );
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

async function rowsFor(email: string) {
  const [tokens] = await t.db.select({ n: count() }).from(verificationTokens).where(eq(verificationTokens.identifier, email));
  const mails = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "sign-in"))));
  return { tokens: tokens.n, mails };
}

describe("sign-in requests through the real Auth.js", () => {
  it("E1: a sign-in link's token row and its email are written together, the same for known and unknown addresses", async () => {
    const known = (await makeUser(t.db, { email: uniqueEmail("known") })).email;
    const unknown = uniqueEmail("unknown");
    for (const email of [known, unknown]) {
      expect(await ask(email)).toBe("check-email");
      const { tokens, mails } = await rowsFor(email);
      expect(tokens).toBe(1);
      expect(mails).toHaveLength(1);
      // The link in the email opens exactly the stored token (Auth.js hashes it with the secret).
      const link = new URL(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/.exec(mails[0].text)![0]);
      expect(link.origin).toBe("http://localhost:3000");
      const [row] = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
      expect(row.token).toBe(verificationTokenHash(link.searchParams.get("token")!, secret));
    }
  });

  it("no enumeration: the sixth request for an address is refused with the same answer, known or not, and writes nothing", async () => {
    const known = (await makeUser(t.db, { email: uniqueEmail("known") })).email;
    const unknown = uniqueEmail("unknown");
    const answers: Record<string, unknown[]> = { [known]: [], [unknown]: [] };
    for (let i = 0; i < 6; i++) for (const email of [known, unknown]) answers[email].push(await ask(email));
    expect(answers[known].slice(0, 5)).toEqual(Array(5).fill("check-email"));
    expect(answers[unknown].slice(0, 5)).toEqual(Array(5).fill("check-email"));
    const [refusedKnown, refusedUnknown] = [answers[known][5], answers[unknown][5]] as Array<{ code: string; formError: string; values: unknown }>;
    expect(refusedKnown.code).toBe("RATE_LIMITED");
    expect(refusedUnknown.code).toBe("RATE_LIMITED");
    expect(refusedKnown.formError).toBe(refusedUnknown.formError);
    for (const email of [known, unknown]) {
      const { tokens, mails } = await rowsFor(email);
      expect(tokens).toBe(5);
      expect(mails).toHaveLength(5);
    }
  });

  it("bad input: a malformed or over-long email is a field message, and nothing is written", async () => {
    for (const bad of ["not-an-email", `${"a".repeat(250)}@example.test`, "a\u0000b@example.test", '"x"@example.test']) {
      const answer = await ask(bad);
      expect(answer).toMatchObject({ ok: false, code: "VALIDATION" });
      expect((answer as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toBeTruthy();
    }
    const [{ n }] = await t.db.select({ n: count() }).from(verificationTokens).where(like(verificationTokens.identifier, "%not-an-email%"));
    expect(n).toBe(0);
  });
});

describe("POST /api/auth/signin/resend meets the same rules as the form", () => {
  it("a valid address gets a link, written with its token in one go", async () => {
    const email = uniqueEmail("direct");
    const answer = await postToAuthJs({ email });
    // Auth.js's own "verify request" step, which sends the browser on to /signin/check-email.
    expect(answer.location).toMatch(/\/api\/auth\/verify-request|\/signin\/check-email/);
    const { tokens, mails } = await rowsFor(email);
    expect(tokens).toBe(1);
    expect(mails).toHaveLength(1);
  });

  it("an address the form refuses is refused here too, and nothing is written", async () => {
    const [before] = await t.db.select({ n: count() }).from(emailOutbox);
    for (const bad of ["a@b@example.test", '"evil@x.test"@example.test', "x\u0000@example.test", "", `${"b".repeat(300)}@example.test`]) {
      const answer = await postToAuthJs({ email: bad });
      expect(answer.status).toBe(303);
      expect(answer.location).toContain("/signin?error=InvalidEmail");
    }
    const [after] = await t.db.select({ n: count() }).from(emailOutbox);
    expect(after.n).toBe(before.n);
  });

  it("the per-address limit is one count for both paths: five from the form, then the direct POST is refused", async () => {
    const email = uniqueEmail("both-paths");
    for (let i = 0; i < 5; i++) expect(await ask(email)).toBe("check-email");
    const answer = await postToAuthJs({ email });
    expect(answer.location).toContain("/signin?error=RateLimited");
    expect((await rowsFor(email)).mails).toHaveLength(5);
  });
});

describe("client addresses and the new-address ceiling", () => {
  it("a flood of sign-in requests leaves no count behind once its windows have ended (the hourly pruning)", async () => {
    const flood = Array.from({ length: 5 }, () => uniqueEmail("flood"));
    for (const email of flood) await admitSignInEmail(email, { ip: null });
    const keys = flood.map((email) => `email:${email.toLowerCase()}`);
    const left = async () => (await t.db.select({ n: count() }).from(rateLimits).where(inArray(rateLimits.key, keys)))[0].n;
    expect(await left()).toBe(5);
    // An hour later the windows of 15 minutes have ended, but the longest (a day) may still count.
    await pruneRateLimits({ now: new Date(Date.now() + 60 * 60_000) });
    expect(await left()).toBe(5);
    await pruneRateLimits({ now: new Date(Date.now() + 25 * 60 * 60_000) });
    expect(await left()).toBe(0);
  });

  it("without a declared proxy, X-Forwarded-For is ignored: rotating it creates no per-IP key at all", async () => {
    for (let i = 0; i < 5; i++) {
      request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": `203.0.113.${i}` });
      expect(await ask(uniqueEmail("rotated"))).toBe("check-email");
    }
    const [{ n }] = await t.db.select({ n: count() }).from(rateLimits).where(like(rateLimits.key, "ip:%"));
    expect(n).toBe(0);
  });

  it("behind a declared proxy, only the address it appended counts: a rotated client part still hits one limit of 30", async () => {
    process.env.SEATWISE_TRUSTED_PROXY_HEADER = "x-forwarded-for";
    process.env.SEATWISE_TRUSTED_PROXY_HOPS = "1";
    const answers = [];
    for (let i = 0; i < 31; i++) {
      // The client forges the left part; the proxy appends the address it saw.
      request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": `10.9.${i}.1, 198.51.100.7` });
      answers.push(await ask(uniqueEmail(`behind-proxy-${i}`)));
    }
    expect(answers.slice(0, 30)).toEqual(Array(30).fill("check-email"));
    expect(answers[30]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    const keys = await t.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "ip:%"));
    expect(keys.map((k) => k.key)).toEqual(["ip:198.51.100.7"]);
  });

  it("the instance-wide ceiling stops emails to new addresses, answered like a success; known addresses still get theirs", async () => {
    process.env.SEATWISE_NEW_ADDRESS_SIGNINS_PER_HOUR = "0";
    const known = (await makeUser(t.db, { email: uniqueEmail("member") })).email;
    const stranger = uniqueEmail(`flood-${randomBytes(2).toString("hex")}`);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await ask(stranger)).toBe("check-email");
      expect(await ask(known)).toBe("check-email");
    } finally {
      warn.mockRestore();
    }
    expect(await rowsFor(stranger)).toEqual({ tokens: 0, mails: [] });
    expect((await rowsFor(known)).mails).toHaveLength(1);
  });
});

describe("GET /api/auth/session", () => {
  it("§10: answers who is signed in without the session token or the phone number", async () => {
    const user = await makeUser(t.db, { email: uniqueEmail("session"), phone: "+1 555 0199", name: "Sess Ion" });
    const token = randomBytes(32).toString("hex");
    await t.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
    const response = await GET(
      new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `authjs.session-token=${token}` } }),
    );
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ user: { id: user.id, name: "Sess Ion", email: user.email }, expires: expect.any(String) });
    expect(text).not.toContain(token);
    expect(text).not.toContain("555");
  });
});
