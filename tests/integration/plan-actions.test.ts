import { actAs, form, idle } from "../support/next-mocks";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/o/[org]/inbox/actions";
import {
  acceptTransferAction,
  addPlanUserAction,
  cancelTransferAction,
  changePlanSeatsAction,
  completeTaskAction,
  createWorkflowAction,
  declineTransferAction,
  invitePlanUserAction,
  reassignPlanAction,
  removePlanUserAction,
  requestTransferAction,
  sendTaskAction,
  transferToNewPersonAction,
  updatePlanUserPermissionsAction,
} from "@/app/o/[org]/plans/actions";
import { subscribeAction } from "@/app/o/[org]/products/actions";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import { invitations, notifications, ownershipTransfers, planUserPermissions, planUsers, plans, tasks, workflows } from "@/db/schema";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { makeOrg } from "../support/factories";
import { addToPlan, makeSubscribedPlan } from "../support/plans";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/**
 * Every action of plans, transfers, the product area, the inbox and suppliers, posted the way a
 * forged request would be: by each role, by a plan user without the permission, by a member who is
 * not on the plan, and by a member of another organization. The expectations are written out by
 * hand from SPEC P1–P7, §6, O1–O4, N1 and I6; a refusal must leave the database unchanged.
 */
const t = setupTestDatabase();

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Who = "admin" | "manager" | "user" | "outsider";

/**
 * Organization A: Ada (Admin) subscribes PDoc Share; Max (Manager) is on it with the defaults and
 * subscribes Supplier Evaluations; Una (User) is on PDoc Share with no permission; Oto (User) is on
 * no plan. A live transfer of PDoc Share from Ada to Max; Ada's workflow with a task to Max; a
 * notification for Una. Organization B: its Admin, its own plan, workflow, task and notification.
 */
async function scene() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const manager = (await addNamedMember(t.db, org.id, "manager")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  const outsider = (await addNamedMember(t.db, org.id, "user")).user;
  const pdoc = await makeSubscribedPlan(t.db, org.id, admin.id, "pdoc_share", 10);
  const managerPlace = await addToPlan(t.db, pdoc, manager.id);
  const userPlace = await addToPlan(t.db, pdoc, user.id, []);
  const evals = await makeSubscribedPlan(t.db, org.id, manager.id, "supplier_evaluations", 10);
  const [flow] = await t.db.insert(workflows).values({ planId: pdoc.id, orgId: org.id, ownerId: admin.id, title: "Ada's flow" }).returning();
  const [task] = await t.db
    .insert(tasks)
    .values({ planId: pdoc.id, orgId: org.id, workflowId: flow.id, senderId: admin.id, assigneeId: manager.id, title: "Review" })
    .returning();
  const [transfer] = await t.db
    .insert(ownershipTransfers)
    .values({ planId: pdoc.id, orgId: org.id, fromUserId: admin.id, toUserId: manager.id, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  const [note] = await t.db.insert(notifications).values({ userId: user.id, orgId: org.id, kind: "plan_added", title: "Hi" }).returning();

  const orgB = await makeOrg(t.db, { tier: "pro" });
  const adminB = (await addNamedMember(t.db, orgB.id, "admin")).user;
  const planB = await makeSubscribedPlan(t.db, orgB.id, adminB.id, "pdoc_share", 10);
  const [flowB] = await t.db.insert(workflows).values({ planId: planB.id, orgId: orgB.id, ownerId: adminB.id, title: "B's flow" }).returning();
  const [taskB] = await t.db
    .insert(tasks)
    .values({ planId: planB.id, orgId: orgB.id, workflowId: flowB.id, senderId: adminB.id, assigneeId: adminB.id, title: "B task" })
    .returning();
  const [noteB] = await t.db.insert(notifications).values({ userId: adminB.id, orgId: orgB.id, kind: "plan_added", title: "B" }).returning();
  const [placeB] = await t.db.select().from(planUsers).where(eq(planUsers.planId, planB.id));
  const [transferB] = await t.db
    .insert(ownershipTransfers)
    .values({ planId: planB.id, orgId: orgB.id, fromUserId: adminB.id, toUserId: adminB.id, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  const people: Record<Who, { id: string }> = { admin, manager, user, outsider };
  return {
    org, pdoc, evals, flow, task, transfer, note, managerPlace, userPlace, people, admin, manager, user, outsider,
    orgB, adminB, planB, flowB, taskB, noteB, placeB, transferB,
  };
}

type Scene = Awaited<ReturnType<typeof scene>>;
type Case = { name: string; action: Action; fields: (s: Scene) => Record<string, string | string[]>; expect: Record<Who, string> };

const ok = "ok";
const cases: Case[] = [
  { name: "P1 subscribe", action: subscribeAction, fields: () => ({ productId: "custom_plan" }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P1 change seats (Ada's plan)", action: changePlanSeatsAction, fields: (s) => ({ planId: s.pdoc.id, seats: "7" }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P1 change seats (Max's plan)", action: changePlanSeatsAction, fields: (s) => ({ planId: s.evals.id, seats: "7" }), expect: { admin: ok, manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P3 add a member (Ada's plan)", action: addPlanUserAction, fields: (s) => ({ planId: s.pdoc.id, userId: s.outsider.id }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P3 add a member (Max's plan)", action: addPlanUserAction, fields: (s) => ({ planId: s.evals.id, userId: s.user.id }), expect: { admin: ok, manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P3 invite a new person (Max's plan)", action: invitePlanUserAction, fields: (s) => ({ planId: s.evals.id, email: uniqueEmail("p3") }), expect: { admin: ok, manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P5 edit permissions (Una's place)", action: updatePlanUserPermissionsAction, fields: (s) => ({ planId: s.pdoc.id, planUserId: s.userPlace.id, permissions: ["tasks.send"] }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "P6 remove from plan (Una)", action: removePlanUserAction, fields: (s) => ({ planId: s.pdoc.id, planUserId: s.userPlace.id }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O1 transfer to a member (Max's plan)", action: requestTransferAction, fields: (s) => ({ planId: s.evals.id, toUserId: s.user.id }), expect: { admin: "FORBIDDEN", manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O3 transfer to a new person (Max's plan)", action: transferToNewPersonAction, fields: (s) => ({ planId: s.evals.id, email: uniqueEmail("o3"), attachTransfer: "on" }), expect: { admin: "FORBIDDEN", manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O1 cancel", action: cancelTransferAction, fields: (s) => ({ transferId: s.transfer.id }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O2 accept", action: acceptTransferAction, fields: (s) => ({ transferId: s.transfer.id }), expect: { admin: "FORBIDDEN", manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O1 decline", action: declineTransferAction, fields: (s) => ({ transferId: s.transfer.id }), expect: { admin: "FORBIDDEN", manager: ok, user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "O4 reassign (Max's plan)", action: reassignPlanAction, fields: (s) => ({ planId: s.evals.id, toUserId: s.user.id }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
  { name: "§6/P5 create a workflow", action: createWorkflowAction, fields: (s) => ({ planId: s.pdoc.id, title: "New flow" }), expect: { admin: ok, manager: ok, user: "FORBIDDEN", outsider: "NOT_FOUND" } },
  { name: "§6/P5 send a task", action: sendTaskAction, fields: (s) => ({ planId: s.pdoc.id, workflowId: s.flow.id, assigneeId: s.manager.id, title: "Another" }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "NOT_FOUND" } },
  { name: "§6 mark a task done", action: completeTaskAction, fields: (s) => ({ planId: s.pdoc.id, taskId: s.task.id }), expect: { admin: ok, manager: ok, user: "FORBIDDEN", outsider: "NOT_FOUND" } },
  { name: "N1 mark Una's notification read", action: markNotificationReadAction, fields: (s) => ({ notificationId: s.note.id }), expect: { admin: "NOT_FOUND", manager: "NOT_FOUND", user: ok, outsider: "NOT_FOUND" } },
  { name: "I6 invite a supplier", action: inviteSupplierAction, fields: () => ({ companyName: "Anvil Ltd", email: uniqueEmail("i6") }), expect: { admin: ok, manager: "FORBIDDEN", user: "FORBIDDEN", outsider: "FORBIDDEN" } },
];

/** What each allowed case must have written (issue 14.25): the database changed as the action intends. */
async function changedAsIntended(name: string, s: Scene, fields: Record<string, string | string[]>) {
  const one = async <T>(rows: Promise<T[]>) => (await rows)[0];
  const placeOf = (planId: string, userId: string) =>
    one(t.db.select().from(planUsers).where(and(eq(planUsers.planId, planId), eq(planUsers.userId, userId))));
  const transferOf = (id: string) => one(t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, id)));
  const invitationOf = (email: string) => one(t.db.select().from(invitations).where(eq(invitations.email, String(email))));
  const checks: Record<string, () => Promise<void>> = {
    "P1 subscribe": async () => expect(await one(t.db.select().from(plans).where(and(eq(plans.orgId, s.org.id), eq(plans.productId, "custom_plan"))))).toBeTruthy(),
    "P1 change seats (Ada's plan)": async () => expect((await one(t.db.select().from(plans).where(eq(plans.id, s.pdoc.id))))!.seats).toBe(7),
    "P1 change seats (Max's plan)": async () => expect((await one(t.db.select().from(plans).where(eq(plans.id, s.evals.id))))!.seats).toBe(7),
    "P3 add a member (Ada's plan)": async () => expect(await placeOf(s.pdoc.id, s.outsider.id)).toBeTruthy(),
    "P3 add a member (Max's plan)": async () => expect(await placeOf(s.evals.id, s.user.id)).toBeTruthy(),
    "P3 invite a new person (Max's plan)": async () => {
      const invitation = await invitationOf(String(fields.email));
      expect(await one(t.db.select().from(planUsers).where(and(eq(planUsers.planId, s.evals.id), eq(planUsers.invitationId, invitation!.id))))).toBeTruthy();
    },
    "P5 edit permissions (Una's place)": async () =>
      expect((await t.db.select().from(planUserPermissions).where(eq(planUserPermissions.planUserId, s.userPlace.id))).map((p) => p.key)).toEqual(["tasks.send"]),
    "P6 remove from plan (Una)": async () => expect(await one(t.db.select().from(planUsers).where(eq(planUsers.id, s.userPlace.id)))).toBeUndefined(),
    "O1 transfer to a member (Max's plan)": async () =>
      expect(await one(t.db.select().from(ownershipTransfers).where(and(eq(ownershipTransfers.planId, s.evals.id), eq(ownershipTransfers.toUserId, s.user.id), eq(ownershipTransfers.state, "pending"))))).toBeTruthy(),
    "O3 transfer to a new person (Max's plan)": async () => {
      const invitation = await invitationOf(String(fields.email));
      expect(await one(t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.toInvitationId, invitation!.id)))).toMatchObject({ planId: s.evals.id, state: "pending" });
    },
    "O1 cancel": async () => expect((await transferOf(s.transfer.id))!.state).toBe("cancelled"),
    "O2 accept": async () => expect((await transferOf(s.transfer.id))!.state).toBe("accepted"),
    "O1 decline": async () => expect((await transferOf(s.transfer.id))!.state).toBe("declined"),
    "O4 reassign (Max's plan)": async () => expect((await one(t.db.select().from(plans).where(eq(plans.id, s.evals.id))))!.subscriberId).toBe(s.user.id),
    "§6/P5 create a workflow": async () => expect(await one(t.db.select().from(workflows).where(and(eq(workflows.planId, s.pdoc.id), eq(workflows.title, "New flow"))))).toBeTruthy(),
    "§6/P5 send a task": async () => expect(await one(t.db.select().from(tasks).where(and(eq(tasks.workflowId, s.flow.id), eq(tasks.title, "Another"))))).toMatchObject({ assigneeId: s.manager.id }),
    "§6 mark a task done": async () => expect((await one(t.db.select().from(tasks).where(eq(tasks.id, s.task.id))))!.doneAt).not.toBeNull(),
    "N1 mark Una's notification read": async () => expect((await one(t.db.select().from(notifications).where(eq(notifications.id, s.note.id))))!.readAt).not.toBeNull(),
    "I6 invite a supplier": async () => expect(await invitationOf(String(fields.email))).toMatchObject({ kind: "supplier", orgId: s.org.id, companyName: "Anvil Ltd" }),
  };
  if (!checks[name]) throw new Error(`no database check for the allowed case "${name}"`);
  await checks[name]();
}

const whos: Who[] = ["admin", "manager", "user", "outsider"];
const table = cases.flatMap((c) => whos.map((who) => [c.name, who, c.expect[who], c] as const));

describe("P1–P7, §6, O1–O4, N1, I6 by role: forged POSTs get the rule's answer and a refusal writes nothing", () => {
  it.each(table)("%s — by %s → %s", async (_name, who, expected, c) => {
    const s = await scene();
    actAs(s.people[who].id);
    const fields = c.fields(s);
    const call = () => c.action(idle, form({ org: s.org.slug, ...fields }));
    if (expected === ok) {
      const result = await call();
      expect(result, result.formError).toMatchObject({ ok: true });
      // Issue 14.25: "allowed" means the change was made, not only that the answer said so.
      await changedAsIntended(c.name, s, fields);
    } else {
      const result = await expectNoChange(t.db, call);
      expect(result).toMatchObject({ ok: false, code: expected });
    }
  });

  it("N1: mark all as read marks only the caller's own notifications in this organization", async () => {
    const s = await scene();
    actAs(s.manager.id);
    await expectNoChange(t.db, () => markAllNotificationsReadAction(idle, form({ org: s.org.slug })));
    actAs(s.user.id);
    expect(await markAllNotificationsReadAction(idle, form({ org: s.org.slug }))).toMatchObject({ ok: true });
    const [note] = await t.db.select().from(notifications).where(eq(notifications.id, s.note.id));
    expect(note.readAt).not.toBeNull();
  });
});

/** What a refusal tells the caller: its code, message and field errors (not the echoed values). */
function answer(state: FormState) {
  return { ok: state.ok, code: state.code, formError: state.formError, fieldErrors: state.fieldErrors };
}

describe("§10 tenant isolation: organization A's ids, posted by B's Admin, behave like ids that do not exist", () => {
  it("§10: with A's slug every action is NOT_FOUND, exactly like a slug that does not exist", async () => {
    const s = await scene();
    actAs(s.adminB.id);
    for (const c of cases) {
      const fields = c.fields(s);
      const foreign = await expectNoChange(t.db, () => c.action(idle, form({ org: s.org.slug, ...fields })));
      const missing = await expectNoChange(t.db, () => c.action(idle, form({ org: "no-such-org", ...fields })));
      expect(foreign, c.name).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(answer(foreign), c.name).toEqual(answer(missing));
    }
  });

  it("§10: with B's own slug, A's plan, plan user, user, workflow, task, transfer and notification ids answer like made-up ids", async () => {
    const s = await scene();
    actAs(s.adminB.id);
    const made = randomUUID;
    const pairs: Array<[string, Action, Record<string, string>, Record<string, string>]> = [
      ["plan (seats)", changePlanSeatsAction, { planId: s.pdoc.id, seats: "3" }, { planId: made(), seats: "3" }],
      ["plan (add)", addPlanUserAction, { planId: s.pdoc.id, userId: s.adminB.id }, { planId: made(), userId: s.adminB.id }],
      ["user (add to B's plan)", addPlanUserAction, { planId: s.planB.id, userId: s.user.id }, { planId: s.planB.id, userId: made() }],
      ["plan (invite)", invitePlanUserAction, { planId: s.pdoc.id, email: uniqueEmail("iso") }, { planId: made(), email: uniqueEmail("iso") }],
      ["plan user (permissions)", updatePlanUserPermissionsAction, { planId: s.planB.id, planUserId: s.userPlace.id }, { planId: s.planB.id, planUserId: made() }],
      ["plan user (remove)", removePlanUserAction, { planId: s.planB.id, planUserId: s.userPlace.id }, { planId: s.planB.id, planUserId: made() }],
      ["plan (transfer)", requestTransferAction, { planId: s.pdoc.id, toUserId: s.adminB.id }, { planId: made(), toUserId: s.adminB.id }],
      ["user (transfer B's plan)", requestTransferAction, { planId: s.planB.id, toUserId: s.manager.id }, { planId: s.planB.id, toUserId: made() }],
      ["transfer (cancel)", cancelTransferAction, { transferId: s.transfer.id }, { transferId: made() }],
      ["transfer (accept)", acceptTransferAction, { transferId: s.transfer.id }, { transferId: made() }],
      ["transfer (decline)", declineTransferAction, { transferId: s.transfer.id }, { transferId: made() }],
      ["plan (reassign)", reassignPlanAction, { planId: s.pdoc.id, toUserId: s.adminB.id }, { planId: made(), toUserId: s.adminB.id }],
      ["user (reassign B's plan)", reassignPlanAction, { planId: s.planB.id, toUserId: s.manager.id }, { planId: s.planB.id, toUserId: made() }],
      ["plan (workflow)", createWorkflowAction, { planId: s.pdoc.id, title: "x flow" }, { planId: made(), title: "x flow" }],
      ["workflow (task)", sendTaskAction, { planId: s.planB.id, workflowId: s.flow.id, assigneeId: s.adminB.id, title: "t1" }, { planId: s.planB.id, workflowId: made(), assigneeId: s.adminB.id, title: "t1" }],
      ["task (done)", completeTaskAction, { planId: s.planB.id, taskId: s.task.id }, { planId: s.planB.id, taskId: made() }],
      ["notification", markNotificationReadAction, { notificationId: s.note.id }, { notificationId: made() }],
    ];
    for (const [what, action, foreign, missing] of pairs) {
      const a = await expectNoChange(t.db, () => action(idle, form({ org: s.orgB.slug, ...foreign })));
      const b = await expectNoChange(t.db, () => action(idle, form({ org: s.orgB.slug, ...missing })));
      expect(a, what).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(answer(a), what).toEqual(answer(b));
    }
    // B's own ids still work for B: the check is about the organization, not about B.
    expect(await completeTaskAction(idle, form({ org: s.orgB.slug, planId: s.planB.id, taskId: s.taskB.id }))).toMatchObject({ ok: true });
    expect(await markNotificationReadAction(idle, form({ org: s.orgB.slug, notificationId: s.noteB.id }))).toMatchObject({ ok: true });
  });
});

describe("§10 bad input: a field message, nothing written, never a server error", () => {
  const huge = "x".repeat(100_000);
  const bad: Array<[string, Action, (s: Scene) => Record<string, string | string[]>, string]> = [
    ["P1 seats 1e20", subscribeAction, () => ({ productId: "supplier_evaluations", seats: "1e20" }), "seats"],
    ["P1 seats not a number", subscribeAction, () => ({ productId: "corrective_actions", seats: "many" }), "seats"],
    ["P1 seats 0", changePlanSeatsAction, (s) => ({ planId: s.evals.id, seats: "0" }), "seats"],
    ["P1 seats 2.5", changePlanSeatsAction, (s) => ({ planId: s.evals.id, seats: "2.5" }), "seats"],
    ["P1 product id of 100k characters", subscribeAction, () => ({ productId: huge }), "productId"],
    ["P3 no member chosen", addPlanUserAction, (s) => ({ planId: s.pdoc.id, userId: "" }), "userId"],
    ["P3 plan id not an id", addPlanUserAction, (s) => ({ planId: "1 or 1=1", userId: s.outsider.id }), "planId"],
    ["P3 malformed email", invitePlanUserAction, (s) => ({ planId: s.pdoc.id, email: "not-an-email" }), "email"],
    ["P3 NUL in the first name", invitePlanUserAction, (s) => ({ planId: s.pdoc.id, email: uniqueEmail("nul"), firstName: "Ni\u0000a" }), "firstName"],
    ["P3 a name of 100k characters", invitePlanUserAction, (s) => ({ planId: s.pdoc.id, email: uniqueEmail("long"), lastName: huge }), "lastName"],
    ["P3 two emails at once", invitePlanUserAction, (s) => ({ planId: s.pdoc.id, email: [uniqueEmail("a"), uniqueEmail("b")] }), "email"],
    ["P5 unknown permission", updatePlanUserPermissionsAction, (s) => ({ planId: s.pdoc.id, planUserId: s.userPlace.id, permissions: ["admin.everything"] }), "permissions"],
    ["O1 no recipient", requestTransferAction, (s) => ({ planId: s.evals.id, toUserId: "" }), "toUserId"],
    ["O3 malformed email", transferToNewPersonAction, (s) => ({ planId: s.evals.id, email: "a@b", attachTransfer: "on" }), "email"],
    ["O3 odd checkbox value", transferToNewPersonAction, (s) => ({ planId: s.evals.id, email: uniqueEmail("o3"), attachTransfer: "yes please" }), "attachTransfer"],
    ["O1 transfer id not an id", acceptTransferAction, () => ({ transferId: "../etc/passwd" }), "transferId"],
    ["§6 workflow title empty", createWorkflowAction, (s) => ({ planId: s.pdoc.id, title: "  " }), "title"],
    ["§6 workflow title of 100k characters", createWorkflowAction, (s) => ({ planId: s.pdoc.id, title: huge }), "title"],
    ["§6 task without assignee", sendTaskAction, (s) => ({ planId: s.pdoc.id, workflowId: s.flow.id, assigneeId: "", title: "Do" }), "assigneeId"],
    ["§6 task title with NUL", sendTaskAction, (s) => ({ planId: s.pdoc.id, workflowId: s.flow.id, assigneeId: s.manager.id, title: "\u0000" }), "title"],
    ["N1 notification id not an id", markNotificationReadAction, () => ({ notificationId: "1e20" }), "notificationId"],
    ["I6 no company name", inviteSupplierAction, () => ({ companyName: "", email: uniqueEmail("i6") }), "companyName"],
    ["I6 malformed email", inviteSupplierAction, () => ({ companyName: "Anvil", email: "anvil" }), "email"],
  ];
  it.each(bad)("%s → VALIDATION on its field", async (_name, action, fields, field) => {
    const s = await scene();
    actAs(s.admin.id);
    const result = await expectNoChange(t.db, () => action(idle, form({ org: s.org.slug, ...fields(s) })));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(result.fieldErrors?.[field]?.[0], JSON.stringify(result.fieldErrors)).toEqual(expect.any(String));
  });

  it("P3: a form with no plan is refused on planId; an unknown transfer is not found; none of it writes", async () => {
    const s = await scene();
    actAs(s.admin.id);
    const result = await expectNoChange(t.db, () => addPlanUserAction(idle, form({ org: s.org.slug, userId: s.outsider.id })));
    expect(result.fieldErrors?.planId).toBeDefined();
    const missing = await expectNoChange(t.db, () => acceptTransferAction(idle, form({ org: s.org.slug, transferId: randomUUID() })));
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    const [still] = await t.db.select().from(ownershipTransfers).where(and(eq(ownershipTransfers.id, s.transfer.id)));
    expect(still.state).toBe("pending");
  });
});
