import { rendered } from "../support/email";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { invitePlanUser } from "@/lib/plans/invite-plan-user";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { acceptTransfer } from "@/lib/transfers/respond-to-transfer";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";
import { uniqueEmail } from "../support/state";

/** Issue 14.15: what the invitation and transfer emails tell the person. */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function lastEmail(to: string, template: string) {
  const rows = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, to), eq(emailOutbox.template, template))));
  return rows[rows.length - 1];
}

describe("#14.15 emails say who, what and until when", () => {
  it("I4 #14.15 the invitation names the inviter with her address, says what the organization and the role mean, and when it expires", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("ana");
    await inviteMembers(w.ctx.admin, { emails: [email], role: "manager", firstName: undefined, lastName: undefined }, { baseUrl });
    const mail = await lastEmail(email, "invitation");
    expect(mail.text).toContain(`(${w.admin.email})`);
    expect(mail.text).toContain("As Manager, you manage the users and every survey");
    expect(mail.text).toMatch(/The invitation expires on \d/);

    const planned = uniqueEmail("bo");
    await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email: planned, firstName: "Bo", lastName: undefined }, { baseUrl });
    const plan = await lastEmail(planned, "plan-invitation");
    expect(plan.text).toContain(`(${w.admin.email})`);
    expect(plan.text).toContain("as User: you create and edit surveys");
    expect(plan.text).toMatch(/The invitation expires on \d/);
  });

  it("O2 #14.15 Open PDoc Share in the transfer-accepted email opens the plan's product area", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await acceptTransfer(w.ctx.manager, transferId, { baseUrl });
    const mail = await lastEmail(w.admin.email, "transfer-outcome");
    expect(mail.html).toContain(`href="${baseUrl}/o/${w.org.slug}/plans/${w.plan.id}"`);
  });
});
