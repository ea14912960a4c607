import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";

const COOKIE = "sw_respondent";

function sign(id: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "seatwise-respondent").update(`respondent:${id}`).digest("base64url");
}

/** The id a signed cookie carries, or null when it is missing or its signature is not ours. */
export function verifyRespondentCookie(value: string | undefined): string | null {
  if (!value) return null;
  const [id, mac] = value.split(".");
  if (!id || !mac || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/**
 * Issue 14.18 (docs/decisions/051): Next 16 gives a server action no socket address, and the
 * `x-forwarded-for` it shows is the client's own when no proxy sets it. Without a declared proxy,
 * respondents are told apart by this signed per-browser cookie instead: `fresh` when it was just
 * issued (a browser without one shares the link's "new browsers" bucket).
 */
export async function respondentOfThisBrowser(): Promise<{ id: string; fresh: boolean }> {
  const jar = await cookies();
  const known = verifyRespondentCookie(jar.get(COOKIE)?.value);
  if (known) return { id: known, fresh: false };
  const id = randomBytes(16).toString("base64url");
  jar.set(COOKIE, `${id}.${sign(id)}`, { httpOnly: true, sameSite: "lax", path: "/s", maxAge: 365 * 24 * 60 * 60 });
  return { id, fresh: true };
}
