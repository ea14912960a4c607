/**
 * The webhook event types (SPEC W1, issue 16) and the `data` each one carries. Pure: the page's
 * checkboxes, the zod schema and emitEvent all read this list.
 */
export const webhookEventTypes = [
  "member.created",
  "member.updated",
  "member.suspended",
  "member.reactivated",
  "member.deleted",
  "invitation.created",
  "invitation.accepted",
  "invitation.declined",
  "invitation.revoked",
  "invitation.expired",
  "seats.limit_reached",
  "plan.user_added",
  "plan.user_removed",
  "plan.transfer.requested",
  "plan.transfer.accepted",
  "plan.transfer.declined",
  "plan.transfer.cancelled",
  "plan.transfer.expired",
  "survey.transferred",
  "domain.verified",
  "sso.updated",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

type Role = "admin" | "manager" | "user";

export type MemberEventData = { userId: string; email: string; name: string | null; role: Role; status: "active" | "suspended" };
export type InvitationEventData = { invitationId: string; email: string; role: Role; expiresAt: string };
export type PlanUserEventData = { planId: string; product: string; userId: string; email: string };
export type TransferEventData = { transferId: string; planId: string; fromUserId: string; toUserId: string | null };

export type WebhookEventData = {
  /** `source`: how they came in — an invitation, a verified domain's join policy, single sign-on, an approved request, SCIM. */
  "member.created": MemberEventData & { source?: "invitation" | "domain" | "sso" | "join_request" | "scim" };
  "member.updated": MemberEventData & { changes: string[] };
  "member.suspended": MemberEventData;
  "member.reactivated": MemberEventData;
  "member.deleted": Omit<MemberEventData, "status"> & { reason: "deleted" | "left" };
  "invitation.created": InvitationEventData;
  "invitation.accepted": InvitationEventData & { userId: string };
  "invitation.declined": InvitationEventData;
  "invitation.revoked": InvitationEventData;
  "invitation.expired": InvitationEventData;
  "seats.limit_reached": { tier: string; limit: number; used: number };
  "plan.user_added": PlanUserEventData;
  "plan.user_removed": PlanUserEventData;
  "plan.transfer.requested": TransferEventData;
  "plan.transfer.accepted": TransferEventData;
  "plan.transfer.declined": TransferEventData;
  "plan.transfer.cancelled": TransferEventData;
  "plan.transfer.expired": TransferEventData;
  "survey.transferred": { surveyId: string; title: string; fromUserId: string; toUserId: string };
  "domain.verified": { domainId: string; domain: string };
  "sso.updated": { issuer: string; clientId: string; domains: string[]; requireSso: string[] };
};

/** What each type means, for the Settings → Webhooks checkboxes. */
export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  "member.created": "Someone joined the organization",
  "member.updated": "A member's role or details changed",
  "member.suspended": "A member was suspended",
  "member.reactivated": "A member was re-activated",
  "member.deleted": "A member was deleted or left",
  "invitation.created": "An invitation was sent",
  "invitation.accepted": "An invitation was accepted",
  "invitation.declined": "An invitation was declined",
  "invitation.revoked": "An invitation was revoked",
  "invitation.expired": "An invitation expired unanswered",
  "seats.limit_reached": "Seats used reached the tier's limit",
  "plan.user_added": "A user was added to a plan",
  "plan.user_removed": "A user was removed from a plan",
  "plan.transfer.requested": "A plan's ownership transfer was requested",
  "plan.transfer.accepted": "A plan's ownership transfer was accepted",
  "plan.transfer.declined": "A plan's ownership transfer was declined",
  "plan.transfer.cancelled": "A plan's ownership transfer was cancelled",
  "plan.transfer.expired": "A plan's ownership transfer expired",
  "survey.transferred": "A survey got a new owner",
  "domain.verified": "A domain was verified for the organization",
  "sso.updated": "The single sign-on connection changed",
};
