import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canChangePlanSeats,
  canCheckInSurvey,
  canCheckOutSurvey,
  canChangeRole,
  canChangeTier,
  canDeleteMember,
  canEditProfile,
  canEditSurvey,
  canExportMemberSurveys,
  canForceCheckIn,
  canInvite,
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

describe("T4 tier, A1 activity, P1 subscribe, O4 reassign, S3 export", () => {
  it.each(roles)("T4/A1/P1/O4: only an Admin — %s", (role) => {
    const isAdmin = role === "admin";
    expect(canChangeTier(role)).toBe(isAdmin);
    expect(canReadAudit(role)).toBe(isAdmin);
    expect(canSubscribe(role)).toBe(isAdmin);
    expect(canReassignPlan(role)).toBe(isAdmin);
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
