import { actAs, form, idle } from "../support/next-mocks";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rotateShareLinkAction, updateSurveyAction } from "@/app/o/[org]/surveys/actions";
import { auditLog, memberships, notifications, surveyResponses, surveys } from "@/db/schema";
import { whoToAsk } from "@/lib/access/who-to-ask";
import { isAppError } from "@/lib/errors";
import { suspendedIn } from "@/lib/orgs/suspended";
import { seatHelp } from "@/lib/seats/seat-help";
import { seatUsage } from "@/lib/seats/seat-usage";
import { defaultPlanSeats, nextTier, upgradeLabel } from "@/lib/tiers";
import { askToCheckIn } from "@/lib/surveys/ask-to-check-in";
import { mergeSurveys } from "@/lib/surveys/merge-surveys";
import { mergePreview } from "@/lib/surveys/queries";
import { findSurveyByShareToken } from "@/lib/surveys/queries";
import { openShareToken, sealShareToken, shareLinkForManager } from "@/lib/surveys/share-token";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { acceptTransfer, declineTransfer } from "@/lib/transfers/respond-to-transfer";
import { setupTestDatabase } from "../support/db";
import { makeCheckedOutSurvey, makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { memberContext } from "../support/context";
import { planWorld } from "../support/plans";
import { addNamedMember, expectNoChange } from "../support/state";

/** Issue 14's fixes that live in lib/: share links kept sealed (#14.9), transfer answers (#14.11), save and check in (#14.1). */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function surveyRow(id: string) {
  const [row] = await t.db.select().from(surveys).where(eq(surveys.id, id));
  return row;
}

describe("#14.9 share links shown again", () => {
  it("#14.9: the token is kept sealed (AES-256-GCM, not the token in clear), opens only for its own survey and secret, and still finds the survey by hash", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const owner = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeSurvey(t.db, org.id, owner.id, "Canteen", { questions: [{ id: "q1", text: "Lunch?" }] });
    const other = await makeSurvey(t.db, org.id, owner.id, "Other");
    actAs(owner.id);
    const created = await rotateShareLinkAction(idle, form({ org: org.slug, surveyId: survey.id }));
    const url = (created.data as { url: string }).url;
    const token = url.split("/s/")[1];
    const row = await surveyRow(survey.id);
    expect(row.shareTokenSealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row.shareTokenSealed).not.toContain(token);
    expect(openShareToken(row.shareTokenSealed!, survey.id)).toBe(token);
    // Bound to its survey and to AUTH_SECRET: copied elsewhere or opened with another secret, it says nothing.
    expect(openShareToken(row.shareTokenSealed!, other.id)).toBeNull();
    expect(openShareToken(row.shareTokenSealed!, survey.id, "another-secret-0123456789")).toBeNull();
    // Two seals of one token differ (a fresh nonce each time).
    expect(sealShareToken(token, survey.id)).not.toBe(sealShareToken(token, survey.id));
    // The page's view for a manager is the same URL, again and again.
    expect(shareLinkForManager({ ...row, hasShareLink: true }, baseUrl)).toEqual({ state: "shown", url });
    expect((await findSurveyByShareToken(token))?.id).toBe(survey.id);
  });

  it("#14.9: a link made before sealing (hash only) reads as legacy; Replace makes one that can be shown; no link reads as none", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const owner = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeSurvey(t.db, org.id, owner.id, "Old link", { shareTokenHash: "a".repeat(64), shareLinkCreatedAt: new Date() });
    expect(shareLinkForManager({ ...(await surveyRow(survey.id)), hasShareLink: true }, baseUrl)).toEqual({ state: "legacy" });
    actAs(owner.id);
    const replaced = await rotateShareLinkAction(idle, form({ org: org.slug, surveyId: survey.id }));
    expect(replaced.ok).toBe(true);
    const view = shareLinkForManager({ ...(await surveyRow(survey.id)), hasShareLink: true }, baseUrl);
    expect(view).toEqual({ state: "shown", url: (replaced.data as { url: string }).url });
    expect(shareLinkForManager({ id: survey.id, hasShareLink: false, shareTokenSealed: null }, baseUrl)).toEqual({ state: "none" });
  });
});

describe("#14.11 answering a transfer", () => {
  async function unread(userId: string, orgId: string) {
    return t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.orgId, orgId), isNull(notifications.readAt)));
  }

  it("N1/O2 #14.11: accepting marks the request read and sends the recipient no notice of her own answer: her unread count drops by one", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    expect(await unread(w.manager.id, w.org.id)).toHaveLength(1);
    await acceptTransfer(w.ctx.manager, transferId, { baseUrl });
    expect(await unread(w.manager.id, w.org.id)).toHaveLength(0);
    const mine = await t.db.select().from(notifications).where(eq(notifications.userId, w.manager.id));
    expect(mine.map((n) => n.kind)).toEqual(["transfer_requested"]);
    const theirs = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.admin.id), eq(notifications.transferId, transferId)));
    expect(theirs.map((n) => n.kind)).toEqual(["transfer_accepted"]);
  });

  it("N1 #14.11: declining marks the request read; only the requester is told", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await declineTransfer(w.ctx.manager, transferId, { baseUrl });
    expect(await unread(w.manager.id, w.org.id)).toHaveLength(0);
    const told = await t.db.select().from(notifications).where(eq(notifications.transferId, transferId));
    expect(told.map((n) => [n.userId, n.kind]).sort()).toEqual(
      [
        [w.manager.id, "transfer_requested"],
        [w.admin.id, "transfer_declined"],
      ].sort(),
    );
  });
});

describe("S1 #14.1 save and check in", () => {
  const edit = (orgSlug: string, surveyId: string, questions: string[], intent: string) =>
    updateSurveyAction(
      idle,
      form({ org: orgSlug, surveyId, title: "Shift handover", description: "", intent, questionId: questions.map(() => ""), questionText: questions, questionRequired: questions.map(() => "false") }),
    );

  it("S1 #14.1: Save and check in stores the edits and releases the check-out in one step, both audited", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const una = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeCheckedOutSurvey(t.db, org.id, una.id, una.id);
    actAs(una.id);
    const result = await edit(org.slug, survey.id, ["Which furnaces are hot?", "Open issues?"], "check-in");
    expect(result).toMatchObject({ ok: true, data: { checkedIn: true } });
    const row = await surveyRow(survey.id);
    expect(row.questions.map((q) => q.text)).toEqual(["Which furnaces are hot?", "Open issues?"]);
    expect(row.checkedOutById).toBeNull();
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, survey.id))).map((e) => e.action).sort();
    expect(actions).toEqual(["survey.checked_in", "survey.updated"]);
  });

  it("S1 #14.1: a refused save (an empty question) checks nothing in and changes nothing", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const una = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeCheckedOutSurvey(t.db, org.id, una.id, una.id);
    actAs(una.id);
    const result = await expectNoChange(t.db, () => edit(org.slug, survey.id, ["Kept?", "  "], "check-in"));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await surveyRow(survey.id)).checkedOutById).toBe(una.id);
  });

  it("S1 #14.1: a plain save keeps the survey checked out", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const una = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeCheckedOutSurvey(t.db, org.id, una.id, una.id);
    actAs(una.id);
    expect(await edit(org.slug, survey.id, ["One"], "save")).toMatchObject({ ok: true, data: { checkedIn: false } });
    expect((await surveyRow(survey.id)).checkedOutById).toBe(una.id);
  });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("#14.10 merge and the share link", () => {
  async function world(targetHasLink: boolean) {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const source = await makeSurvey(t.db, org.id, admin.id, "Old", { questions: [{ id: "q1", text: "Lunch?" }] });
    const target = await makeSurvey(t.db, org.id, admin.id, "New", { questions: [{ id: "q1", text: "Lunch?" }] });
    await makeResponse(t.db, source.id, { q1: "Fine" });
    actAs(admin.id);
    const made = await rotateShareLinkAction(idle, form({ org: org.slug, surveyId: source.id }));
    const sourceUrl = (made.data as { url: string }).url;
    let targetUrl: string | null = null;
    if (targetHasLink) {
      const other = await rotateShareLinkAction(idle, form({ org: org.slug, surveyId: target.id }));
      targetUrl = (other.data as { url: string }).url;
    }
    const ctx = await memberContext(admin.id, org.slug);
    return { org, admin, source, target, sourceUrl, targetUrl, ctx };
  }

  it("S2 #14.10: when the target has no link, the preview says the source's link keeps working, and the merge moves it (re-sealed) to the target", async () => {
    const w = await world(false);
    expect((await mergePreview(w.ctx, w.source.id, w.target.id))?.shareLink).toBe("carried");
    const result = await mergeSurveys(w.ctx, w.source.id, w.target.id);
    expect(result.shareLink).toBe("carried");
    const token = w.sourceUrl.split("/s/")[1];
    expect((await findSurveyByShareToken(token))?.id).toBe(w.target.id);
    const row = await surveyRow(w.target.id);
    expect(shareLinkForManager({ ...row, hasShareLink: true }, baseUrl)).toEqual({ state: "shown", url: w.sourceUrl });
    expect(await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, w.target.id))).toHaveLength(1);
  });

  it("S2 #14.10: when the target has its own link, the preview says the source's link stops working; after the merge it finds nothing and the target keeps its own", async () => {
    const w = await world(true);
    expect((await mergePreview(w.ctx, w.source.id, w.target.id))?.shareLink).toBe("ends");
    expect((await mergeSurveys(w.ctx, w.source.id, w.target.id)).shareLink).toBe("ends");
    expect(await findSurveyByShareToken(w.sourceUrl.split("/s/")[1])).toBeNull();
    expect((await findSurveyByShareToken(w.targetUrl!.split("/s/")[1]))?.id).toBe(w.target.id);
  });
});

describe("#14.12 ask the holder to check in", () => {
  async function world() {
    const org = await makeOrg(t.db, { tier: "pro" });
    const max = (await addNamedMember(t.db, org.id, "manager")).user;
    const una = (await addNamedMember(t.db, org.id, "user")).user;
    const ulf = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeCheckedOutSurvey(t.db, org.id, max.id, max.id);
    return { org, max, una, ulf, survey };
  }

  it("S1 #14.12: asking writes one inbox notice to the holder, linked to the survey", async () => {
    const w = await world();
    const ctx = await memberContext(w.una.id, w.org.slug);
    await askToCheckIn(ctx, w.survey.id);
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, w.max.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "checkin_requested", surveyId: w.survey.id, orgId: w.org.id, readAt: null });
  });

  it("S1 #14.12: once per asker per survey per hour (RATE_LIMITED, nothing written); another asker may ask; the next hour the same asker may again", async () => {
    const w = await world();
    const now = new Date("2026-12-03T10:05:00Z");
    const una = await memberContext(w.una.id, w.org.slug);
    await askToCheckIn(una, w.survey.id, { now });
    const before = await t.db.select().from(notifications).where(eq(notifications.userId, w.max.id));
    expect(await codeOf(askToCheckIn(una, w.survey.id, { now: new Date("2026-12-03T10:50:00Z") }))).toBe("RATE_LIMITED");
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, w.max.id))).toEqual(before);
    const ulf = await memberContext(w.ulf.id, w.org.slug);
    await askToCheckIn(ulf, w.survey.id, { now });
    await askToCheckIn(una, w.survey.id, { now: new Date("2026-12-03T11:06:00Z") });
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, w.max.id))).toHaveLength(3);
  });

  it("S1 #14.12: the holder cannot ask himself, a checked-in survey needs no asking, another organization's survey is not found — nothing written", async () => {
    const w = await world();
    const max = await memberContext(w.max.id, w.org.slug);
    expect(await expectNoChange(t.db, () => codeOf(askToCheckIn(max, w.survey.id)))).toBe("CONFLICT");
    const free = await makeSurvey(t.db, w.org.id, w.max.id, "Free");
    const una = await memberContext(w.una.id, w.org.slug);
    expect(await expectNoChange(t.db, () => codeOf(askToCheckIn(una, free.id)))).toBe("CONFLICT");
    const other = await makeOrg(t.db, { tier: "pro" });
    const stranger = (await addNamedMember(t.db, other.id, "admin")).user;
    const strangerCtx = await memberContext(stranger.id, other.slug);
    expect(await expectNoChange(t.db, () => codeOf(askToCheckIn(strangerCtx, w.survey.id)))).toBe("NOT_FOUND");
  });
});

describe("#14.8 the seat limit leads somewhere", () => {
  it("T1 #14.8: the next tier and its seats; plans start within the tier", () => {
    expect(nextTier("free")).toEqual({ tier: "essential", label: "Essential", limit: 6 });
    expect(upgradeLabel(nextTier("essential")!)).toBe("Upgrade to Pro for 10 seats");
    expect(upgradeLabel(nextTier("pro")!)).toBe("Upgrade to Enterprise for unlimited seats");
    expect(nextTier("enterprise")).toBeNull();
    expect(defaultPlanSeats("free")).toBe(4);
    expect(defaultPlanSeats("pro")).toBe(5);
    expect(defaultPlanSeats("enterprise")).toBe(5);
  });

  it("T1/T4 #14.8: at N of N an Admin gets the upgrade link naming the next tier's seats; a Manager gets the Admins to ask, by name; below the limit, nothing", async () => {
    const org = await makeOrg(t.db, { tier: "free" });
    const ada = await addNamedMember(t.db, org.id, "admin");
    const max = await addNamedMember(t.db, org.id, "manager");
    await addNamedMember(t.db, org.id, "user");
    const open = await seatHelp(t.db, { orgId: org.id, orgSlug: org.slug, role: "admin" }, await seatUsage(t.db, org.id));
    expect(open).toMatchObject({ full: false, upgrade: null, askAdmins: null });
    await addNamedMember(t.db, org.id, "user");
    const usage = await seatUsage(t.db, org.id);
    expect(usage).toMatchObject({ used: 4, limit: 4 });
    expect(await seatHelp(t.db, { orgId: org.id, orgSlug: org.slug, role: "admin" }, usage)).toMatchObject({
      full: true,
      upgrade: { href: `/o/${org.slug}/settings/subscription`, label: "Upgrade to Essential for 6 seats" },
      askAdmins: null,
    });
    const asManager = await seatHelp(t.db, { orgId: org.id, orgSlug: org.slug, role: "manager" }, usage);
    expect(asManager).toMatchObject({ full: true, upgrade: null, askAdmins: ada.user.name });
    expect(asManager.askAdmins).not.toContain(max.user.name!);
  });
});

describe("#14.12 refusals name someone", () => {
  it("#14.12: who can open a refused page, by name: the plan's subscriber and the Admins; Admins for Activity; nobody for another organization's plan", async () => {
    const w = await planWorld(t.db);
    const ctx = await memberContext(w.user.id, w.org.slug);
    const admin = w.admin.name ?? w.admin.email;
    expect(await whoToAsk(ctx, `/o/${w.org.slug}/plans/${w.plan.id}/users`)).toBe(`${admin} (subscriber of PDoc Share), or an Admin: ${admin}`);
    expect(await whoToAsk(ctx, `/o/${w.org.slug}/activity`)).toBe(`Admins: ${admin}`);
    expect(await whoToAsk(ctx, `/o/${w.org.slug}/plans/${w.otherPlan.id}/users`)).toBeNull();
    expect(await whoToAsk(ctx, `/o/${w.other.slug}/activity`)).toBeNull();
  });

  it("R9 #14.12: the suspended page names the organization and its Admins, only where the person is suspended", async () => {
    const w = await planWorld(t.db);
    expect(await suspendedIn(w.user.id, w.org.slug)).toBeNull();
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user.id)));
    expect(await suspendedIn(w.user.id, w.org.slug)).toEqual({ orgName: w.org.name, whoCanHelp: w.admin.name ?? w.admin.email });
    expect(await suspendedIn(w.user.id, w.other.slug)).toBeNull();
  });
});
