import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import type { Db, Tx } from "./client";
import {
  auditLog,
  invitations,
  memberships,
  notifications,
  organizations,
  planUserPermissions,
  planUsers,
  plans,
  productPermissions,
  surveyResponses,
  surveys,
  tasks,
  users,
  workflows,
} from "./schema";
import { eq } from "drizzle-orm";

/**
 * The demo of the README: Acme Castings on Pro with an Admin, a Manager and two Users, a supplier
 * organization, plans, surveys, workflows and tasks. Runs only on an empty database.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(organizations);
    if (n > 0) return false;
    await createDemoOrganizations(tx);
    return true;
  });
}

export type DemoScenario = Awaited<ReturnType<typeof createDemoOrganizations>>;

/**
 * Writes the demo's two organizations. With a suffix, every slug and address carries it
 * (admin-<suffix>@acme.test, acme-castings-<suffix>), so the browser tests each get a copy of
 * their own that no other test file touches.
 */
export async function createDemoOrganizations(tx: Tx, options: { suffix?: string } = {}) {
  const sfx = options.suffix ? `-${options.suffix}` : "";
  const address = (email: string) => email.replace("@", `${sfx}@`);
  const person = (email: string, firstName: string, lastName: string, phone: string | null = null) => ({
    email,
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    phone,
    emailVerified: new Date(),
  });
  const [ada, max, una, ulf, sam] = await tx
    .insert(users)
    .values([
      person(address("admin@acme.test"), "Ada", "Admin", "+1 555 0100"),
      person(address("manager@acme.test"), "Max", "Manager", "+1 555 0101"),
      person(address("user1@acme.test"), "Una", "User"),
      person(address("user2@acme.test"), "Ulf", "User"),
      person(address("admin@bolt.test"), "Sam", "Supplier"),
    ])
    .returning();

  const [acme] = await tx
    .insert(organizations)
    .values({ name: "Acme Castings", slug: `acme-castings${sfx}`, tier: "pro", kind: "client" })
    .returning();
  const [bolt] = await tx
    .insert(organizations)
    .values({ name: "Bolt Supply Co", slug: `bolt-supply${sfx}`, tier: "free", kind: "supplier", invitedByOrgId: acme.id })
    .returning();

  // The demo has a past (docs/decisions/033): people joined on the days its Activity tells.
  const daysAgo = (d: number, h = 0) => new Date(Date.now() - (d * 24 + h) * 3600 * 1000);
  const [adaMembership, maxMembership, unaMembership, ulfMembership] = await tx
    .insert(memberships)
    .values([
      { orgId: acme.id, userId: ada.id, role: "admin", createdAt: daysAgo(30, 2), updatedAt: daysAgo(30, 2) },
      { orgId: acme.id, userId: max.id, role: "manager", createdAt: daysAgo(29, 1), updatedAt: daysAgo(29, 1) },
      { orgId: acme.id, userId: una.id, role: "user", createdAt: daysAgo(27, 3), updatedAt: daysAgo(27, 3) },
      { orgId: acme.id, userId: ulf.id, role: "user", createdAt: daysAgo(27, 1), updatedAt: daysAgo(9) },
      { orgId: bolt.id, userId: sam.id, role: "admin", createdAt: daysAgo(21), updatedAt: daysAgo(21) },
    ])
    .returning();

  // A live invitation, so Manage Invites and the seat meter have something to show. It also holds
  // a place on PDoc Share (P3), so Manage Users shows an invitee.
  const [nia] = await tx.insert(invitations).values({
    orgId: acme.id,
    email: address("newhire@acme.test"),
    role: "user",
    firstName: "Nia",
    lastName: "Newhire",
    tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
    invitedById: ada.id,
    sentAt: daysAgo(1),
    expiresAt: new Date(daysAgo(1).getTime() + 7 * 24 * 3600 * 1000),
  }).returning();
  // A supplier invitation (I6) waiting on the Suppliers page; it holds no seat of Acme.
  const [cora] = await tx.insert(invitations).values({
    orgId: acme.id,
    kind: "supplier",
    email: address("orders@castparts.test"),
    role: "admin",
    companyName: "Cast Parts Ltd",
    firstName: "Cora",
    lastName: "Caster",
    tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
    invitedById: ada.id,
    sentAt: daysAgo(2),
    expiresAt: new Date(daysAgo(2).getTime() + 7 * 24 * 3600 * 1000),
  }).returning();

  const [pdoc, evals, profile, service] = await tx
    .insert(plans)
    .values([
      { orgId: acme.id, productId: "pdoc_share", subscriberId: ada.id, seats: 5 },
      { orgId: acme.id, productId: "supplier_evaluations", subscriberId: max.id, seats: 3 },
      { orgId: acme.id, productId: "company_profile", subscriberId: ada.id, seats: null },
      { orgId: bolt.id, productId: "service", subscriberId: sam.id, seats: 3 },
    ])
    .returning();

  const placements: Array<{ plan: typeof pdoc; userId?: string; invitationId?: string; orgId: string; extra?: string[] }> = [
    { plan: pdoc, userId: ada.id, orgId: acme.id },
    { plan: pdoc, userId: max.id, orgId: acme.id },
    { plan: pdoc, userId: una.id, orgId: acme.id, extra: ["tasks.send"] },
    { plan: pdoc, invitationId: nia.id, orgId: acme.id },
    { plan: evals, userId: max.id, orgId: acme.id },
    { plan: evals, userId: ulf.id, orgId: acme.id },
    { plan: profile, userId: ada.id, orgId: acme.id },
    { plan: service, userId: sam.id, orgId: bolt.id },
  ];
  for (const place of placements) {
    const [row] = await tx
      .insert(planUsers)
      .values({
        planId: place.plan.id,
        orgId: place.orgId,
        userId: place.userId ?? null,
        invitationId: place.invitationId ?? null,
        addedById: place.plan.subscriberId,
      })
      .returning();
    const isSubscriber = place.plan.subscriberId === place.userId;
    const perms = await tx
      .select()
      .from(productPermissions)
      .where(eq(productPermissions.productId, place.plan.productId));
    const granted = perms.filter((p) => isSubscriber || p.isDefault || place.extra?.includes(p.key));
    if (granted.length) {
      await tx
        .insert(planUserPermissions)
        .values(granted.map((p) => ({ planUserId: row.id, productId: p.productId, key: p.key })));
    }
  }

  const [w1, w2, w3, w4, w5, w6] = await tx
    .insert(workflows)
    .values([
      { planId: pdoc.id, orgId: acme.id, ownerId: una.id, title: "Datasheets for the Q3 castings catalogue" },
      { planId: evals.id, orgId: acme.id, ownerId: ulf.id, title: "Quarterly evaluation of Bolt Supply Co" },
      { planId: pdoc.id, orgId: acme.id, ownerId: ada.id, title: "Customer portal release notes" },
      { planId: evals.id, orgId: acme.id, ownerId: max.id, title: "Annual supplier audit 2026" },
      { planId: profile.id, orgId: acme.id, ownerId: ada.id, title: "Refresh the certifications section" },
      { planId: service.id, orgId: bolt.id, ownerId: sam.id, title: "Requests from Acme Castings" },
    ])
    .returning();
  const done = { state: "done" as const, doneAt: new Date(), doneById: max.id };
  const [t1] = await tx.insert(tasks).values([
    { planId: pdoc.id, orgId: acme.id, workflowId: w1.id, senderId: ada.id, assigneeId: una.id, title: "Upload the alloy certificate for part 7741" },
    { planId: pdoc.id, orgId: acme.id, workflowId: w1.id, senderId: una.id, assigneeId: max.id, title: "Review the shared datasheet folder" },
    { planId: evals.id, orgId: acme.id, workflowId: w2.id, senderId: max.id, assigneeId: ulf.id, title: "Rate on-time delivery for October" },
    { planId: evals.id, orgId: acme.id, workflowId: w2.id, senderId: ulf.id, assigneeId: max.id, title: "Approve the evaluation summary", ...done },
    { planId: pdoc.id, orgId: acme.id, workflowId: w3.id, senderId: ada.id, assigneeId: max.id, title: "Proofread the release notes for 4.2" },
    { planId: pdoc.id, orgId: acme.id, workflowId: w3.id, senderId: max.id, assigneeId: ada.id, title: "Publish the release notes to customers" },
    { planId: evals.id, orgId: acme.id, workflowId: w4.id, senderId: max.id, assigneeId: max.id, title: "Collect the audit questionnaire answers" },
    { planId: profile.id, orgId: acme.id, workflowId: w5.id, senderId: ada.id, assigneeId: ada.id, title: "Add the ISO 9001 certificate" },
    { planId: service.id, orgId: bolt.id, workflowId: w6.id, senderId: sam.id, assigneeId: sam.id, title: "Confirm delivery dates for order 4471" },
  ]).returning({ id: tasks.id });

  // Surveys (SPEC §7): Una owns one with answers; Max has his checked out since this morning;
  // Ada owns the rest. Ulf owns none, so he can be deleted at once (R5).
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000);
  const [s1, s2, s3, s4] = await tx
    .insert(surveys)
    .values([
      {
        orgId: acme.id,
        ownerId: una.id,
        title: "Foundry safety walk-through",
        description: "Monthly checklist for the casting floor. Walk every station before the first pour.",
        questions: [
          { id: "q1", text: "Are all exits clear?", required: true },
          { id: "q2", text: "Is protective equipment available at every station?", required: true },
          { id: "q3", text: "Anything else the safety officer should know?" },
        ],
        createdAt: hoursAgo(24 * 20),
        updatedAt: hoursAgo(24 * 6),
      },
      {
        orgId: acme.id,
        ownerId: max.id,
        title: "Supplier onboarding feedback",
        description: "Sent to every new supplier after their first delivery.",
        questions: [
          { id: "q1", text: "How clear was the onboarding process?", required: true },
          { id: "q2", text: "Which document took longest to prepare?" },
          { id: "q3", text: "What should we change first?" },
        ],
        checkedOutById: max.id,
        checkedOutAt: hoursAgo(3),
        createdAt: hoursAgo(24 * 12),
        updatedAt: hoursAgo(24 * 2),
      },
      {
        orgId: acme.id,
        ownerId: ada.id,
        title: "Customer satisfaction 2026",
        description: "Our yearly check-in with customers. Takes two minutes.",
        questions: [
          { id: "q1", text: "How likely are you to recommend Acme Castings? (0–10)", required: true },
          { id: "q2", text: "What do we do best?" },
          { id: "q3", text: "Where should we improve?" },
        ],
        createdAt: hoursAgo(24 * 30),
        updatedAt: hoursAgo(24 * 9),
      },
      {
        orgId: acme.id,
        ownerId: ada.id,
        title: "Casting defect root-cause review",
        description: "Filled in by the quality team for every rejected batch.",
        questions: [
          { id: "q1", text: "Batch number", required: true },
          { id: "q2", text: "Defect observed (porosity, shrinkage, inclusion, other)", required: true },
          { id: "q3", text: "Most likely root cause" },
        ],
        createdAt: hoursAgo(24 * 4),
        updatedAt: hoursAgo(24),
      },
    ])
    .returning();
  await tx.insert(surveyResponses).values([
    { surveyId: s1.id, respondent: "floor-lead@acme.test", answers: { q1: "Yes", q2: "Yes" }, submittedAt: hoursAgo(24 * 8) },
    {
      surveyId: s1.id,
      respondent: "shift-b@acme.test",
      answers: { q1: "Yes", q2: "Station 4 is missing gloves", q3: "The eye-wash bottle at station 2 expires next week." },
      submittedAt: hoursAgo(24 * 7),
    },
    { surveyId: s2.id, respondent: "Bolt Supply Co", answers: { q1: "Very clear", q2: "The material certificates", q3: "A checklist before the first delivery" }, submittedAt: hoursAgo(24 * 5) },
    { surveyId: s2.id, respondent: null, answers: { q1: "Mostly clear", q3: "Fewer portals to sign up to" }, submittedAt: hoursAgo(24 * 3) },
    { surveyId: s3.id, respondent: "purchasing@northwind.test", answers: { q1: "9", q2: "Dimensional accuracy", q3: "Lead times in summer" }, submittedAt: hoursAgo(24 * 15) },
    { surveyId: s3.id, respondent: "ops@contoso.test", answers: { q1: "7", q2: "Responsive engineers" }, submittedAt: hoursAgo(24 * 12) },
    { surveyId: s3.id, respondent: null, answers: { q1: "10", q2: "Surface finish on thin walls", q3: "Nothing comes to mind" }, submittedAt: hoursAgo(24 * 10) },
    { surveyId: s4.id, respondent: "quality@acme.test", answers: { q1: "B-2291", q2: "Porosity", q3: "Moisture in the sand mould" }, submittedAt: hoursAgo(30) },
  ]);

  await tx.insert(notifications).values([
    {
      userId: ada.id,
      orgId: acme.id,
      kind: "plan_added",
      title: "Welcome to Seatwise",
      body: "Acme Castings is set up with demo data: PDoc Share, Supplier Evaluations and Company Profile.",
    },
    {
      userId: una.id,
      orgId: acme.id,
      planId: pdoc.id,
      kind: "plan_added",
      title: "You were added to PDoc Share",
      body: "Ada Admin added you to the plan. Open it from My Subscriptions.",
    },
    {
      userId: max.id,
      orgId: acme.id,
      planId: pdoc.id,
      kind: "plan_added",
      title: "You were added to PDoc Share",
      body: "Ada Admin added you to the plan. Open it from My Subscriptions.",
      readAt: new Date(),
    },
  ]);
  await writeDemoHistory(tx, {
    acme,
    bolt,
    people: { ada, max, una, ulf, sam },
    memberships: { ada: adaMembership, max: maxMembership, una: unaMembership, ulf: ulfMembership },
    invitations: { nia, cora },
    plans: { pdoc, evals, profile, service },
    surveys: { s1, s2, s3, s4 },
    tasks: { t1 },
    daysAgo,
  });
  return {
    acme: { slug: acme.slug, name: acme.name },
    bolt: { slug: bolt.slug, name: bolt.name },
    emails: { admin: ada.email, manager: max.email, user1: una.email, user2: ulf.email, supplier: sam.email, invitee: address("newhire@acme.test") },
  };
}

type Row = { id: string };
type Person = Row & { email: string };

/**
 * The demo's history in the audit log (A1), so Activity tells a story on first open: Ada created
 * Acme Castings and moved it to Pro, invited the team, subscribed to the plans and handed Supplier
 * Evaluations to Max, surveys were created and transferred, a role was changed, the supplier
 * joined. Entries are what the services themselves write (same actions, same before/after), dated
 * in the past; the log stays append-only.
 */
async function writeDemoHistory(
  tx: Tx,
  d: {
    acme: Row;
    bolt: Row & { name: string };
    people: { ada: Person; max: Person; una: Person; ulf: Person; sam: Person };
    memberships: { ada: Row; max: Row; una: Row; ulf: Row };
    invitations: { nia: Row & { email: string }; cora: Row & { email: string } };
    plans: { pdoc: Row; evals: Row; profile: Row; service: Row };
    surveys: { s1: Row; s2: Row; s3: Row; s4: Row };
    tasks: { t1: Row };
    daysAgo: (days: number, hours?: number) => Date;
  },
) {
  const { ada, max, una, ulf, sam } = d.people;
  const who = (p: Person) => ({ actorId: p.id, actorEmail: p.email });
  const to = (p: Person) => ({ targetUserId: p.id, targetEmail: p.email });
  // Ids of what the demo no longer holds (accepted invitations, an answered transfer).
  const inviteId = () => randomUUID();
  const [maxInvite, unaInvite, ulfInvite] = [inviteId(), inviteId(), inviteId()];
  const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const expires = (at: Date) => new Date(at.getTime() + 7 * 24 * 3600 * 1000).toISOString();
  const day = d.daysAgo;
  const acme = d.acme.id;
  const entries: Array<Omit<typeof auditLog.$inferInsert, "orgId">> = [
    { ...who(ada), ...to(ada), action: "organization.created", subjectType: "organization", subjectId: acme, after: { name: "Acme Castings", tier: "free", kind: "client", role: "admin" }, createdAt: day(30, 2) },
    { ...who(ada), action: "organization.tier_changed", subjectType: "organization", subjectId: acme, before: { tier: "free" }, after: { tier: "pro" }, createdAt: later(day(30, 2), 12) },
    { ...who(ada), action: "invitation.created", subjectType: "invitation", subjectId: maxInvite, after: { email: max.email, role: "manager", expiresAt: expires(day(30)) }, createdAt: day(30) },
    { ...who(max), ...to(max), action: "invitation.accepted", subjectType: "invitation", subjectId: maxInvite, before: { status: "pending" }, after: { status: "accepted", role: "manager" }, createdAt: day(29, 1) },
    { ...who(ada), ...to(ada), action: "plan.subscribed", subjectType: "plan", subjectId: d.plans.pdoc.id, after: { product: "PDoc Share", seats: 5, subscriberId: ada.id }, createdAt: day(28, 5) },
    { ...who(ada), ...to(ada), action: "plan.subscribed", subjectType: "plan", subjectId: d.plans.profile.id, after: { product: "Company Profile", seats: null, subscriberId: ada.id }, createdAt: later(day(28, 5), 3) },
    { ...who(ada), ...to(ada), action: "plan.subscribed", subjectType: "plan", subjectId: d.plans.evals.id, after: { product: "Supplier Evaluations", seats: 3, subscriberId: ada.id }, createdAt: later(day(28, 5), 6) },
    { ...who(ada), action: "invitation.created", subjectType: "invitation", subjectId: unaInvite, after: { email: una.email, role: "user", expiresAt: expires(day(28)), plans: ["PDoc Share"] }, createdAt: day(28) },
    { ...who(ada), action: "invitation.created", subjectType: "invitation", subjectId: ulfInvite, after: { email: ulf.email, role: "manager", expiresAt: expires(day(28)) }, createdAt: later(day(28), 2) },
    { ...who(una), ...to(una), action: "invitation.accepted", subjectType: "invitation", subjectId: unaInvite, before: { status: "pending" }, after: { status: "accepted", role: "user" }, createdAt: day(27, 3) },
    { ...who(ulf), ...to(ulf), action: "invitation.accepted", subjectType: "invitation", subjectId: ulfInvite, before: { status: "pending" }, after: { status: "accepted", role: "manager" }, createdAt: day(27, 1) },
    { ...who(ada), ...to(max), action: "plan.user_added", subjectType: "plan", subjectId: d.plans.pdoc.id, before: { onPlan: false }, after: { plan: "PDoc Share", onPlan: true }, createdAt: day(26, 4) },
    { ...who(ada), ...to(max), action: "transfer.requested", subjectType: "transfer", subjectId: inviteId(), after: { plan: "Supplier Evaluations", planId: d.plans.evals.id, state: "pending", expiresAt: expires(day(26, 3)) }, createdAt: day(26, 3) },
    { ...who(max), ...to(ada), action: "transfer.accepted", subjectType: "plan", subjectId: d.plans.evals.id, before: { subscriberId: ada.id, state: "pending" }, after: { subscriberId: max.id, state: "accepted" }, createdAt: day(25, 6) },
    { ...who(max), ...to(ulf), action: "plan.user_added", subjectType: "plan", subjectId: d.plans.evals.id, before: { onPlan: false }, after: { plan: "Supplier Evaluations", onPlan: true }, createdAt: day(25, 5) },
    { ...who(ada), action: "survey.created", subjectType: "survey", subjectId: d.surveys.s3.id, after: { title: "Customer satisfaction 2026", ownerId: ada.id, checkedOutById: ada.id }, createdAt: day(24, 2) },
    { ...who(ada), action: "supplier.invited", subjectType: "invitation", subjectId: inviteId(), after: { email: sam.email, companyName: "Bolt Supply Co", expiresAt: expires(day(22)) }, createdAt: day(22) },
    { ...who(sam), ...to(sam), action: "supplier.joined", subjectType: "invitation", subjectId: inviteId(), before: { status: "pending" }, after: { status: "accepted", supplierOrgId: d.bolt.id, supplierName: d.bolt.name }, createdAt: day(21) },
    { ...who(una), action: "survey.created", subjectType: "survey", subjectId: d.surveys.s1.id, after: { title: "Foundry safety walk-through", ownerId: una.id, checkedOutById: una.id }, createdAt: day(20) },
    { ...who(max), action: "survey.created", subjectType: "survey", subjectId: d.surveys.s2.id, after: { title: "Supplier onboarding feedback", ownerId: max.id, checkedOutById: max.id }, createdAt: day(12) },
    { ...who(ada), ...to(ulf), action: "member.role_changed", subjectType: "membership", subjectId: d.memberships.ulf.id, before: { role: "manager" }, after: { role: "user" }, createdAt: day(9) },
    { ...who(ada), ...to(una), action: "task.sent", subjectType: "task", subjectId: d.tasks.t1.id, after: { planId: d.plans.pdoc.id, title: "Upload the alloy certificate for part 7741", state: "open" }, createdAt: day(8, 4) },
    { ...who(una), action: "survey.share_link_created", subjectType: "survey", subjectId: d.surveys.s1.id, before: { shareLink: "none", since: null }, after: { shareLink: "active", title: "Foundry safety walk-through" }, createdAt: day(8, 6) },
    { ...who(ada), action: "survey.created", subjectType: "survey", subjectId: d.surveys.s4.id, after: { title: "Casting defect root-cause review", ownerId: ada.id, checkedOutById: ada.id }, createdAt: day(4) },
    { ...who(ada), ...to(una), action: "member.updated", subjectType: "membership", subjectId: d.memberships.una.id, before: { phone: null }, after: { phone: "+1 555 0102", name: "Una User" }, createdAt: day(3, 2) },
    { ...who(ada), action: "supplier.invited", subjectType: "invitation", subjectId: d.invitations.cora.id, after: { email: d.invitations.cora.email, companyName: "Cast Parts Ltd", expiresAt: expires(day(2)) }, createdAt: day(2) },
    { ...who(ada), action: "invitation.created", subjectType: "invitation", subjectId: d.invitations.nia.id, after: { email: d.invitations.nia.email, role: "user", expiresAt: expires(day(1)), plans: ["PDoc Share"] }, createdAt: day(1) },
    { ...who(max), action: "survey.checked_out", subjectType: "survey", subjectId: d.surveys.s2.id, before: { checkedOutById: null }, after: { checkedOutById: max.id, title: "Supplier onboarding feedback" }, createdAt: day(0, 3) },
  ];
  await tx.insert(auditLog).values(entries.map((e) => ({ ...e, orgId: acme })));
  await tx.insert(auditLog).values([
    { orgId: d.bolt.id, ...who(sam), ...to(sam), action: "organization.created", subjectType: "organization", subjectId: d.bolt.id, after: { name: d.bolt.name, tier: "free", kind: "supplier", role: "admin" }, createdAt: day(21) },
    { orgId: d.bolt.id, ...who(sam), ...to(sam), action: "plan.subscribed", subjectType: "plan", subjectId: d.plans.service.id, after: { product: "Service", seats: 3, subscriberId: sam.id, invitedBy: "Acme Castings" }, createdAt: later(day(21), 1) },
  ]);
}
