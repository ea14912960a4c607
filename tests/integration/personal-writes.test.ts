import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, memberships, notifications, organizations, surveys, tasks, users } from "@/db/schema";
import { updateOwnProfile } from "@/lib/account/profile";
import { isAppError } from "@/lib/errors";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { checkInSurvey } from "@/lib/surveys/check-in-survey";
import { checkOutSurvey } from "@/lib/surveys/check-out-survey";
import { transferSurvey } from "@/lib/surveys/transfer-survey";
import { updateSurvey } from "@/lib/surveys/update-survey";
import { completeTask } from "@/lib/work/complete-task";
import { setupTestDatabase } from "../support/db";
import { makeCheckedOutSurvey, makeSurvey } from "../support/factories";
import { addToPlan, planWorld } from "../support/plans";
import { itRace } from "../support/race";

/**
 * #15.1: a change to one's own rows (a notification read, a survey checked out, in or saved by
 * its holder, a task completed, one's profile) takes no organization lock — it does not wait for
 * an Admin's seat or role change — yet a member suspended or removed a moment ago is still
 * refused (R8), because the membership is read under FOR SHARE. "The organization lock" is what
 * every seat, role and ownership change takes (lockOrganization: FOR NO KEY UPDATE, which lets
 * the KEY SHARE of an audit entry's foreign key through). Timing is proven on PostgreSQL
 * with a second connection, and "waiting" is read from pg_locks, never guessed with a sleep.
 */
const t = setupTestDatabase({ poolSize: 10 });
const baseUrl = "http://localhost:3000";

type World = Awaited<ReturnType<typeof planWorld>>;

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (error) => (isAppError(error) ? error.code : `crash: ${String((error as Error).message ?? error)}`),
  );

/** Everything one personal write needs, made fresh for the user `w.user` of a new world. */
async function personalWrites(w: World) {
  const [note] = await t.db
    .insert(notifications)
    .values({ userId: w.user.id, orgId: w.org.id, kind: "plan_added", title: "You were added to PDoc Share" })
    .returning();
  await t.db.insert(notifications).values({ userId: w.user.id, orgId: w.org.id, kind: "plan_added", title: "Another" });
  const free = await makeSurvey(t.db, w.org.id, w.admin.id, "Free survey");
  const held = await makeCheckedOutSurvey(t.db, w.org.id, w.admin.id, w.user.id);
  await addToPlan(t.db, w.plan, w.user.id);
  const [task] = await t.db
    .insert(tasks)
    .values({ planId: w.plan.id, orgId: w.org.id, senderId: w.admin.id, assigneeId: w.user.id, title: "Sign the form" })
    .returning();
  const ctx = w.ctx.user;
  const edit = { surveyId: held.id, title: "Saved by its holder", description: "", questionId: [""], questionText: ["How was it?"], questionRequired: ["false"] };
  return {
    "mark one notification read": {
      run: () => markNotificationRead(ctx, note.id),
      changed: async () => (await t.db.select().from(notifications).where(eq(notifications.id, note.id)))[0].readAt !== null,
    },
    "mark all notifications read": {
      run: () => markAllNotificationsRead(ctx),
      changed: async () =>
        (await t.db.select().from(notifications).where(eq(notifications.userId, w.user.id))).every((n) => n.readAt !== null),
    },
    "check a survey out": {
      run: () => checkOutSurvey(ctx, free.id),
      changed: async () => (await t.db.select().from(surveys).where(eq(surveys.id, free.id)))[0].checkedOutById === w.user.id,
    },
    "check a survey in": {
      run: () => checkInSurvey(ctx, held.id),
      changed: async () => (await t.db.select().from(surveys).where(eq(surveys.id, held.id)))[0].checkedOutById === null,
    },
    "save a survey one holds": {
      run: () => updateSurvey(ctx, edit),
      changed: async () => (await t.db.select().from(surveys).where(eq(surveys.id, held.id)))[0].title === edit.title,
    },
    "complete a task": {
      run: () => completeTask(ctx, w.plan.id, task.id),
      changed: async () => (await t.db.select().from(tasks).where(eq(tasks.id, task.id)))[0].state === "done",
    },
  } satisfies Record<string, { run: () => Promise<unknown>; changed: () => Promise<boolean> }>;
}

const kinds = [
  "mark one notification read",
  "mark all notifications read",
  "check a survey out",
  "save a survey one holds",
  "check a survey in",
  "complete a task",
] as const;

/** A second, independent connection whose transaction is held open until `release()`. */
async function holdOpen(work: (tx: Parameters<Parameters<ReturnType<typeof drizzle>["transaction"]>[0]>[0]) => Promise<unknown>) {
  const client = postgres(t.url!, { max: 1, onnotice: () => {} });
  const other = drizzle(client);
  const [pid] = await client<{ pid: number }[]>`select pg_backend_pid() as pid`;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const done = other.transaction(async (tx) => {
    await work(tx);
    ready();
    await held;
  });
  done.catch(() => ready());
  await started;
  return {
    pid: pid.pid,
    release: async () => {
      release();
      await done;
      await client.end();
    },
  };
}

/** The backends of this database blocked by `holderPid` (pg_blocking_pids reads pg_locks). */
async function blockedBy(holderPid: number) {
  const rows = await t.db.execute(
    sql`select pid from pg_stat_activity where datname = current_database() and ${holderPid}::int = any(pg_blocking_pids(pid))`,
  );
  return (rows as unknown as unknown[]).length;
}

/**
 * Resolves with the action's outcome, or with "waited for the organization lock" as soon as
 * PostgreSQL shows a backend blocked by the holder — whichever comes first; no wall clock.
 */
async function finishesOrWaits(holderPid: number, run: () => Promise<unknown>) {
  let settled = false;
  const result = outcome(run()).finally(() => (settled = true));
  for (;;) {
    if (settled) return result;
    if (await blockedBy(holderPid)) return "waited for the organization lock";
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until PostgreSQL shows a backend blocked by `holderPid` (the write queued behind it). */
async function untilBlocked(holderPid: number) {
  for (let i = 0; i < 2000; i++) {
    if (await blockedBy(holderPid)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("the personal write never waited for the membership lock");
}

describe("#15.1 personal writes take no organization lock", () => {
  for (const kind of kinds) {
    itRace(`#15.1: '${kind}' completes while another transaction holds the organization lock`, async () => {
      const w = await planWorld(t.db);
      const write = (await personalWrites(w))[kind];
      const holder = await holdOpen((tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, w.org.id)).for("no key update"));
      try {
        expect(await finishesOrWaits(holder.pid, write.run)).toBe("ok");
      } finally {
        await holder.release();
      }
      expect(await write.changed()).toBe(true);
    });
  }

  itRace("#15.1: a profile edit completes while another transaction holds the organization lock", async () => {
    const w = await planWorld(t.db);
    const holder = await holdOpen((tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, w.org.id)).for("no key update"));
    const input = { firstName: "Renamed", lastName: "Person", email: w.user.email.toLowerCase(), phone: null };
    try {
      expect(await finishesOrWaits(holder.pid, () => updateOwnProfile(w.user.id, input, { baseUrl }))).toBe("ok");
    } finally {
      await holder.release();
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, w.user.id));
    expect(row.firstName).toBe("Renamed");
  });
});

describe("R8 on personal writes: a member suspended or removed a moment ago is refused", () => {
  for (const kind of kinds) {
    itRace(`R8 #15.1: '${kind}' waiting on a suspension being committed is refused SUSPENDED and changes nothing`, async () => {
      const w = await planWorld(t.db);
      const write = (await personalWrites(w))[kind];
      // What Suspend does (lib/members/set-member-status.ts): organization, membership, update.
      const suspension = await holdOpen(async (tx) => {
        await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, w.org.id)).for("no key update");
        const mine = and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user.id));
        await tx.select({ id: memberships.id }).from(memberships).where(mine).for("update");
        await tx.update(memberships).set({ status: "suspended" }).where(mine);
      });
      const result = outcome(write.run());
      try {
        await untilBlocked(suspension.pid);
      } finally {
        await suspension.release();
      }
      expect(await result).toBe("SUSPENDED");
      expect(await write.changed()).toBe(false);
    });
  }

  itRace("R8 #15.1: completing a task while one's membership is being deleted is refused NOT_FOUND and changes nothing", async () => {
    const w = await planWorld(t.db);
    const write = (await personalWrites(w))["complete a task"];
    const removal = await holdOpen(async (tx) => {
      await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, w.org.id)).for("no key update");
      await tx.delete(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user.id)));
    });
    const result = outcome(write.run());
    try {
      await untilBlocked(removal.pid);
    } finally {
      await removal.release();
    }
    expect(await result).toBe("NOT_FOUND");
    expect(await write.changed()).toBe(false);
  });

  itRace("R8 #15.1: a profile edit waiting on a removal from the organization writes no audit entry there (A1 only where a member)", async () => {
    const w = await planWorld(t.db);
    const removal = await holdOpen(async (tx) => {
      await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, w.org.id)).for("no key update");
      await tx.delete(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user.id)));
    });
    const input = { firstName: "Gone", lastName: "Person", email: w.user.email.toLowerCase(), phone: null };
    const result = outcome(updateOwnProfile(w.user.id, input, { baseUrl }));
    try {
      await untilBlocked(removal.pid);
    } finally {
      await removal.release();
    }
    expect(await result).toBe("ok");
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "member.updated")));
    expect(entries).toEqual([]);
  });
});

describe("#15.1 one lock order: organization → membership → rows", () => {
  afterEach(() => vi.restoreAllMocks());

  itRace("#15.1: a survey transferred to a member while that member checks it out, 20 rounds: never a deadlock, never a retry", async () => {
    const warn = vi.spyOn(console, "warn");
    for (let round = 0; round < 20; round++) {
      const w = await planWorld(t.db);
      const survey = await makeSurvey(t.db, w.org.id, w.admin.id, `Round ${round}`);
      const [transfer, checkout] = await Promise.all([
        outcome(transferSurvey(w.ctx.admin, survey.id, w.user.id, { baseUrl })),
        outcome(checkOutSurvey(w.ctx.user, survey.id)),
      ]);
      expect([transfer, checkout]).toEqual(["ok", "ok"]);
      const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
      expect([row.ownerId, row.checkedOutById]).toEqual([w.user.id, w.user.id]);
    }
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("transaction retried"))).toEqual([]);
  }, 60_000);
});

describe("#15.1 personal writes on either database", () => {
  it("#15.1 R8: a suspended member's personal writes are refused SUSPENDED and change nothing", async () => {
    const w = await planWorld(t.db);
    const writes = await personalWrites(w);
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user.id)));
    for (const kind of kinds) {
      expect(await outcome(writes[kind].run()), kind).toBe("SUSPENDED");
      expect(await writes[kind].changed(), kind).toBe(false);
    }
  });

  it("#15.1: each personal write does its change for an active member", async () => {
    const w = await planWorld(t.db);
    const writes = await personalWrites(w);
    for (const kind of kinds) {
      expect(await outcome(writes[kind].run()), kind).toBe("ok");
      expect(await writes[kind].changed(), kind).toBe(true);
    }
  });
});
