import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, describe, expect, vi } from "vitest";
import { memberships, organizations, sessions, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { deleteMember } from "@/lib/members/delete-member";
import { setMemberStatus } from "@/lib/members/set-member-status";
import { updateMember } from "@/lib/members/update-member";
import { changeTier } from "@/lib/orgs/change-tier";
import { setupTestDatabase } from "../support/db";
import { makeOrg } from "../support/factories";
import { itRace } from "../support/race";
import { addNamedMember } from "../support/state";
import { backendPid, waitUntilBlockedBy } from "../support/locks";

/**
 * One lock order on every path (organization row first, then the rows under it), and the caller's
 * role read again once that lock is held (R8). Both are about timing, so both run on PostgreSQL
 * with real concurrent connections.
 */
const t = setupTestDatabase({ poolSize: 20 });
const baseUrl = "http://localhost:3000";

afterEach(() => vi.restoreAllMocks());

type Person = Awaited<ReturnType<typeof addNamedMember>>["user"];
type Org = Awaited<ReturnType<typeof makeOrg>>;

function contextOf(org: Org, person: Person, role: "admin" | "manager" | "user"): MemberContext {
  return {
    user: { id: person.id, email: person.email, name: person.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: "irrelevant", role, status: "active" },
  };
}

function selfEdit(person: Person, role: "admin" | "manager" | "user") {
  return { userId: person.id, firstName: person.firstName!, lastName: person.lastName ?? "", email: person.email, phone: null, role };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (error) => (isAppError(error) ? error.code : `crash: ${String((error as Error).message ?? error)}`),
  );

describe("one lock order: organization first", () => {
  itRace("§4: an Admin stepping down while a Manager deletes that Admin, 30 rounds: never a deadlock, never a retry, always one consistent end", async () => {
    const warn = vi.spyOn(console, "warn");
    for (let round = 0; round < 30; round++) {
      const org = await makeOrg(t.db, { tier: "pro" });
      const admin = (await addNamedMember(t.db, org.id, "admin")).user;
      await addNamedMember(t.db, org.id, "admin");
      const manager = (await addNamedMember(t.db, org.id, "manager")).user;
      const [stepDown, deletion] = await Promise.all([
        outcome(updateMember(contextOf(org, admin, "admin"), selfEdit(admin, "user"), { baseUrl })),
        outcome(deleteMember(contextOf(org, manager, "manager"), admin.id)),
      ]);
      expect(stepDown).toBe("ok");
      const [left] = await t.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, admin.id)));
      // Either the delete came first (an Admin: refused) or second (a User by then: deleted).
      if (deletion === "ok") expect(left).toBeUndefined();
      else {
        expect(deletion).toBe("FORBIDDEN");
        expect(left.role).toBe("user");
      }
    }
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("transaction retried"))).toEqual([]);
  });
});

/**
 * Holds the organization's row lock on a separate connection, starts `act` (which must wait for
 * that lock), changes the caller's role while it waits, then lets it through: the action must
 * see the new role.
 */
async function demotedWhileWaiting(org: Org, actor: Person, demoteTo: "user" | "manager", act: () => Promise<unknown>) {
  const client = postgres(t.url!, { max: 1, onnotice: () => {} });
  try {
    const other = drizzle(client);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: (pid: number) => void;
    const lockTaken = new Promise<number>((resolve) => (locked = resolve));
    const holder = other.transaction(async (tx) => {
      await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, org.id)).for("update");
      locked(await backendPid(tx));
      await held;
      await tx.update(memberships).set({ role: demoteTo }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, actor.id)));
    });
    const holderPid = await lockTaken;
    const result = outcome(act());
    // The action is seen queued behind the held lock (pg_locks) before the role changes: no sleep.
    await waitUntilBlockedBy(t.db, holderPid);
    release();
    await holder;
    return await result;
  } finally {
    await client.end();
  }
}

describe("R8: the caller's role is read again under the organization lock", () => {
  itRace("R8: a Manager demoted while their Delete User waits for the lock is refused", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    await addNamedMember(t.db, org.id, "admin");
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    const target = (await addNamedMember(t.db, org.id, "user")).user;
    const result = await demotedWhileWaiting(org, manager, "user", () => deleteMember(contextOf(org, manager, "manager"), target.id));
    expect(result).toBe("FORBIDDEN");
    const [still] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(still).toBeDefined();
  });

  itRace("R8: a Manager demoted while their Suspend waits for the lock is refused", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    await addNamedMember(t.db, org.id, "admin");
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    const target = (await addNamedMember(t.db, org.id, "user")).user;
    const result = await demotedWhileWaiting(org, manager, "user", () =>
      setMemberStatus(contextOf(org, manager, "manager"), target.id, "suspended"),
    );
    expect(result).toBe("FORBIDDEN");
    const [row] = await t.db.select().from(memberships).where(eq(memberships.userId, target.id));
    expect(row.status).toBe("active");
  });

  itRace("R8: an Admin demoted while their edit of a Manager waits for the lock is refused", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    await addNamedMember(t.db, org.id, "admin");
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const target = (await addNamedMember(t.db, org.id, "manager")).user;
    const result = await demotedWhileWaiting(org, admin, "user", () =>
      updateMember(contextOf(org, admin, "admin"), { ...selfEdit(target, "user") }, { baseUrl }),
    );
    expect(result).toBe("FORBIDDEN");
    const [row] = await t.db.select().from(memberships).where(eq(memberships.userId, target.id));
    expect(row.role).toBe("manager");
  });

  itRace("R8/T4: an Admin demoted while their tier change waits for the lock is refused", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    await addNamedMember(t.db, org.id, "admin");
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const result = await demotedWhileWaiting(org, admin, "manager", () => changeTier(contextOf(org, admin, "admin"), "enterprise"));
    expect(result).toBe("FORBIDDEN");
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row.tier).toBe("pro");
  });
});

describe("R6 when two organizations remove the same person at once", () => {
  itRace("R6: the Admins of two organizations delete the same person at the same moment, 30 rounds: she ends in no organization and with no session", async () => {
    for (let round = 0; round < 30; round++) {
      const [a, b] = [await makeOrg(t.db, { tier: "pro" }), await makeOrg(t.db, { tier: "pro" })];
      const adminA = (await addNamedMember(t.db, a.id, "admin")).user;
      const adminB = (await addNamedMember(t.db, b.id, "admin")).user;
      const both = (await addNamedMember(t.db, a.id, "user")).user;
      await t.db.insert(memberships).values({ orgId: b.id, userId: both.id, role: "user" });
      await t.db.insert(sessions).values({ sessionToken: `race-${round}-${both.id}`, userId: both.id, expires: new Date(Date.now() + 86_400_000) });
      await Promise.all([deleteMember(contextOf(a, adminA, "admin"), both.id), deleteMember(contextOf(b, adminB, "admin"), both.id)]);
      expect(await t.db.select().from(memberships).where(eq(memberships.userId, both.id))).toEqual([]);
      expect(await t.db.select().from(sessions).where(eq(sessions.userId, both.id))).toEqual([]);
    }
  }, 120_000);
});
