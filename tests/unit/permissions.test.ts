import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canChangePlanSeats,
  canCheckInSurvey,
  canCheckOutSurvey,
  canChangeRole,
  canChangeTier,
  canManageWebhooks,
  canDeleteMember,
  canEditProfile,
  canEditSurvey,
  canExportMemberSurveys,
  canCancelTransfer,
  canCompleteTask,
  canEditPlanUserPermissions,
  canForceCheckIn,
  canInvite,
  canInviteToPlan,
  canOfferPlanOnInvite,
  canRemoveFromPlan,
  canRespondToTransfer,
  canSeeWorkflowsOf,
  canSubscribeToProduct,
  hasPlanPermission,
  planAllowsAddingUsers,
  planCapabilities,
  canManageInvitation,
  canManagePlanUsers,
  canManageSurveyShareLink,
  canMergeSurveys,
  canReadAudit,
  canReassignPlan,
  canSubscribe,
  canSuspendMember,
  canTransferOwnership,
  canTransferSurvey,
  grantableRoles,
  roles,
  type Role,
} from "@/lib/permissions";

// The tables below are written from SPEC §3 by hand, not derived from the code they test.
const me = (role: Role) => ({ userId: "actor", role });
const other = (role: Role) => ({ userId: "target", role });

describe("R1 invite: who may grant which role", () => {
  const table: Record<Role, Record<Role, boolean>> = {
    admin: { admin: true, manager: true, user: true },
    manager: { admin: false, manager: false, user: true },
    user: { admin: false, manager: false, user: false },
  };
  for (const actor of roles)
    for (const grant of roles)
      it(`R1: ${actor} ${table[actor][grant] ? "may" : "may not"} invite as ${grant}`, () => {
        expect(canInvite(actor, grant)).toBe(table[actor][grant]);
        expect(grantableRoles(actor).includes(grant)).toBe(table[actor][grant]);
        // Resending or revoking an invitation is granting its role again (I3 with R1).
        expect(canManageInvitation(actor, grant)).toBe(table[actor][grant]);
      });
});

describe("R2 edit: name, email and phone", () => {
  const table: Record<Role, Record<Role, boolean>> = {
    admin: { admin: false, manager: true, user: true },
    manager: { admin: false, manager: false, user: true },
    user: { admin: false, manager: false, user: false },
  };
  for (const actor of roles)
    for (const target of roles)
      it(`R2: ${actor} ${table[actor][target] ? "edits" : "does not edit"} another ${target}`, () => {
        expect(canEditProfile(me(actor), other(target))).toBe(table[actor][target]);
      });
  for (const role of roles)
    it(`R2: a ${role} edits their own profile`, () => {
      expect(canEditProfile(me(role), me(role))).toBe(true);
    });
});

describe("R3 role changes", () => {
  // [actor, target's current role, new role] → allowed, for a target who is someone else.
  const allowed = new Set(["admin:manager:admin", "admin:manager:user", "admin:user:admin", "admin:user:manager"]);
  for (const actor of roles)
    for (const from of roles)
      for (const to of roles) {
        if (from === to) continue;
        const key = `${actor}:${from}:${to}`;
        it(`R3: ${actor} ${allowed.has(key) ? "may" : "may not"} change another ${from} to ${to}`, () => {
          expect(canChangeRole(me(actor), other(from), to)).toBe(allowed.has(key));
          expect(assignableRoles(me(actor), other(from)).includes(to)).toBe(allowed.has(key));
        });
      }

  it("R3: an Admin may step down (R7's other-Admin check is the service's, under a lock)", () => {
    expect(canChangeRole(me("admin"), me("admin"), "manager")).toBe(true);
    expect(canChangeRole(me("admin"), me("admin"), "user")).toBe(true);
  });

  it("R3: Managers and Users cannot change their own role", () => {
    for (const role of ["manager", "user"] as const)
      for (const to of roles) expect(canChangeRole(me(role), me(role), to)).toBe(false);
  });

  it("R3/R9: nobody changes a suspended member's role (promoted to Admin, they could never be re-activated)", () => {
    for (const from of ["manager", "user"] as const) {
      for (const to of roles) expect(canChangeRole(me("admin"), { ...other(from), status: "suspended" }, to)).toBe(false);
      expect(assignableRoles(me("admin"), { ...other(from), status: "suspended" })).toEqual([from]);
    }
  });
});

describe("R4 delete and R9 suspend", () => {
  const table: Record<Role, Record<Role, boolean>> = {
    admin: { admin: false, manager: true, user: true },
    manager: { admin: false, manager: true, user: true },
    user: { admin: false, manager: false, user: false },
  };
  for (const actor of roles)
    for (const target of roles)
      it(`R4/R9: ${actor} ${table[actor][target] ? "may" : "may not"} delete or suspend a ${target}`, () => {
        expect(canDeleteMember(me(actor), other(target))).toBe(table[actor][target]);
        expect(canSuspendMember(me(actor), other(target))).toBe(table[actor][target]);
      });
  for (const role of roles)
    it(`R4: a ${role} does not delete themselves with Delete User`, () => {
      expect(canDeleteMember(me(role), me(role))).toBe(false);
    });
});

describe("C1–C4 the directory (a SCIM token, issue 17): an Admin that also acts on Admins, never on its token's creator", () => {
  // The directory acts as its token's creator ("actor") with the Admin role (K2 caps it there).
  const directory = { userId: "actor", role: "admin" as const, directory: true };
  for (const target of roles) {
    it(`C2/C3 R4 R9: the directory may suspend and delete another ${target}`, () => {
      expect(canSuspendMember(directory, other(target))).toBe(true);
      expect(canDeleteMember(directory, other(target))).toBe(true);
    });
    it(`C1 R2: the directory edits the details of another ${target}`, () => {
      expect(canEditProfile(directory, other(target))).toBe(true);
    });
  }
  it("C2/C3: never the token's own creator: suspending or deleting them would stop the token", () => {
    expect(canSuspendMember(directory, me("admin"))).toBe(false);
    expect(canDeleteMember(directory, me("admin"))).toBe(false);
    for (const to of roles) expect(canChangeRole(directory, me("admin"), to)).toBe(false);
  });
  it("C4 R3: the directory demotes and promotes Admins, Managers and Users, never a suspended member", () => {
    for (const from of roles)
      for (const to of roles) {
        expect(canChangeRole(directory, other(from), to)).toBe(from !== to);
        expect(canChangeRole(directory, { ...other(from), status: "suspended" }, to)).toBe(false);
      }
  });
  it("C1–C4 K2: a directory below the Admin role (never issued: SCIM tokens are Admin tokens) suspends, deletes and edits nobody", () => {
    for (const role of ["manager", "user"] as const) {
      const capped = { userId: "actor", role, directory: true };
      for (const target of roles) {
        expect(canDeleteMember(capped, other(target))).toBe(false);
        expect(canSuspendMember(capped, other(target))).toBe(false);
        expect(canEditProfile(capped, other(target))).toBe(false);
      }
    }
  });
});

describe("T4 tier, A1 activity, P1 subscribe, O4 reassign, S3 export", () => {
  it.each(roles)("T4/A1/P1/O4: only an Admin — %s", (role) => {
    const isAdmin = role === "admin";
    expect(canChangeTier(role)).toBe(isAdmin);
    expect(canReadAudit(role)).toBe(isAdmin);
    expect(canSubscribe(role)).toBe(isAdmin);
    expect(canReassignPlan(role)).toBe(isAdmin);
  });
  it.each(roles)("W1: only an Admin manages webhook endpoints — %s", (role) => {
    expect(canManageWebhooks(role)).toBe(role === "admin");
  });
  it.each(roles)("S3: Admins and Managers export a member's surveys — %s", (role) => {
    expect(canExportMemberSurveys(role)).toBe(role !== "user");
  });
});

describe("S2 force check-in, transfer, merge", () => {
  for (const role of roles) {
    const anyone = role !== "user";
    it(`S2: ${role} on a survey they own`, () => {
      expect(canForceCheckIn(me(role), "actor")).toBe(true);
      expect(canTransferSurvey(me(role), "actor")).toBe(true);
      expect(canMergeSurveys(me(role), "actor", "actor")).toBe(true);
    });
    it(`S2: ${role} on someone else's survey → ${anyone}`, () => {
      expect(canForceCheckIn(me(role), "target")).toBe(anyone);
      expect(canTransferSurvey(me(role), "target")).toBe(anyone);
      expect(canMergeSurveys(me(role), "actor", "target")).toBe(anyone);
      expect(canMergeSurveys(me(role), "target", "actor")).toBe(anyone);
    });
  }
});

// S2, written out from the Ecobot article: "Force check-in, transfer, and merge surveys between
// any user" (Admins, Managers); "… only surveys they own" (Users). Every owner role is listed,
// so a rule that looked at the owner's role instead of who owns would show up.
type Owner = "actor" | Role;
const owners: Owner[] = ["actor", "admin", "manager", "user"];
const ownerId = (o: Owner) => (o === "actor" ? "actor" : `owner-${o}`);
const s2Table: Record<Role, Record<Owner, boolean>> = {
  admin: { actor: true, admin: true, manager: true, user: true },
  manager: { actor: true, admin: true, manager: true, user: true },
  user: { actor: true, admin: false, manager: false, user: false },
};

describe("S2 the whole table: every actor role × every owner", () => {
  for (const role of roles)
    for (const owner of owners) {
      const expected = s2Table[role][owner];
      it(`S2: a ${role} ${expected ? "may" : "may not"} force check-in or transfer a survey owned by ${owner === "actor" ? "themselves" : `a ${owner}`}`, () => {
        expect(canForceCheckIn(me(role), ownerId(owner))).toBe(expected);
        expect(canTransferSurvey(me(role), ownerId(owner))).toBe(expected);
      });
      // The share link is managed like S2 (docs/decisions/022).
      it(`S2/share link: a ${role} ${expected ? "may" : "may not"} manage the share link of a survey owned by ${owner === "actor" ? "themselves" : `a ${owner}`}`, () => {
        expect(canManageSurveyShareLink(me(role), ownerId(owner))).toBe(expected);
      });
    }
  for (const role of roles)
    for (const source of owners)
      for (const target of owners) {
        const expected = role !== "user" || (source === "actor" && target === "actor");
        it(`S2 merge: a ${role}, source owned by ${source}, target owned by ${target} → ${expected}`, () => {
          expect(canMergeSurveys(me(role), ownerId(source), ownerId(target))).toBe(expected);
        });
      }
});

describe("S1 check-out, check-in, edit", () => {
  for (const role of roles) {
    it(`S1: a ${role} checks out a survey nobody holds, whoever owns it, and not one someone holds`, () => {
      expect(canCheckOutSurvey(me(role), null)).toBe(true);
      expect(canCheckOutSurvey(me(role), "target")).toBe(false);
      expect(canCheckOutSurvey(me(role), "actor")).toBe(false);
    });
    it(`S1: a ${role} edits and checks in only what they hold`, () => {
      expect(canEditSurvey(me(role), "actor")).toBe(true);
      expect(canEditSurvey(me(role), "target")).toBe(false);
      expect(canEditSurvey(me(role), null)).toBe(false);
      expect(canCheckInSurvey(me(role), "actor")).toBe(true);
      expect(canCheckInSurvey(me(role), "target")).toBe(false);
      expect(canCheckInSurvey(me(role), null)).toBe(false);
    });
  }
});

describe("P7 plan users, O1 transfer ownership", () => {
  for (const role of roles) {
    it(`P7: a ${role} who subscribes manages the plan's users and seats; O1: and transfers it`, () => {
      expect(canManagePlanUsers(me(role), "actor")).toBe(true);
      expect(canChangePlanSeats(me(role), "actor")).toBe(true);
      expect(canTransferOwnership(me(role), "actor")).toBe(true);
    });
    it(`P7: a ${role} who does not subscribe → ${role === "admin"}; O1: never transfers`, () => {
      expect(canManagePlanUsers(me(role), "target")).toBe(role === "admin");
      expect(canChangePlanSeats(me(role), "target")).toBe(role === "admin");
      expect(canTransferOwnership(me(role), "target")).toBe(false);
    });
  }
});

// The tables below are written out from SPEC §5, §6 and §8 by hand; "sub" is whether the actor
// subscribes to the plan in question.
describe("P1 subscribe: Admins, and Service only in supplier organizations", () => {
  const table: Array<[Role, "client" | "supplier", boolean, boolean]> = [
    ["admin", "client", false, true],
    ["admin", "client", true, false],
    ["admin", "supplier", false, true],
    ["admin", "supplier", true, true],
    ["manager", "client", false, false],
    ["manager", "supplier", true, false],
    ["user", "client", false, false],
    ["user", "supplier", true, false],
  ];
  it.each(table)("P1/I6: a %s of a %s organization, supplier-only product %s → %s", (role, kind, supplierOnly, expected) => {
    expect(canSubscribeToProduct(role, kind, { supplierOnly })).toBe(expected);
  });
});

describe("P3 Add User To Plan only on plans that allow several users", () => {
  it.each([
    ["several", true],
    ["unlimited", true],
    ["single", false],
  ] as const)("P3: a %s-user plan → %s", (mode, expected) => {
    expect(planAllowsAddingUsers(mode)).toBe(expected);
  });
});

describe("P3/P7 with R1: inviting a new person from a plan", () => {
  const table: Array<[Role, boolean, boolean]> = [
    ["admin", true, true],
    ["admin", false, true],
    ["manager", true, true],
    ["manager", false, false],
    ["user", true, false],
    ["user", false, false],
  ];
  it.each(table)("P3: a %s (subscriber: %s) invites a new person to the plan → %s", (role, sub, expected) => {
    expect(canInviteToPlan(me(role), sub ? "actor" : "target")).toBe(expected);
  });
});

describe("I1 with P7: plans offered under plans to join", () => {
  const modes = ["several", "unlimited", "single"] as const;
  for (const role of roles)
    for (const sub of [true, false])
      for (const mode of modes) {
        const expected = (role === "admin" || sub) && mode !== "single";
        it(`I1/P7: a ${role} (subscriber: ${sub}) offers a ${mode}-user plan → ${expected}`, () => {
          expect(canOfferPlanOnInvite(me(role), { subscriberId: sub ? "actor" : "target", userMode: mode })).toBe(expected);
        });
      }
});

describe("P5/P6 with P7: edit permissions and remove from plan", () => {
  for (const role of roles)
    for (const sub of [true, false]) {
      const manages = role === "admin" || sub;
      const subscriberId = sub ? "actor" : "someone-else";
      it(`P5/P6: a ${role} (subscriber: ${sub}) on another plan user → ${manages}`, () => {
        expect(canEditPlanUserPermissions(me(role), subscriberId, "target")).toBe(manages);
        expect(canRemoveFromPlan(me(role), subscriberId, "target")).toBe(manages);
      });
      it(`P5/P6: a ${role} (subscriber: ${sub}) on an invitee's place → ${manages}`, () => {
        expect(canEditPlanUserPermissions(me(role), subscriberId, null)).toBe(manages);
        expect(canRemoveFromPlan(me(role), subscriberId, null)).toBe(manages);
      });
      it(`P5/P6: a ${role} (subscriber: ${sub}) never edits or removes the subscriber`, () => {
        expect(canEditPlanUserPermissions(me(role), subscriberId, subscriberId)).toBe(false);
        expect(canRemoveFromPlan(me(role), subscriberId, subscriberId)).toBe(false);
      });
    }
});

describe("P5 permissions in the product area", () => {
  const none: string[] = [];
  for (const capability of planCapabilities) {
    it(`P5: the subscriber always holds ${capability}, granted or not`, () => {
      expect(hasPlanPermission({ userId: "sub", granted: none }, "sub", capability)).toBe(true);
    });
    it(`P5: a plan user holds ${capability} exactly when granted`, () => {
      expect(hasPlanPermission({ userId: "u", granted: none }, "sub", capability)).toBe(false);
      expect(hasPlanPermission({ userId: "u", granted: [capability] }, "sub", capability)).toBe(true);
      const others = planCapabilities.filter((c) => c !== capability);
      expect(hasPlanPermission({ userId: "u", granted: others }, "sub", capability)).toBe(false);
    });
  }
  it("§6/P5: own workflows always; another user's only with workflows.view_all (the subscriber always)", () => {
    expect(canSeeWorkflowsOf({ userId: "u", granted: none }, "sub", "u")).toBe(true);
    expect(canSeeWorkflowsOf({ userId: "u", granted: none }, "sub", "v")).toBe(false);
    expect(canSeeWorkflowsOf({ userId: "u", granted: ["workflows.create", "tasks.send"] }, "sub", "v")).toBe(false);
    expect(canSeeWorkflowsOf({ userId: "u", granted: ["workflows.view_all"] }, "sub", "v")).toBe(true);
    expect(canSeeWorkflowsOf({ userId: "sub", granted: none }, "sub", "v")).toBe(true);
  });
  it("§6: a task is marked done by its assignee or its sender, nobody else", () => {
    const task = { assigneeId: "a", senderId: "s" };
    expect(canCompleteTask("a", task)).toBe(true);
    expect(canCompleteTask("s", task)).toBe(true);
    expect(canCompleteTask("x", task)).toBe(false);
  });
});

describe("O1/O2 transfer: cancel by the subscriber who asked, answer by the recipient", () => {
  for (const role of roles) {
    it(`O1: a ${role} who asked and still subscribes cancels; anyone else does not`, () => {
      expect(canCancelTransfer(me(role), { fromUserId: "actor" }, "actor")).toBe(true);
      expect(canCancelTransfer(me(role), { fromUserId: "actor" }, "target")).toBe(false);
      expect(canCancelTransfer(me(role), { fromUserId: "target" }, "target")).toBe(false);
    });
    it(`O2: a ${role} answers only a transfer addressed to them`, () => {
      expect(canRespondToTransfer(me(role), "actor")).toBe(true);
      expect(canRespondToTransfer(me(role), "target")).toBe(false);
      expect(canRespondToTransfer(me(role), null)).toBe(false);
    });
  }
});

// ── Issue 14 items 6, 7 and 24: the Users page's questions, asked of lib/permissions ──────────────
import {
  canChangeRoles,
  canMergeIntoOthersSurveys,
  canMergeSurveyAway,
  canSelectMembers,
  personOpRefusal,
  personRowActions,
  roleCapabilities,
  roleChangeEffects,
  roleSummary,
  type PersonOp,
  type PersonTarget,
} from "@/lib/permissions";

const member = (role: Role, extra: Partial<PersonTarget> = {}): PersonTarget => ({ kind: "member", id: "target", role, status: "active", ...extra });
const invitation = (role: Role): PersonTarget => ({ kind: "invitation", id: "inv", role, status: "invited" });

describe("#14.24 who selects rows and uses bulk actions on Users", () => {
  it("#14.24 R4 R9: Admins and Managers select rows; Users do not", () => {
    expect(roles.map(canSelectMembers)).toEqual([true, true, false]);
  });
  it("#14.24 R3: only Admins are offered Change role", () => {
    expect(roles.map(canChangeRoles)).toEqual([true, false, false]);
  });
});

describe("#14.6 which rows a bulk action cannot apply to, said before it runs", () => {
  // Written from SPEC R3, R4, R5, R9 and R1: true = the action applies to the row.
  const cases: Array<[Role, PersonOp, PersonTarget, Role | undefined, boolean]> = [
    ["admin", "delete", member("user"), undefined, true],
    ["admin", "delete", member("manager"), undefined, true],
    ["admin", "delete", member("admin"), undefined, false],
    ["manager", "delete", member("manager"), undefined, true],
    ["manager", "delete", member("admin"), undefined, false],
    ["user", "delete", member("user"), undefined, false],
    ["admin", "delete", member("user", { deleteBlocked: "Transfer 1 survey first." }), undefined, false],
    ["admin", "delete", invitation("user"), undefined, false],
    ["admin", "suspend", member("user"), undefined, true],
    ["admin", "suspend", member("user", { status: "suspended" }), undefined, false],
    ["admin", "reactivate", member("user", { status: "suspended" }), undefined, true],
    ["admin", "reactivate", member("user"), undefined, false],
    ["manager", "suspend", member("admin"), undefined, false],
    ["admin", "role", member("user"), "manager", true],
    ["admin", "role", member("user"), "user", false],
    ["admin", "role", member("admin"), "user", false],
    ["admin", "role", member("user", { status: "suspended" }), "manager", false],
    ["manager", "role", member("user"), "manager", false],
    ["admin", "role", member("user"), undefined, false],
    ["admin", "resend", invitation("admin"), undefined, true],
    ["manager", "resend", invitation("manager"), undefined, false],
    ["manager", "revoke", invitation("user"), undefined, true],
    ["admin", "revoke", member("user"), undefined, false],
  ];
  for (const [actor, op, target, to, applies] of cases)
    it(`#14.6 ${actor} ${op}${to ? ` to ${to}` : ""} on a ${target.status} ${target.kind} (${target.role})${target.deleteBlocked ? " that owns surveys (R5)" : ""}: ${applies ? "applies" : "refused with a reason"}`, () => {
      const reason = personOpRefusal(me(actor), op, target, to);
      if (applies) expect(reason).toBeNull();
      else expect(reason).toEqual(expect.any(String));
    });
  it("#14.6 R4: nobody deletes or suspends themselves, whatever their role", () => {
    for (const role of roles) {
      expect(personOpRefusal(me(role), "delete", { ...member(role), id: "actor" })).toEqual(expect.any(String));
      expect(personOpRefusal(me(role), "suspend", { ...member(role), id: "actor" })).toEqual(expect.any(String));
    }
  });
  it("#14.6 R5: the reason for a member who owns surveys is the one the service gives", () => {
    expect(personOpRefusal(me("admin"), "delete", member("user", { deleteBlocked: "Transfer 2 surveys first." }))).toBe("Transfer 2 surveys first.");
  });
  it("#14.6 a row's menu offers what the bulk dialog would let through", () => {
    for (const actor of roles)
      for (const role of roles) {
        const can = personRowActions(me(actor), member(role));
        expect(can.delete).toBe(personOpRefusal(me(actor), "delete", member(role)) === null);
        expect(can.suspend).toBe(personOpRefusal(me(actor), "suspend", member(role)) === null);
        expect(personRowActions(me(actor), invitation(role)).revoke).toBe(personOpRefusal(me(actor), "revoke", invitation(role)) === null);
      }
  });
});

describe("#14.7 roles described from the permission table", () => {
  it("#14.7 R1–R4 T4 A1 S2: each role's line says what SPEC §3 gives it", () => {
    expect(roleSummary("admin")).toMatch(/account subscription/);
    expect(roleSummary("admin")).toMatch(/invite Admins, Managers and Users/);
    expect(roleSummary("admin")).toMatch(/every survey/);
    expect(roleSummary("manager")).toMatch(/^Invite Users;/);
    expect(roleSummary("manager")).toMatch(/suspend and delete Managers and Users/);
    expect(roleSummary("manager")).not.toMatch(/account subscription|promote/);
    expect(roleSummary("user")).toBe("Manage only the surveys they own.");
  });
  it("#14.7 each description follows the functions it is read from", () => {
    for (const role of roles) {
      const keys = roleCapabilities(role).map((c) => c.key);
      expect(keys.includes("tier")).toBe(canChangeTier(role));
      expect(keys.includes("audit")).toBe(canReadAudit(role));
      expect(keys.includes("invite")).toBe(grantableRoles(role).length > 0);
    }
  });
  it("#14.7 promoting a User to Manager gains inviting and every survey and loses nothing", () => {
    const { gains, loses } = roleChangeEffects("user", "manager");
    expect(gains).toEqual(expect.arrayContaining(["invite Users", "manage every survey"]));
    expect(loses).toEqual([]);
  });
  it("#14.7 an Admin stepping down to User loses the account subscription and every survey, gains nothing", () => {
    const { gains, loses } = roleChangeEffects("admin", "user");
    expect(gains).toEqual([]);
    expect(loses).toEqual(expect.arrayContaining(["change the account subscription", "manage every survey"]));
  });
});

describe("#14.24 S2 merge asked of one survey without a made-up target", () => {
  it("#14.24 S2: Admins and Managers may merge any survey away; Users only their own", () => {
    expect(canMergeSurveyAway(me("admin"), "someone")).toBe(true);
    expect(canMergeSurveyAway(me("manager"), "someone")).toBe(true);
    expect(canMergeSurveyAway(me("user"), "someone")).toBe(false);
    expect(canMergeSurveyAway(me("user"), "actor")).toBe(true);
  });
});

describe("#14.24 S2 which surveys the Merge picker offers", () => {
  it("#14.24 S2: Admins and Managers merge into anyone's survey; Users only into their own", () => {
    expect(roles.map((r) => canMergeIntoOthersSurveys(me(r)))).toEqual([true, true, false]);
  });
});
