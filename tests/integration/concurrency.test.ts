import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { invitations, memberships } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { updateMember } from "@/lib/members/update-member";
import { createOrganization } from "@/lib/orgs/create-organization";
import { organizations } from "@/db/schema";
import { makeUser } from "../support/factories";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { itRace } from "../support/race";
import { addMember, makeInvitation, makeOrgWithMembers } from "../support/factories";

// Enough connections that the requests below really run at the same time on PostgreSQL. On
// PGlite (one connection) they would run one after another and prove nothing: itRace skips them
// there, loudly, and fails them in CI (SEATWISE_REQUIRE_RACES=1).
const t = setupTestDatabase({ poolSize: 50 });
const baseUrl = "http://localhost:3000";

type Org = Awaited<ReturnType<typeof makeOrgWithMembers>>["org"];
type Member = Awaited<ReturnType<typeof addMember>>;

function contextOf(org: Org, member: Member): MemberContext {
  return {
    user: { id: member.user.id, email: member.user.email, name: member.user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: member.membership.id, role: member.membership.role, status: member.membership.status },
  };
}

const rounds = Number(process.env.SEATWISE_CONCURRENCY_ROUNDS ?? 20);

describe("T5 seats never pass the limit under concurrency", () => {
  itRace(`T5: one free seat, 50 invitations and resends at once, ${rounds} times: exactly one wins each time`, async () => {
    for (let round = 0; round < rounds; round++) {
      // Free tier (4 seats): 3 members, so one seat is free.
      const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin", "manager", "user"]);
      const admin = contextOf(org, members[0]);
      const expired = [];
      for (let i = 0; i < 25; i++) {
        expired.push(
          (await makeInvitation(t.db, org.id, admin.user.id, { expiresAt: new Date(Date.now() - 60_000) })).invitation,
        );
      }
      const attempts = [
        ...Array.from({ length: 25 }, (_, i) =>
          inviteMembers(admin, { emails: [`r${round}-new${i}@example.test`], role: "user", firstName: undefined, lastName: undefined }, { baseUrl }).then((results) =>
            results.every((r) => r.outcome === "invited"),
          ),
        ),
        ...expired.map((inv) =>
          resendInvitation(admin, inv.id, { baseUrl }).then(
            () => true,
            (error) => {
              if (isAppError(error) && error.code === "SEAT_LIMIT") return false;
              throw error;
            },
          ),
        ),
      ];
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const usage = await seatUsage(t.db, org.id);
      expect(usage.used).toBe(4);
      expect(usage.used).toBeLessThanOrEqual(usage.limit!);
    }
  });

  itRace("T5/I4: 20 simultaneous accepts of one invitation make one membership", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin"]);
    const { invitation, token } = await makeInvitation(t.db, org.id, members[0].user.id, { role: "manager" });
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => acceptInvitation({ token, signedIn: null })));
    const won = settled.filter((s) => s.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const lost of settled.filter((s) => s.status === "rejected")) {
      const reason = (lost as PromiseRejectedResult).reason;
      expect(isAppError(reason) ? reason.code : String(reason)).toBe("ALREADY_USED");
    }
    const [{ n }] = await t.db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, org.id));
    expect(n).toBe(2);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.status).toBe("accepted");
  });
});

describe("I4 single use, when the invitee already has an account", () => {
  // The variant above has no account yet: its accepts queue on the users' unique email index
  // before they reach the claim. Here nothing is created, so they meet at the claim itself.
  itRace("I4: 20 simultaneous accepts by the signed-in invitee make one membership; the others are ALREADY_USED", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin"]);
    const invitee = await makeUser(t.db, { email: `known-${randomUUID().slice(0, 8)}@example.test`, emailVerified: new Date() });
    const { invitation, token } = await makeInvitation(t.db, org.id, members[0].user.id, { role: "user", email: invitee.email });
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, () => acceptInvitation({ token, signedIn: { id: invitee.id, email: invitee.email } })),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    for (const lost of settled.filter((s) => s.status === "rejected")) {
      const reason = (lost as PromiseRejectedResult).reason;
      expect(isAppError(reason) ? reason.code : String(reason)).toBe("ALREADY_USED");
    }
    const mine = await t.db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, invitee.id)));
    expect(mine).toHaveLength(1);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.status).toBe("accepted");
  });
});

describe("R7 an organization always has an Admin", () => {
  itRace("R7: the only two Admins stepping down at the same moment leave one Admin, 10 times", async () => {
    for (let round = 0; round < 10; round++) {
      const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "admin"]);
      const stepDown = (m: Member) =>
        updateMember(
          contextOf(org, m),
          {
            userId: m.user.id,
            firstName: m.user.name ?? "Admin",
            lastName: "",
            email: m.user.email,
            phone: null,
            role: "user",
          },
          { baseUrl },
        ).then(
          () => "stepped-down",
          (error) => (isAppError(error) ? error.code : Promise.reject(error)),
        );
      const results = await Promise.all(members.map(stepDown));
      expect(results.sort()).toEqual(["LAST_ADMIN", "stepped-down"]);
      const [{ admins }] = await t.db
        .select({ admins: count() })
        .from(memberships)
        .where(and(eq(memberships.orgId, org.id), eq(memberships.role, "admin")));
      expect(admins).toBe(1);
    }
  });
});

describe("unique things claimed at the same moment", () => {
  itRace("I5: ten people creating organizations of the same name at once each get one, with distinct slugs", async () => {
    const founders = await Promise.all(Array.from({ length: 10 }, () => makeUser(t.db)));
    const name = `Same Name ${Date.now()}`;
    const orgs = await Promise.all(founders.map((f) => createOrganization({ userId: f.id, name })));
    expect(new Set(orgs.map((o) => o.slug)).size).toBe(10);
    const rows = await t.db.select().from(organizations).where(eq(organizations.name, name));
    expect(rows).toHaveLength(10);
  });
});
