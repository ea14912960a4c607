import { actAs, form, idle } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as searchPeople } from "@/app/api/orgs/[org]/members/route";
import { addPlanUserAction, reassignPlanAction, requestTransferAction } from "@/app/o/[org]/plans/actions";
import { invitations, ownershipTransfers, planUsers } from "@/db/schema";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { setupTestDatabase } from "../support/db";
import { makeInvitation } from "../support/factories";
import { planWorld } from "../support/plans";
import { expectNoChange, invitationTokens, uniqueEmail } from "../support/state";

/** Issue 14.5: invited people can be picked in Add User To Plan and Transfer Ownership. */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

type Person = { userId: string; email: string; name: string | null; invited?: boolean };

async function search(orgSlug: string, query: string): Promise<{ status: number; people: Person[] }> {
  const response = await searchPeople(new Request(`http://localhost:3000/api/orgs/${orgSlug}/members?${query}`), { params: Promise.resolve({ org: orgSlug }) });
  return { status: response.status, people: response.status === 200 ? ((await response.json()) as { members: Person[] }).members : [] };
}

async function invited(w: Awaited<ReturnType<typeof planWorld>>, firstName = "Zuleika") {
  const email = uniqueEmail(firstName.toLowerCase());
  await inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName, lastName: "Lopez" }, { baseUrl });
  const [row] = await t.db.select().from(invitations).where(and(eq(invitations.orgId, w.org.id), eq(invitations.email, email)));
  return row;
}

describe("#14.5 invitees in the pickers", () => {
  it("P3 #14.5 the picker lists live invitees marked Invited, only when asked and only to those who may invite; never expired ones or another organization's", async () => {
    const w = await planWorld(t.db);
    const ana = await invited(w);
    await makeInvitation(t.db, w.org.id, w.admin.id, { email: uniqueEmail("gone"), firstName: "Zuleika", expiresAt: new Date(Date.now() - 1000) });
    await makeInvitation(t.db, w.other.id, w.otherAdmin.id, { email: uniqueEmail("elsewhere"), firstName: "Zuleika" });
    actAs(w.admin.id);
    const found = await search(w.org.slug, `q=zuleika&invitees=1&notOnPlan=${w.plan.id}`);
    expect(found.people).toEqual([{ userId: `invitation:${ana.id}`, email: ana.email, name: "Zuleika Lopez", invited: true }]);
    // Without the flag, members only (the survey and filter pickers are unchanged).
    expect((await search(w.org.slug, "q=zuleika")).people).toEqual([]);
    // A User may not invite (R1): no invitees for her.
    actAs(w.user.id);
    expect((await search(w.org.slug, "q=zuleika&invitees=1")).people).toEqual([]);
  });

  it("P3 #14.5 picking an invitee on Add User To Plan adds the place to her invitation and keeps its link; she then leaves the picker", async () => {
    const w = await planWorld(t.db);
    const ana = await invited(w);
    const links = await invitationTokens(t.db, ana.email);
    actAs(w.admin.id);
    const result = await addPlanUserAction(idle, form({ org: w.org.slug, planId: w.plan.id, userId: `invitation:${ana.id}` }));
    expect(result).toMatchObject({ ok: true });
    const [place] = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.invitationId, ana.id)));
    expect(place).toBeTruthy();
    const [after] = await t.db.select().from(invitations).where(eq(invitations.id, ana.id));
    expect(after.tokenHash).toBe(ana.tokenHash);
    expect(await invitationTokens(t.db, ana.email)).toEqual(links);
    expect((await search(w.org.slug, `q=zuleika&invitees=1&notOnPlan=${w.plan.id}`)).people).toEqual([]);
  });

  it("O3 #14.5 picking an invitee on Transfer Ownership attaches the transfer to her invitation", async () => {
    const w = await planWorld(t.db);
    const ana = await invited(w);
    actAs(w.admin.id);
    const result = await requestTransferAction(idle, form({ org: w.org.slug, planId: w.plan.id, toUserId: `invitation:${ana.id}` }));
    expect(result).toMatchObject({ ok: true });
    const [transfer] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.planId, w.plan.id));
    expect(transfer).toMatchObject({ toInvitationId: ana.id, toUserId: null, state: "pending" });
    const [after] = await t.db.select().from(invitations).where(eq(invitations.id, ana.id));
    expect(after.tokenHash).toBe(ana.tokenHash);
  });

  it("#14.5 an invitee of another organization, an expired one, a User picking one, and O4 reassign to an invitee change nothing", async () => {
    const w = await planWorld(t.db);
    const ana = await invited(w);
    const stranger = (await makeInvitation(t.db, w.other.id, w.otherAdmin.id, { email: uniqueEmail("x") })).invitation;
    const expired = (await makeInvitation(t.db, w.org.id, w.admin.id, { email: uniqueEmail("y"), expiresAt: new Date(Date.now() - 1000) })).invitation;
    actAs(w.admin.id);
    for (const id of [stranger.id, expired.id]) {
      const r = await expectNoChange(t.db, () => addPlanUserAction(idle, form({ org: w.org.slug, planId: w.plan.id, userId: `invitation:${id}` })));
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    const reassign = await expectNoChange(t.db, () => reassignPlanAction(idle, form({ org: w.org.slug, planId: w.plan.id, toUserId: `invitation:${ana.id}` })));
    expect(reassign).toMatchObject({ ok: false, code: "VALIDATION" });
    actAs(w.user.id);
    const byUser = await expectNoChange(t.db, () => addPlanUserAction(idle, form({ org: w.org.slug, planId: w.plan.id, userId: `invitation:${ana.id}` })));
    expect(byUser).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
