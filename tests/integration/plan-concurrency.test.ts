import { and, count, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog, ownershipTransfers, planUsers, plans } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { invitePlanUser } from "@/lib/plans/invite-plan-user";
import { planSeatCounts } from "@/lib/plans/plan-seats";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { expireDueTransfers } from "@/lib/transfers/expire-transfers";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { acceptTransfer } from "@/lib/transfers/respond-to-transfer";
import { setupTestDatabase } from "../support/db";
import { addMember } from "../support/factories";
import { planWorld } from "../support/plans";
import { itRace } from "../support/race";
import { uniqueEmail } from "../support/state";

// Enough connections that the calls below really run at the same time on PostgreSQL; on PGlite
// they would run one after another and prove nothing, so itRace skips them there, loudly.
const t = setupTestDatabase({ poolSize: 50 });
const baseUrl = "http://localhost:3000";
const rounds = Number(process.env.SEATWISE_CONCURRENCY_ROUNDS ?? 20);

function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error) => (isAppError(error) ? error.code : Promise.reject(error)),
  );
}

describe("P3/T5 plan seats never overshoot", () => {
  itRace(`P3/T5: 50 Add User To Plan at once on a plan with one free seat admit exactly one, ${rounds} times`, async () => {
    for (let round = 0; round < rounds; round++) {
      // PDoc Share with 3 seats: the Admin and the Manager hold two.
      const w = await planWorld(t.db, { tier: "enterprise", seats: 3 });
      const candidates = [];
      for (let i = 0; i < 50; i++) candidates.push((await addMember(t.db, w.org.id, "user")).user);
      const results = await Promise.all(candidates.map((c) => outcome(addPlanUser(w.ctx.admin, w.plan.id, c.id))));
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "PLAN_SEAT_LIMIT")).toBe(true);
      expect((await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
    }
  });

  itRace("P3/T5: 25 members added and 25 people invited at once for one free plan seat: exactly one place is taken, 10 times", async () => {
    for (let round = 0; round < 10; round++) {
      const w = await planWorld(t.db, { tier: "enterprise", seats: 3 });
      const candidates = [];
      for (let i = 0; i < 25; i++) candidates.push((await addMember(t.db, w.org.id, "user")).user);
      const results = await Promise.all([
        ...candidates.map((c) => outcome(addPlanUser(w.ctx.admin, w.plan.id, c.id))),
        ...Array.from({ length: 25 }, (_, i) => outcome(invitePlanUser(w.ctx.admin, { planId: w.plan.id, email: uniqueEmail(`r${round}-${i}`) }, { baseUrl }))),
      ]);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      const seats = (await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id)!;
      expect(seats.users + seats.pendingInvitations).toBe(3);
    }
  });
});

describe("O2 a plan always has exactly one subscriber", () => {
  itRace("O2: 20 concurrent accepts of one transfer leave exactly one new subscriber, 10 times", async () => {
    for (let round = 0; round < 10; round++) {
      const w = await planWorld(t.db);
      const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
      const results = await Promise.all(Array.from({ length: 20 }, () => outcome(acceptTransfer(w.ctx.manager, transferId, { baseUrl }))));
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "ALREADY_USED")).toBe(true);
      const [plan] = await t.db.select().from(plans).where(eq(plans.id, w.plan.id));
      expect(plan.subscriberId).toBe(w.manager.id);
      const [{ n }] = await t.db.select({ n: count() }).from(planUsers).where(eq(planUsers.planId, w.plan.id));
      expect(n).toBe(2);
    }
  });

  itRace("O1/O2: accept racing cancel ends in exactly one of the two, never both, 20 times", async () => {
    const seen = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const w = await planWorld(t.db);
      const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
      const [accepted, cancelled] = await Promise.all([
        outcome(acceptTransfer(w.ctx.manager, transferId, { baseUrl })),
        outcome(cancelTransfer(w.ctx.admin, transferId)),
      ]);
      expect([accepted, cancelled].filter((r) => r === "ok")).toHaveLength(1);
      const [transfer] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transferId));
      const [plan] = await t.db.select().from(plans).where(eq(plans.id, w.plan.id));
      if (accepted === "ok") {
        expect(transfer.state).toBe("accepted");
        expect(plan.subscriberId).toBe(w.manager.id);
        seen.add("accepted");
      } else {
        expect(transfer.state).toBe("cancelled");
        expect(plan.subscriberId).toBe(w.admin.id);
        seen.add("cancelled");
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });

  itRace("O1: two recipients' transfers requested at once for one plan: one live transfer only", async () => {
    for (let round = 0; round < 10; round++) {
      const w = await planWorld(t.db);
      const results = await Promise.all([
        outcome(requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl })),
        outcome(requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl })),
      ]);
      expect(results.sort()).toEqual(["CONFLICT", "ok"]);
      const live = await t.db
        .select()
        .from(ownershipTransfers)
        .where(and(eq(ownershipTransfers.planId, w.plan.id), eq(ownershipTransfers.state, "pending")));
      expect(live).toHaveLength(1);
    }
  });

  itRace("O1: several expiry sweeps at once announce each expired transfer once", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await t.db.update(ownershipTransfers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ownershipTransfers.id, transferId));
    const runs = await Promise.all(Array.from({ length: 5 }, () => expireDueTransfers({ db: t.db, baseUrl })));
    expect(runs.reduce((sum, r) => sum + r.expired, 0)).toBeGreaterThanOrEqual(1);
    const [transfer] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transferId));
    expect(transfer.state).toBe("expired");
    // Exactly one announcement: one audit entry for this transfer.
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "transfer.expired"), eq(auditLog.subjectId, transferId)));
    expect(entries).toHaveLength(1);
  });
});
