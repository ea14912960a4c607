import { form, idle } from "../support/next-mocks";
import { describe, expect, it } from "vitest";
import { requestSignInLink } from "@/app/(auth)/signin/actions";
import { setupTestDatabase } from "../support/db";
import { makeUser } from "../support/factories";

const t = setupTestDatabase();

/** Calls the sign-in action; a redirect to the check-your-email page is its success. */
async function ask(email: string) {
  try {
    return await requestSignInLink(idle, form({ email }));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/signin/check-email")) return "check-email" as const;
    throw error;
  }
}

describe("sign-in requests", () => {
  it("rate limit: about five links per address per 15 minutes, answered the same for known and unknown addresses", async () => {
    await makeUser(t.db, { email: "known@example.test" });
    const answers: Record<string, unknown[]> = { known: [], unknown: [] };
    for (let i = 0; i < 6; i++) {
      answers.known.push(await ask("known@example.test"));
      answers.unknown.push(await ask("nobody-here@example.test"));
    }
    expect(answers.known.slice(0, 5)).toEqual(Array(5).fill("check-email"));
    const refusedKnown = answers.known[5] as { ok: boolean; code: string; formError: string };
    const refusedUnknown = answers.unknown[5] as { ok: boolean; code: string; formError: string };
    expect(refusedKnown.code).toBe("RATE_LIMITED");
    expect(refusedUnknown.code).toBe("RATE_LIMITED");
    // No account enumeration: the same shape and the same words either way.
    expect(refusedKnown.formError).toBe(refusedUnknown.formError);
    expect(Object.keys(refusedKnown).sort()).toEqual(Object.keys(refusedUnknown).sort());
  });

  it("bad input: a malformed or over-long email is a field message, not a request", async () => {
    const malformed = await ask("not-an-email");
    expect(malformed).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((malformed as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toBeTruthy();
    const long = await ask(`${"a".repeat(250)}@example.test`);
    expect(long).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
