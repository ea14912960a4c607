import { actAs, form, idle } from "../support/next-mocks";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setMemberStatusAction, updateMemberAction } from "@/app/o/[org]/users/actions";
import { resendInvitationAction } from "@/app/o/[org]/invites/actions";
import { invitations, memberships, organizations } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { addMember, makeInvitation, makeOrgWithMembers } from "../support/factories";
import { expectNoChange } from "../support/state";

const t = setupTestDatabase();

describe("where SPEC §3–§4 meet", () => {
  it("R2/I4: an email cannot be changed to an address with a pending invitation here (it could never be accepted)", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "user"]);
    const [admin, user] = members;
    await makeInvitation(t.db, org.id, admin.user.id, { email: "coming@example.test" });
    actAs(admin.user.id);
    const result = await expectNoChange(t.db, () =>
      updateMemberAction(
        idle,
        form({ org: org.slug, userId: user.user.id, firstName: "U", lastName: "", email: "coming@example.test", phone: "", role: "user" }),
      ),
    );
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(result.fieldErrors?.email).toBeTruthy();
  });

  it("R3/R9: a suspended Manager cannot be promoted to Admin (nobody could ever re-activate them); re-activated, they can", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin"]);
    const manager = await addMember(t.db, org.id, "manager", { firstName: "Sus", lastName: "Pended", name: "Sus Pended" });
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, manager.membership.id));
    const promote = () =>
      updateMemberAction(
        idle,
        form({ org: org.slug, userId: manager.user.id, firstName: "Sus", lastName: "Pended", email: manager.user.email, phone: "", role: "admin" }),
      );
    actAs(members[0].user.id);
    const refused = await expectNoChange(t.db, promote);
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(refused.fieldErrors?.role?.length).toBeGreaterThan(0);
    await t.db.update(memberships).set({ status: "active" }).where(eq(memberships.id, manager.membership.id));
    expect(await promote()).toMatchObject({ ok: true });
  });

  it("R9: re-activation checks who may before it checks seats", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin", "user"]);
    const suspended = await addMember(t.db, org.id, "user");
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, suspended.membership.id));
    // An organization over its limit (only possible through data older than the rules).
    await addMember(t.db, org.id, "user");
    await addMember(t.db, org.id, "user");
    actAs(members[1].user.id);
    const byUser = await expectNoChange(t.db, () =>
      setMemberStatusAction(idle, form({ org: org.slug, userId: suspended.user.id, status: "active" })),
    );
    expect(byUser.code).toBe("FORBIDDEN");
    actAs(members[0].user.id);
    const byAdmin = await expectNoChange(t.db, () =>
      setMemberStatusAction(idle, form({ org: org.slug, userId: suspended.user.id, status: "active" })),
    );
    expect(byAdmin.code).toBe("SEAT_LIMIT");
    await t.db.update(organizations).set({ tier: "pro" }).where(eq(organizations.id, org.id));
    expect((await setMemberStatusAction(idle, form({ org: org.slug, userId: suspended.user.id, status: "active" }))).ok).toBe(true);
  });

  it("I2: Resend names whoever sent it now as the inviter, as inviting the address again does", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "admin"]);
    const { invitation } = await makeInvitation(t.db, org.id, members[0].user.id);
    actAs(members[1].user.id);
    expect((await resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).ok).toBe(true);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.invitedById).toBe(members[1].user.id);
  });
});
