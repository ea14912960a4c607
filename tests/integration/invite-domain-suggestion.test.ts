import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { addDomain } from "@/lib/domains/add-domain";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { suggestDomain } from "@/lib/invitations/domain-suggestion";
import { memberEmailDomains } from "@/lib/members/queries";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { planWorld } from "../support/plans";

const t = setupTestDatabase();

describe("#14.15 D1 'did you mean …?' knows the organization's verified domains", () => {
  it("#14.15 D1 a verified domain no member uses yet is suggested for a typo of it; a pending one is not", async () => {
    const w = await planWorld(t.db);
    const suffix = Date.now().toString(36);
    const verified = `brightforge-${suffix}.test`;
    const pending = `coldforge-${suffix}.test`;
    await addDomain(w.ctx.admin, { domain: verified, email: `it@${verified}` });
    await addDomain(w.ctx.admin, { domain: pending, email: `it@${pending}` });
    const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, `it@${verified}`), eq(emailOutbox.template, "domain-verification"))));
    await verifyDomain(/\/domains\/verify\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]);

    const known = await memberEmailDomains(w.ctx.admin);
    expect(known[0]).toBe(verified);
    expect(known).not.toContain(pending);
    expect(suggestDomain(`ana@brigthforge-${suffix}.test`, known)).toBe(`ana@${verified}`);
    expect(suggestDomain(`ana@${verified}`, known)).toBeNull();
    // Another organization's verified domain is not this one's to suggest.
    expect(await memberEmailDomains(w.ctx.otherAdmin)).not.toContain(verified);
  });
});
