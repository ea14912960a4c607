import { actAs, form, idle } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import {
  bulkMembersAction,
  changeRoleAction,
  deleteMemberAction,
  inviteMembersAction,
  setMemberStatusAction,
  updateMemberAction,
} from "@/app/o/[org]/users/actions";
import { auditLog, emailChangeRequests, emailOutbox, invitations, memberships, notifications, users, type Role } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg } from "../support/factories";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/**
 * SPEC §3 at the action level, the way a forged POST reaches the server: every actor role
 * against every target role. The expected answers are written out by hand from R1–R4 and R9,
 * not derived from lib/permissions, so that a wrong role table there shows up here.
 */
const t = setupTestDatabase();

const roles: Role[] = ["admin", "manager", "user"];
type Expect = "ok" | "FORBIDDEN";

/** An organization with an Admin, the actor and a separate target member of the given roles. */
async function scene(actorRole: Role, targetRole: Role) {
  const org = await makeOrg(t.db, { tier: "pro" });
  const founder = await addNamedMember(t.db, org.id, "admin");
  const actor = await addNamedMember(t.db, org.id, actorRole);
  const target = await addNamedMember(t.db, org.id, targetRole);
  return { org, founder: founder.user, actor: actor.user, target: target.user };
}

/** The edit form as the page posts it: every field, the current values unless overridden. */
function editForm(
  orgSlug: string,
  person: { id: string; firstName: string | null; lastName: string | null; email: string; phone: string | null },
  role: Role,
  changes: Partial<Record<"firstName" | "lastName" | "email" | "phone" | "role", string>> = {},
) {
  return form({
    org: orgSlug,
    userId: person.id,
    firstName: person.firstName ?? "",
    lastName: person.lastName ?? "",
    email: person.email,
    phone: person.phone ?? "",
    role,
    ...changes,
  });
}

async function membershipOf(orgId: string, userId: string) {
  const [row] = await t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

async function userRow(userId: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, userId));
  return row;
}

// R1: Admins grant any role; Managers grant User only; Users invite nobody.
const inviteTable: Array<[actor: Role, grant: Role, expected: Expect]> = [
  ["admin", "admin", "ok"],
  ["admin", "manager", "ok"],
  ["admin", "user", "ok"],
  ["manager", "admin", "FORBIDDEN"],
  ["manager", "manager", "FORBIDDEN"],
  ["manager", "user", "ok"],
  ["user", "admin", "FORBIDDEN"],
  ["user", "manager", "FORBIDDEN"],
  ["user", "user", "FORBIDDEN"],
];

// R2: Admins edit Managers and Users; Managers edit Users; Users nobody else; nobody another Admin.
const editTable: Array<[actor: Role, target: Role, expected: Expect]> = [
  ["admin", "admin", "FORBIDDEN"],
  ["admin", "manager", "ok"],
  ["admin", "user", "ok"],
  ["manager", "admin", "FORBIDDEN"],
  ["manager", "manager", "FORBIDDEN"],
  ["manager", "user", "ok"],
  ["user", "admin", "FORBIDDEN"],
  ["user", "manager", "FORBIDDEN"],
  ["user", "user", "FORBIDDEN"],
];

// R3 (with R2): only Admins change roles, and not another Admin's.
const roleTable: Array<[actor: Role, target: Role, to: Role, expected: Expect]> = [
  ["admin", "admin", "manager", "FORBIDDEN"],
  ["admin", "admin", "user", "FORBIDDEN"],
  ["admin", "manager", "admin", "ok"],
  ["admin", "manager", "user", "ok"],
  ["admin", "user", "admin", "ok"],
  ["admin", "user", "manager", "ok"],
  ["manager", "admin", "manager", "FORBIDDEN"],
  ["manager", "admin", "user", "FORBIDDEN"],
  ["manager", "manager", "admin", "FORBIDDEN"],
  ["manager", "manager", "user", "FORBIDDEN"],
  ["manager", "user", "admin", "FORBIDDEN"],
  ["manager", "user", "manager", "FORBIDDEN"],
  ["user", "admin", "manager", "FORBIDDEN"],
  ["user", "admin", "user", "FORBIDDEN"],
  ["user", "manager", "admin", "FORBIDDEN"],
  ["user", "manager", "user", "FORBIDDEN"],
  ["user", "user", "admin", "FORBIDDEN"],
  ["user", "user", "manager", "FORBIDDEN"],
];

// R4: Admins and Managers delete Managers and Users; Users nobody; nobody an Admin. R9 follows R4.
const deleteTable: Array<[actor: Role, target: Role, expected: Expect]> = [
  ["admin", "admin", "FORBIDDEN"],
  ["admin", "manager", "ok"],
  ["admin", "user", "ok"],
  ["manager", "admin", "FORBIDDEN"],
  ["manager", "manager", "ok"],
  ["manager", "user", "ok"],
  ["user", "admin", "FORBIDDEN"],
  ["user", "manager", "FORBIDDEN"],
  ["user", "user", "FORBIDDEN"],
];

describe("R1 invite, by actor role and granted role", () => {
  it.each(inviteTable)("R1: %s inviting as %s → %s", async (actorRole, grant, expected) => {
    const { org, actor } = await scene(actorRole, "user");
    const email = uniqueEmail("invitee");
    actAs(actor.id);
    const call = () => inviteMembersAction(idle, form({ org: org.slug, emails: email, role: grant }));
    if (expected === "ok") {
      const result = await call();
      expect(result).toMatchObject({ ok: true });
      expect(result.data).toEqual([expect.objectContaining({ email, outcome: "invited" })]);
      const rows = await t.db.select().from(invitations).where(eq(invitations.orgId, org.id));
      expect(rows).toEqual([expect.objectContaining({ email, role: grant, status: "pending", invitedById: actor.id })]);
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });
});

describe("R2 edit profile, by actor role and target role", () => {
  it.each(editTable)("R2: %s editing the profile of another %s → %s", async (actorRole, targetRole, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () =>
      updateMemberAction(idle, editForm(org.slug, target, targetRole, { firstName: "Renamed", phone: "+1 555 0100" }));
    if (expected === "ok") {
      expect(await call()).toMatchObject({ ok: true });
      expect(await userRow(target.id)).toMatchObject({ firstName: "Renamed", phone: "+1 555 0100" });
      expect((await membershipOf(org.id, target.id)).role).toBe(targetRole);
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });

  it.each(roles)("R2: a %s edits their own name, phone and email", async (role) => {
    const { org, actor } = await scene(role, "user");
    const email = uniqueEmail("self");
    actAs(actor.id);
    const result = await updateMemberAction(
      idle,
      editForm(org.slug, actor, role, { firstName: "Me", lastName: "Myself", phone: "(030) 1234", email }),
    );
    expect(result).toMatchObject({ ok: true });
    // Name and phone apply at once; the sign-in email waits for the new address to confirm (R2).
    expect(await userRow(actor.id)).toMatchObject({ firstName: "Me", lastName: "Myself", name: "Me Myself", phone: "(030) 1234", email: actor.email });
    const [pending] = await t.db.select().from(emailChangeRequests).where(eq(emailChangeRequests.userId, actor.id));
    expect(pending).toMatchObject({ newEmail: email, status: "pending" });
    expect((await membershipOf(org.id, actor.id)).role).toBe(role);
  });
});

describe("R3 role changes, by actor role, target role and new role", () => {
  it.each(roleTable)("R3: %s changing another %s to %s → %s", async (actorRole, targetRole, to, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () => updateMemberAction(idle, editForm(org.slug, target, to));
    if (expected === "ok") {
      expect(await call()).toMatchObject({ ok: true });
      expect((await membershipOf(org.id, target.id)).role).toBe(to);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.role_changed")));
      expect(entry).toMatchObject({ actorId: actor.id, targetUserId: target.id });
      expect(entry.before).toMatchObject({ role: targetRole });
      expect(entry.after).toMatchObject({ role: to });
      // E1/N1: the member is told, by email and in their inbox.
      const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, target.email));
      expect(mail.map((m) => m.template)).toEqual(["role-changed"]);
      const inbox = await t.db.select().from(notifications).where(eq(notifications.userId, target.id));
      expect(inbox.map((n) => n.kind)).toEqual(["role_changed"]);
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });

  it.each([
    ["manager", "admin"],
    ["manager", "user"],
    ["user", "admin"],
    ["user", "manager"],
  ] as Array<[Role, Role]>)("R3: a %s cannot change their own role to %s", async (role, to) => {
    const { org, actor } = await scene(role, "user");
    actAs(actor.id);
    const result = await expectNoChange(t.db, () => updateMemberAction(idle, editForm(org.slug, actor, to)));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R3/R7: an Admin steps down while another Admin remains", async () => {
    const { org, actor, founder } = await scene("admin", "user");
    actAs(actor.id);
    expect(await updateMemberAction(idle, editForm(org.slug, actor, "manager"))).toMatchObject({ ok: true });
    expect((await membershipOf(org.id, actor.id)).role).toBe("manager");
    expect((await membershipOf(org.id, founder.id)).role).toBe("admin");
  });

  it("R7: the only Admin stepping down is refused with LAST_ADMIN and nothing changes", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const only = (await addNamedMember(t.db, org.id, "admin")).user;
    await addNamedMember(t.db, org.id, "manager");
    actAs(only.id);
    for (const to of ["manager", "user"] as Role[]) {
      const result = await expectNoChange(t.db, () => updateMemberAction(idle, editForm(org.slug, only, to)));
      expect(result).toMatchObject({ ok: false, code: "LAST_ADMIN" });
    }
    // Stepping down together with a profile change is refused as a whole.
    const result = await expectNoChange(t.db, () =>
      updateMemberAction(idle, editForm(org.slug, only, "user", { firstName: "Changed" })),
    );
    expect(result).toMatchObject({ ok: false, code: "LAST_ADMIN" });
  });

  it("R7: two Admins cannot both step down: the second is the last one", async () => {
    const { org, actor, founder } = await scene("admin", "user");
    actAs(actor.id);
    expect(await updateMemberAction(idle, editForm(org.slug, actor, "user"))).toMatchObject({ ok: true });
    actAs(founder.id);
    const result = await expectNoChange(t.db, () => updateMemberAction(idle, editForm(org.slug, founder, "user")));
    expect(result).toMatchObject({ ok: false, code: "LAST_ADMIN" });
  });
});

describe("R4 delete, by actor role and target role", () => {
  it.each(deleteTable)("R4: %s deleting another %s → %s", async (actorRole, targetRole, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () => deleteMemberAction(idle, form({ org: org.slug, userId: target.id }));
    if (expected === "ok") {
      expect(await call()).toMatchObject({ ok: true });
      expect(await membershipOf(org.id, target.id)).toBeUndefined();
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });

  it.each(roles)("R4: a %s cannot delete themselves", async (role) => {
    const { org, actor } = await scene(role, "user");
    actAs(actor.id);
    const result = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ org: org.slug, userId: actor.id })));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("R3 from the Users row and in bulk (issue 10): the same table as the edit form", () => {
  it.each(roleTable)("R3: %s changing another %s to %s from the row → %s", async (actorRole, targetRole, to, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () => changeRoleAction(idle, form({ org: org.slug, userId: target.id, role: to }));
    if (expected === "ok") {
      expect(await call()).toMatchObject({ ok: true });
      expect((await membershipOf(org.id, target.id)).role).toBe(to);
    } else {
      expect(await expectNoChange(t.db, call)).toMatchObject({ ok: false, code: expected });
    }
  });

  it.each(roleTable)("R3: %s changing another %s to %s in bulk → %s, as that row's own result", async (actorRole, targetRole, to, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () => bulkMembersAction(idle, form({ org: org.slug, op: "role", role: to, rows: [`member:${target.id}`] }));
    if (expected === "ok") {
      const result = await call();
      expect(result.data).toEqual([expect.objectContaining({ id: target.id, ok: true })]);
      expect((await membershipOf(org.id, target.id)).role).toBe(to);
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: true });
      // Issue 14.25: the row's refusal carries the same code as the single action's.
      expect(result.data).toEqual([expect.objectContaining({ id: target.id, ok: false, code: expected })]);
    }
  });

  it.each(deleteTable)("R4/R9: %s suspending and deleting another %s in bulk → %s per row", async (actorRole, targetRole, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const suspend = () => bulkMembersAction(idle, form({ org: org.slug, op: "suspend", rows: [`member:${target.id}`] }));
    const remove = () => bulkMembersAction(idle, form({ org: org.slug, op: "delete", rows: [`member:${target.id}`] }));
    if (expected === "ok") {
      expect((await suspend()).data).toEqual([expect.objectContaining({ ok: true })]);
      expect((await membershipOf(org.id, target.id)).status).toBe("suspended");
      expect((await remove()).data).toEqual([expect.objectContaining({ ok: true })]);
      expect(await membershipOf(org.id, target.id)).toBeUndefined();
    } else {
      for (const call of [suspend, remove]) {
        const result = await expectNoChange(t.db, call);
        expect(result.data).toEqual([expect.objectContaining({ ok: false, code: expected })]);
      }
    }
  });
});

describe("R9 suspend, by actor role and target role (follows R4)", () => {
  it.each(deleteTable)("R9: %s suspending another %s → %s", async (actorRole, targetRole, expected) => {
    const { org, actor, target } = await scene(actorRole, targetRole);
    actAs(actor.id);
    const call = () => setMemberStatusAction(idle, form({ org: org.slug, userId: target.id, status: "suspended" }));
    if (expected === "ok") {
      expect(await call()).toMatchObject({ ok: true });
      expect((await membershipOf(org.id, target.id)).status).toBe("suspended");
      // …and re-activating follows the same rule.
      expect(
        await setMemberStatusAction(idle, form({ org: org.slug, userId: target.id, status: "active" })),
      ).toMatchObject({ ok: true });
      expect((await membershipOf(org.id, target.id)).status).toBe("active");
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });

  it.each(roles)("R9: a %s cannot suspend themselves", async (role) => {
    const { org, actor } = await scene(role, "user");
    actAs(actor.id);
    const result = await expectNoChange(t.db, () =>
      setMemberStatusAction(idle, form({ org: org.slug, userId: actor.id, status: "suspended" })),
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("R1 through resend and revoke", () => {
  it("R1: a Manager cannot grant Manager by resending or revoking an Admin's Manager invitation", async () => {
    const { org, actor: manager, founder } = await scene("manager", "user");
    const email = uniqueEmail("future-manager");
    const { invitation } = await makeInvitation(t.db, org.id, founder.id, { email, role: "manager" });
    actAs(manager.id);
    const resent = await expectNoChange(t.db, () =>
      resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id })),
    );
    expect(resent).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const revoked = await expectNoChange(t.db, () =>
      revokeInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id })),
    );
    expect(revoked).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R1: a Manager re-inviting the address of a pending Manager invitation (as User) is refused, not resent", async () => {
    const { org, actor: manager, founder } = await scene("manager", "user");
    const email = uniqueEmail("future-manager");
    await makeInvitation(t.db, org.id, founder.id, { email, role: "manager" });
    actAs(manager.id);
    const result = await expectNoChange(t.db, () =>
      inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" })),
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R1/T3: that address in a list with new ones refuses the whole list: no other address is half-sent", async () => {
    const { org, actor: manager, founder } = await scene("manager", "user");
    const managerInvite = uniqueEmail("future-manager");
    await makeInvitation(t.db, org.id, founder.id, { email: managerInvite, role: "manager" });
    actAs(manager.id);
    const list = [uniqueEmail("fresh"), managerInvite, uniqueEmail("fresh")].join("\n");
    const result = await expectNoChange(t.db, () => inviteMembersAction(idle, form({ org: org.slug, emails: list, role: "user" })));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R1: an expired Manager invitation on a full organization: a Manager is refused for the role, not for the seat", async () => {
    const org = await makeOrg(t.db, { tier: "free" });
    const founder = (await addNamedMember(t.db, org.id, "admin")).user;
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    await addNamedMember(t.db, org.id, "user");
    await addNamedMember(t.db, org.id, "user");
    const email = uniqueEmail("expired-manager");
    await makeInvitation(t.db, org.id, founder.id, { email, role: "manager", expiresAt: new Date(Date.now() - 1000) });
    actAs(manager.id);
    const result = await expectNoChange(t.db, () => inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" })));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R1: a Manager resends and revokes User invitations", async () => {
    const { org, actor: manager, founder } = await scene("manager", "user");
    const { invitation } = await makeInvitation(t.db, org.id, founder.id, { email: uniqueEmail(), role: "user" });
    actAs(manager.id);
    expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
    expect(await revokeInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.status).toBe("revoked");
  });

  it("R1: a User neither resends nor revokes a User invitation", async () => {
    const { org, actor: user, founder } = await scene("user", "user");
    const { invitation } = await makeInvitation(t.db, org.id, founder.id, { email: uniqueEmail(), role: "user" });
    actAs(user.id);
    for (const action of [resendInvitationAction, revokeInvitationAction]) {
      const result = await expectNoChange(t.db, () => action(idle, form({ org: org.slug, invitationId: invitation.id })));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });
});

describe("R8 roles are read fresh on every action", () => {
  it("R8: a Manager demoted to User is refused at their very next action", async () => {
    const { org, founder, actor: manager, target: user } = await scene("manager", "user");
    // Before: the Manager may invite and edit a User.
    actAs(manager.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" }))).toMatchObject({ ok: true });

    actAs(founder.id);
    expect(await updateMemberAction(idle, editForm(org.slug, manager, "user"))).toMatchObject({ ok: true });

    actAs(manager.id);
    const invite = await expectNoChange(t.db, () =>
      inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" })),
    );
    expect(invite).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const edit = await expectNoChange(t.db, () =>
      updateMemberAction(idle, editForm(org.slug, user, "user", { firstName: "Nope" })),
    );
    expect(edit).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const del = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ org: org.slug, userId: user.id })));
    expect(del).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("R8: a User promoted to Manager may invite at their very next action", async () => {
    const { org, founder, target: user } = await scene("admin", "user");
    actAs(user.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    actAs(founder.id);
    expect(await updateMemberAction(idle, editForm(org.slug, user, "manager"))).toMatchObject({ ok: true });
    actAs(user.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" }))).toMatchObject({ ok: true });
  });
});
