import { actAs, form, idle } from "../support/next-mocks";
import { describe, expect, it } from "vitest";
import { cancelOwnEmailChangeAction, confirmEmailChangeAction } from "@/app/account/email/actions";
import { requestSignInLink } from "@/app/(auth)/signin/actions";
import SignInErrorPage from "@/app/(auth)/signin/error/page";
import SignInPage from "@/app/(auth)/signin/page";
import { acceptInvitationAction, declineInvitationAction } from "@/app/invite/[token]/actions";
import { leaveOrganizationAction, updateProfileAction } from "@/app/account/actions";
import AccountPage from "@/app/account/page";
import WelcomePage from "@/app/o/[org]/welcome/page";
import InvitationPage from "@/app/invite/[token]/page";
import ConfirmEmailChangePage from "@/app/account/email/confirm/[token]/page";
import ActivityPage from "@/app/o/[org]/activity/page";
import InboxPage from "@/app/o/[org]/inbox/page";
import { resendInvitationAction, restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import ManageInvitesPage from "@/app/o/[org]/invites/page";
import { changeTierAction } from "@/app/o/[org]/settings/subscription/actions";
import SubscriptionPage from "@/app/o/[org]/settings/subscription/page";
import MySubscriptionsPage from "@/app/o/[org]/subscriptions/page";
import {
  checkInSurveyAction,
  checkOutSurveyAction,
  createSurveyAction,
  disableShareLinkAction,
  forceCheckInSurveyAction,
  mergeSurveysAction,
  rotateShareLinkAction,
  transferAllSurveysAction,
  transferSurveyAction,
  updateSurveyAction,
} from "@/app/o/[org]/surveys/actions";
import SurveyPage from "@/app/o/[org]/surveys/[surveyId]/page";
import NewSurveyPage from "@/app/o/[org]/surveys/new/page";
import SurveysPage from "@/app/o/[org]/surveys/page";
import { answerSurveyAction } from "@/app/s/[token]/actions";
import AnswerSurveyPage from "@/app/s/[token]/page";
import EditMemberPage from "@/app/o/[org]/users/[userId]/page";
import {
  bulkMembersAction,
  cancelEmailChangeAction,
  changeRoleAction,
  deleteMemberAction,
  inviteMembersAction,
  setMemberStatusAction,
  updateMemberAction,
} from "@/app/o/[org]/users/actions";
import InvitePage from "@/app/o/[org]/users/invite/page";
import UsersPage from "@/app/o/[org]/users/page";
import { createOrganizationAction } from "@/app/onboarding/actions";
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
import ProductAreaPage from "@/app/o/[org]/plans/[plan]/page";
import TransferOwnershipPage from "@/app/o/[org]/plans/[plan]/transfer/page";
import PlanUserProfilePage from "@/app/o/[org]/plans/[plan]/users/[planUser]/page";
import PlanUserPermissionsPage from "@/app/o/[org]/plans/[plan]/users/[planUser]/permissions/page";
import PlanUserWorkflowsPage from "@/app/o/[org]/plans/[plan]/users/[planUser]/workflows/page";
import AddUserToPlanPage from "@/app/o/[org]/plans/[plan]/users/add/page";
import ManagePlanUsersPage from "@/app/o/[org]/plans/[plan]/users/page";
import WorkflowPage from "@/app/o/[org]/plans/[plan]/workflows/[workflow]/page";
import { subscribeAction } from "@/app/o/[org]/products/actions";
import ProductsPage from "@/app/o/[org]/products/page";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import SuppliersPage from "@/app/o/[org]/suppliers/page";
import TransferPage from "@/app/o/[org]/transfers/[transfer]/page";
import { errorCodes } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg, makePlan, makeSurvey } from "../support/factories";
import { addNamedMember, snapshot } from "../support/state";

/**
 * SPEC §10: no input, however malformed, answers with a server error. A corpus of hostile values
 * goes into every page's search and route params and every field of every action. Pages may
 * answer not-found or redirect; actions must answer a known refusal (and then have written
 * nothing) or a success; nothing may throw, and nothing may log an error (tests/support/setup.ts
 * fails any test that calls console.error — which the action wrapper does for unexpected errors).
 */
const t = setupTestDatabase();

const corpus: Array<string | string[]> = [
  "\u0000",
  "a\u0000b",
  "1e20",
  "-1e20",
  "Infinity",
  "NaN",
  "-1",
  "0",
  "x".repeat(100_000),
  "\u202Eevil\u202C",
  "👩‍💻🚀",
  "' OR 1=1 --",
  "'; drop table users; --",
  "<script>alert(1)</script>",
  "%_\\",
  "__proto__",
  "constructor",
  "",
  "   ",
  ["a", "b"],
  ["\u0000", "x"],
];

async function scene() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  const { invitation, token } = await makeInvitation(t.db, org.id, admin.id);
  const survey = await makeSurvey(t.db, org.id, user.id);
  const plan = await makePlan(t.db, org.id, admin.id, "pdoc_share", 5);
  return { org, admin, user, invitation, token, survey, plan };
}

/** A Next page may end in notFound(), forbidden() or redirect(): those are answers, not crashes. */
async function renderPage(fn: () => Promise<unknown>) {
  try {
    await fn();
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not-found";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
    throw error;
  }
}

const knownCodes = new Set(Object.keys(errorCodes));

/** Calls an action; a refusal must carry a known code and leave the database as it was. */
async function expectHandled(call: () => Promise<FormState>, label: string) {
  const before = await snapshot(t.db);
  let result: FormState;
  try {
    result = await call();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return;
    throw new Error(`${label} threw: ${String(error)}`);
  }
  if (result.ok) return;
  expect(knownCodes.has(result.code ?? ""), `${label} answered ${result.code}: ${result.formError}`).toBe(true);
  expect(await snapshot(t.db), `${label} wrote nothing`).toEqual(before);
}

describe("§10 pages: hostile search and route params", () => {
  it("§10: every page of an organization renders, answers not found or redirects, whatever its params", async () => {
    const { org, admin, plan } = await scene();
    actAs(admin.id);
    const orgPages = [
      UsersPage, ActivityPage, InboxPage, ManageInvitesPage, SubscriptionPage, MySubscriptionsPage, SurveysPage, InvitePage,
      NewSurveyPage, ProductsPage, SuppliersPage, WelcomePage,
    ];
    for (const value of corpus) {
      const searchParams = Promise.resolve({
        q: value, page: value, actor: value, action: value, owner: value, mine: value, filter: value, merged: value, role: value, status: value, sort: value,
        from: value, to: value, show: value, org: value,
      });
      for (const Page of orgPages) {
        expect(await renderPage(() => Page({ params: Promise.resolve({ org: org.slug }), searchParams } as never))).toBe("rendered");
        const slug = Array.isArray(value) ? value[0] : value;
        expect(await renderPage(() => Page({ params: Promise.resolve({ org: slug }), searchParams } as never))).toMatch(/rendered|not-found|redirect/);
      }
      const userId = Array.isArray(value) ? value[0] : value;
      expect(await renderPage(() => EditMemberPage({ params: Promise.resolve({ org: org.slug, userId }) }))).toBe("not-found");
      expect(await renderPage(() => SurveyPage({ params: Promise.resolve({ org: org.slug, surveyId: userId }), searchParams } as never))).toBe("not-found");
      // Every page of a plan, with a hostile id in each of its route params, and the real plan with hostile search params.
      const id = userId;
      const planPages: Array<[(props: never) => Promise<unknown>, Record<string, string>]> = [
        [ProductAreaPage as never, { plan: id }],
        [TransferOwnershipPage as never, { plan: id }],
        [ManagePlanUsersPage as never, { plan: id }],
        [AddUserToPlanPage as never, { plan: id }],
        [PlanUserProfilePage as never, { plan: plan.id, planUser: id }],
        [PlanUserPermissionsPage as never, { plan: plan.id, planUser: id }],
        [PlanUserWorkflowsPage as never, { plan: plan.id, planUser: id }],
        [WorkflowPage as never, { plan: plan.id, workflow: id }],
        [TransferPage as never, { transfer: id }],
      ];
      for (const [Page, routeParams] of planPages) {
        expect(await renderPage(() => Page({ params: Promise.resolve({ org: org.slug, ...routeParams }), searchParams } as never))).toBe("not-found");
      }
      for (const Page of [ProductAreaPage, ManagePlanUsersPage, AddUserToPlanPage, TransferOwnershipPage]) {
        expect(await renderPage(() => (Page as (p: never) => Promise<unknown>)({ params: Promise.resolve({ org: org.slug, plan: plan.id }), searchParams } as never))).toMatch(/rendered|not-found|redirect/);
      }
    }
  }, 240_000);

  it("§10: the public pages (sign-in, its error page, invitation and confirmation links) never crash", async () => {
    actAs(null);
    for (const value of corpus) {
      const searchParams = Promise.resolve({ error: value, email: value, redirectTo: value, callbackUrl: value, retry: value });
      expect(await renderPage(() => SignInPage({ searchParams }))).toBe("rendered");
      expect(await renderPage(() => SignInErrorPage({ searchParams }))).toBe("rendered");
      const token = Array.isArray(value) ? value[0] : value;
      expect(await renderPage(() => InvitationPage({ params: Promise.resolve({ token }) }))).toBe("rendered");
      expect(await renderPage(() => ConfirmEmailChangePage({ params: Promise.resolve({ token }) }))).toBe("rendered");
      expect(await renderPage(() => AnswerSurveyPage({ params: Promise.resolve({ token }) }))).toBe("rendered");
    }
    // The profile page, signed in, with a hostile organization to go back to.
    const { admin } = await scene();
    actAs(admin.id);
    for (const value of corpus) {
      expect(await renderPage(() => AccountPage({ searchParams: Promise.resolve({ org: value }) }))).toBe("rendered");
    }
  });
});

describe("§10 actions: hostile values in every field", () => {
  it("§10: every field of every organization action answers a known refusal (and writes nothing) or succeeds", async () => {
    const { org, admin, user, invitation, survey, plan } = await scene();
    const otherSurvey = await makeSurvey(t.db, org.id, user.id, "Another");
    const valid = {
      invite: { org: org.slug, emails: "fuzz-invitee@example.test", role: "user", firstName: "A", lastName: "B" },
      update: { org: org.slug, userId: user.id, firstName: user.firstName!, lastName: user.lastName!, email: user.email, phone: "", role: "user" },
      member: { org: org.slug, userId: user.id },
      status: { org: org.slug, userId: user.id, status: "suspended" },
      invitation: { org: org.slug, invitationId: invitation.id },
      tier: { org: org.slug, tier: "pro" },
      transfer: { org: org.slug, surveyId: survey.id, toUserId: admin.id },
      survey: { org: org.slug, surveyId: survey.id },
      newSurvey: { org: org.slug, title: "Fuzzed", description: "" },
      editSurvey: { org: org.slug, surveyId: survey.id, title: "Edited", description: "", questionId: "", questionText: "Why?", questionRequired: "false" },
      forceCheckIn: { org: org.slug, surveyId: survey.id, holderId: user.id },
      transferAll: { org: org.slug, fromUserId: user.id, toUserId: admin.id },
      merge: { org: org.slug, sourceId: survey.id, targetId: otherSurvey.id },
      plan: { org: org.slug, planId: plan.id },
      seats: { org: org.slug, planId: plan.id, seats: "6" },
      addPlanUser: { org: org.slug, planId: plan.id, userId: user.id },
      invitePlanUser: { org: org.slug, planId: plan.id, email: "fuzz-plan@example.test", firstName: "F", lastName: "Z" },
      planUser: { org: org.slug, planId: plan.id, planUserId: invitation.id },
      permissions: { org: org.slug, planId: plan.id, planUserId: invitation.id, permissions: "workflows.view" },
      transferTo: { org: org.slug, planId: plan.id, toUserId: user.id },
      transferNew: { org: org.slug, planId: plan.id, email: "fuzz-owner@example.test", firstName: "F", lastName: "Z", attachTransfer: "on" },
      planTransfer: { org: org.slug, transferId: invitation.id },
      workflow: { org: org.slug, planId: plan.id, title: "Fuzzed workflow" },
      task: { org: org.slug, planId: plan.id, workflowId: invitation.id, assigneeId: admin.id, title: "Fuzzed task" },
      completeTask: { org: org.slug, planId: plan.id, taskId: invitation.id },
      notification: { org: org.slug, notificationId: invitation.id },
      subscribe: { org: org.slug, productId: "supplier_evaluations", seats: "3" },
      supplier: { org: org.slug, companyName: "Fuzz Supplies", email: "fuzz-supplier@example.test", firstName: "F", lastName: "Z" },
    };
    const actions: Array<[string, (s: FormState, f: FormData) => Promise<FormState>, Record<string, string>]> = [
      ["inviteMembers", inviteMembersAction, valid.invite],
      ["updateMember", updateMemberAction, valid.update],
      ["deleteMember", deleteMemberAction, valid.member],
      ["setMemberStatus", setMemberStatusAction, valid.status],
      ["cancelEmailChange", cancelEmailChangeAction, valid.member],
      ["resendInvitation", resendInvitationAction, valid.invitation],
      ["revokeInvitation", revokeInvitationAction, valid.invitation],
      ["restoreInvitation", restoreInvitationAction, valid.invitation],
      ["changeTier", changeTierAction, valid.tier],
      ["transferSurvey", transferSurveyAction, valid.transfer],
      ["createSurvey", createSurveyAction, valid.newSurvey],
      ["updateSurvey", updateSurveyAction, valid.editSurvey],
      ["checkOutSurvey", checkOutSurveyAction, valid.survey],
      ["checkInSurvey", checkInSurveyAction, valid.survey],
      ["forceCheckInSurvey", forceCheckInSurveyAction, valid.forceCheckIn],
      ["transferAllSurveys", transferAllSurveysAction, valid.transferAll],
      ["mergeSurveys", mergeSurveysAction, valid.merge],
      ["rotateShareLink", rotateShareLinkAction, valid.survey],
      ["disableShareLink", disableShareLinkAction, valid.survey],
      ["changePlanSeats", changePlanSeatsAction, valid.seats],
      ["addPlanUser", addPlanUserAction, valid.addPlanUser],
      ["invitePlanUser", invitePlanUserAction, valid.invitePlanUser],
      ["updatePlanUserPermissions", updatePlanUserPermissionsAction, valid.permissions],
      ["removePlanUser", removePlanUserAction, valid.planUser],
      ["requestTransfer", requestTransferAction, valid.transferTo],
      ["transferToNewPerson", transferToNewPersonAction, valid.transferNew],
      ["cancelTransfer", cancelTransferAction, valid.planTransfer],
      ["acceptTransfer", acceptTransferAction, valid.planTransfer],
      ["declineTransfer", declineTransferAction, valid.planTransfer],
      ["reassignPlan", reassignPlanAction, valid.transferTo],
      ["createWorkflow", createWorkflowAction, valid.workflow],
      ["sendTask", sendTaskAction, valid.task],
      ["completeTask", completeTaskAction, valid.completeTask],
      ["markNotificationRead", markNotificationReadAction, valid.notification],
      ["markAllNotificationsRead", markAllNotificationsReadAction, { org: org.slug }],
      ["subscribe", subscribeAction, valid.subscribe],
      ["inviteSupplier", inviteSupplierAction, valid.supplier],
      ["changeRole", changeRoleAction, { org: org.slug, userId: user.id, role: "manager" }],
      ["bulkMembers", bulkMembersAction, { org: org.slug, op: "suspend", rows: `member:${user.id}` }],
      // Last: it removes the caller from the organization when it succeeds.
      ["leaveOrganization", leaveOrganizationAction, { org: org.slug }],
    ];
    actAs(admin.id);
    for (const [name, action, fields] of actions) {
      for (const field of Object.keys(fields)) {
        for (const value of corpus) {
          await expectHandled(() => action(idle, form({ ...fields, [field]: value })), `${name}.${field}=${JSON.stringify(value).slice(0, 30)}`);
        }
      }
    }
  }, 240_000);

  it("§10: the actions outside an organization (sign-in, accept, create, confirm) answer every hostile value", async () => {
    const { admin } = await scene();
    const actions: Array<[string, (s: FormState, f: FormData) => Promise<FormState>, Record<string, string>, string | null]> = [
      ["requestSignInLink", requestSignInLink, { email: "fuzz@example.test", redirectTo: "/" }, null],
      ["acceptInvitation", acceptInvitationAction, { token: "A".repeat(43) }, null],
      ["declineInvitation", declineInvitationAction, { token: "A".repeat(43) }, null],
      ["answerSurvey", answerSurveyAction, { token: "A".repeat(43), respondent: "Fuzz", "answer.q1": "yes" }, null],
      ["createOrganization", createOrganizationAction, { name: "Fuzz Works", firstName: "Fu", lastName: "Zz" }, admin.id],
      ["updateProfile", updateProfileAction, { firstName: "Fu", lastName: "Zz", email: admin.email, phone: "" }, admin.id],
      ["confirmEmailChange", confirmEmailChangeAction, { token: "A".repeat(43) }, admin.id],
      ["cancelOwnEmailChange", cancelOwnEmailChangeAction, { unused: "x" }, admin.id],
    ];
    for (const [name, action, fields, as] of actions) {
      actAs(as);
      for (const field of Object.keys(fields)) {
        for (const value of corpus) {
          await expectHandled(() => action(idle, form({ ...fields, [field]: value })), `${name}.${field}=${JSON.stringify(value).slice(0, 30)}`);
        }
      }
    }
  });
});
