/**
 * SPEC A1 for people: each audit entry as a sentence ("Ada Admin changed Ulf User's role from User
 * to Manager"), and the before/after of the fields that changed, for the disclosure under it.
 * Pure functions: the page and the CSV export resolve names first (lib/audit/queries.ts) and pass
 * them in, so this module never reads the database.
 */
import { fieldLabel } from "./field-changes";
import { invitationsMentioned } from "./mentions";
import { asPayload, roleLabel, str, tierLabel, type AuditNames, type AuditRecord, type SentencePart } from "./record";

// The seams of this module live beside it; these names stay importable from here.
export { changedFields, fieldLabel, type FieldChange } from "./field-changes";
export { invitationsMentioned, peopleMentioned, personKeys } from "./mentions";
export { sentenceText, type AuditNames, type AuditRecord, type SentencePart } from "./record";

/** The actions the app writes, grouped, with the words of the Activity page's filter. */
const joinPolicyLabels: Record<string, string> = { off: "invitations only", join: "anyone at it may join as User", ask: "anyone at it may ask to join" };

function joinPolicyLabel(value: unknown): string {
  return typeof value === "string" && value in joinPolicyLabels ? joinPolicyLabels[value] : "—";
}

export const auditActionGroups: Array<{ label: string; actions: Array<[string, string]> }> = [
  {
    label: "Members",
    actions: [
      ["member.role_changed", "Role changed"],
      ["member.updated", "Details edited"],
      ["member.suspended", "Suspended"],
      ["member.reactivated", "Re-activated"],
      ["member.deleted", "Deleted"],
      ["member.left", "Left the organization"],
      ["member.email_change_requested", "Email change asked"],
      ["member.email_changed", "Email changed"],
      ["member.email_change_cancelled", "Email change cancelled"],
      ["member.surveys_exported", "Surveys downloaded"],
      ["member.provisioned", "Added by provisioning"],
    ],
  },
  {
    label: "Invitations",
    actions: [
      ["invitation.created", "Invited"],
      ["invitation.resent", "Invitation resent"],
      ["invitation.updated", "Invitation changed"],
      ["invitation.revoked", "Invitation revoked"],
      ["invitation.restored", "Revocation undone"],
      ["invitation.accepted", "Invitation accepted"],
      ["invitation.declined", "Invitation declined"],
    ],
  },
  {
    label: "Organization",
    actions: [
      ["organization.created", "Organization created"],
      ["organization.tier_changed", "Tier changed"],
      ["activity.exported", "Activity downloaded"],
      ["members.exported", "Users list downloaded"],
      ["api_token.created", "API token created"],
      ["api_token.revoked", "API token revoked"],
    ],
  },
  {
    label: "Plans",
    actions: [
      ["plan.subscribed", "Subscribed"],
      ["plan.seats_changed", "Plan seats changed"],
      ["plan.user_added", "Added to a plan"],
      ["plan.user_removed", "Removed from a plan"],
      ["plan.invitee_removed", "Invitee removed from a plan"],
      ["plan.permissions_changed", "Plan permissions changed"],
      ["plan.reassigned", "Plan reassigned"],
      ["transfer.requested", "Transfer requested"],
      ["transfer.accepted", "Transfer accepted"],
      ["transfer.declined", "Transfer declined"],
      ["transfer.cancelled", "Transfer cancelled"],
      ["transfer.expired", "Transfer expired"],
      ["workflow.created", "Workflow started"],
      ["task.sent", "Task sent"],
      ["task.done", "Task done"],
    ],
  },
  {
    label: "Surveys",
    actions: [
      ["survey.created", "Survey created"],
      ["survey.updated", "Survey edited"],
      ["survey.checked_out", "Checked out"],
      ["survey.checked_in", "Checked in"],
      ["survey.force_checked_in", "Force checked in"],
      ["survey.transferred", "Survey transferred"],
      ["survey.merged", "Surveys merged"],
      ["survey.share_link_created", "Share link created"],
      ["survey.share_link_replaced", "Share link replaced"],
      ["survey.share_link_disabled", "Share link turned off"],
    ],
  },
  {
    label: "Suppliers",
    actions: [
      ["supplier.invited", "Supplier invited"],
      ["supplier.invitation_resent", "Supplier invitation resent"],
      ["supplier.joined", "Supplier joined"],
    ],
  },
  {
    label: "Webhooks",
    actions: [
      ["webhook.endpoint_created", "Webhook endpoint added"],
      ["webhook.endpoint_deleted", "Webhook endpoint deleted"],
      ["webhook.endpoint_disabled", "Webhook endpoint disabled"],
      ["webhook.endpoint_enabled", "Webhook endpoint re-enabled"],
      ["webhook.delivery_replayed", "Webhook delivery replayed"],
    ],
  },
  {
    label: "Domains and sign-in",
    actions: [
      ["domain.added", "Domain added"],
      ["domain.verification_resent", "Domain link sent again"],
      ["domain.verified", "Domain verified"],
      ["domain.removed", "Domain removed"],
      ["domain.join_policy_changed", "Join policy changed"],
      ["member.joined_by_domain", "Joined through a domain"],
      ["join_request.created", "Asked to join"],
      ["join_request.approved", "Request to join approved"],
      ["join_request.declined", "Request to join declined"],
      ["sso.updated", "Single sign-on changed"],
      ["sso.signed_in", "Signed in by SSO"],
    ],
  },
];

export const auditActionLabels = new Map(auditActionGroups.flatMap((g) => g.actions));

/** "member.bulk_thing" → "member bulk thing": an action this page has no sentence for yet still reads. */
function humanize(action: string): string {
  return action.replace(/[._]/g, " ");
}

/**
 * The sentence of one entry. Names come from the users table (a person renamed since reads with
 * their name of today) and fall back to the address recorded in the entry.
 */
export function describeAuditEntry(entry: AuditRecord, names: AuditNames): SentencePart[] {
  const sentence = describeAction(entry, names);
  const door = doorWords(entry.via);
  return door ? [...sentence, door] : sentence;
}

/** SPEC §11: which door a change came through, said after the sentence (" via API token 'HR sync'"). */
export function doorWords(via: unknown): string | null {
  const door = asPayload(via);
  if (door.door === "api_token") return ` via API token '${str(door.name) ?? "a deleted token"}'`;
  if (door.door === "scim") return " by SCIM";
  return null;
}

function describeAction(entry: AuditRecord, names: AuditNames): SentencePart[] {
  const before = asPayload(entry.before);
  const after = asPayload(entry.after);
  const person = (id: string | null | undefined, email?: string | null): SentencePart | null => {
    const name = (id && names.people.get(id)) || email;
    return name ? { name } : null;
  };
  const actor: SentencePart = person(entry.actorId, entry.actorEmail) ?? { name: "Seatwise" };
  const target: SentencePart = person(entry.targetUserId, entry.targetEmail) ?? { name: "someone" };
  const self = entry.actorId !== null && entry.actorId === entry.targetUserId;
  const possessive = (who: SentencePart): SentencePart[] => (self ? ["their"] : [who, "'s"]);
  const subjectName = entry.subjectType && entry.subjectId ? names.subjects.get(`${entry.subjectType}:${entry.subjectId}`) : undefined;
  const invitationEmail: SentencePart = {
    name: subjectName ?? str(before.email) ?? str(after.email) ?? entry.targetEmail ?? "an address",
  };
  const plan: SentencePart = {
    name: (entry.subjectType === "plan" || entry.subjectType === "transfer" ? subjectName : undefined) ?? str(after.plan) ?? str(before.plan) ?? str(after.product) ?? "a plan",
  };
  const quoted = (title: string | null | undefined): SentencePart => ({ name: `“${title ?? "a survey since deleted"}”` });
  const survey = quoted(subjectName ?? str(after.title) ?? str(before.title));
  const task = quoted(subjectName ?? str(after.title));

  switch (entry.action) {
    case "organization.created":
      return [actor, " created ", { name: str(after.name) ?? names.orgName }, ` on the ${tierLabel(after.tier)} tier`];
    case "organization.tier_changed":
      return [actor, ` moved the account subscription from ${tierLabel(before.tier)} to ${tierLabel(after.tier)}`];
    case "activity.exported":
      return [actor, " downloaded the activity log as CSV"];
    case "members.exported":
      return [actor, " downloaded the Users list as CSV"];
    case "api_token.created":
      return [actor, " created the API token ", { name: `'${str(after.name) ?? "a token"}'` }, ` with the ${roleLabel(after.role)} role`];
    case "domain.added":
      return [actor, " added the domain ", { name: str(after.domain) ?? "a domain" }, " and sent its verification link to ", { name: str(after.verificationEmail) ?? "an address at it" }];
    case "domain.verification_resent":
      return [actor, " sent a new verification link for ", { name: str(after.domain) ?? "a domain" }, " to ", { name: str(after.verificationEmail) ?? "an address at it" }];
    case "domain.verified":
      return [{ name: str(after.domain) ?? "A domain" }, " was verified from the link sent to ", actor];
    case "domain.removed":
      return [actor, " removed the domain ", { name: str(before.domain) ?? "a domain" }];
    case "domain.join_policy_changed":
      return [actor, " set who may join through ", { name: str(after.domain) ?? "a domain" }, `: ${joinPolicyLabel(after.joinPolicy)} (was ${joinPolicyLabel(before.joinPolicy)})`];
    case "member.joined_by_domain":
      return [target, after.source === "sso" ? " joined as User by signing in through single sign-on (" : " joined as User through the domain (", { name: str(after.domain) ?? "a verified domain" }, ")"];
    case "join_request.created":
      return [target, " asked to join through ", { name: str(after.domain) ?? "a verified domain" }];
    case "join_request.approved":
      return [actor, " approved the request of ", target, " to join, as User"];
    case "join_request.declined":
      return [actor, " declined the request of ", target, " to join"];
    case "sso.updated":
      return [actor, " changed single sign-on", str(after.issuer) ? ` (issuer ${after.issuer})` : ""];
    case "sso.signed_in":
      return [target, " signed in through single sign-on"];
    case "api_token.revoked":
      return [actor, " revoked the API token ", { name: `'${str(before.name) ?? "a token"}'` }];
    case "invitation.created": {
      const plans = Array.isArray(after.plans) && after.plans.length ? ` with a place on ${after.plans.join(", ")}` : "";
      return [actor, " invited ", invitationEmail, ` as ${roleLabel(after.role)}${plans}`];
    }
    case "invitation.resent":
      return [actor, " sent the invitation to ", invitationEmail, " again with a new link"];
    case "invitation.updated": {
      const added = [
        Array.isArray(after.plans) && after.plans.length ? `a place on ${after.plans.join(", ")}` : null,
        str(after.transferPlan) ? `the transfer of ${str(after.transferPlan)}` : null,
      ].filter(Boolean);
      return [actor, ` added ${added.join(" and ") || "details"} to the invitation of `, invitationEmail, " (same link)"];
    }
    case "invitation.revoked":
      return [actor, " revoked the invitation to ", invitationEmail];
    case "invitation.restored":
      return [actor, " undid the revocation of the invitation to ", invitationEmail];
    case "invitation.accepted":
      return [target, ` accepted the invitation and joined as ${roleLabel(after.role)}`];
    case "invitation.declined":
      return [invitationEmail, ` declined the invitation to join as ${roleLabel(before.role)}`];
    case "member.role_changed":
      return [actor, " changed ", ...possessive(target), ` role from ${roleLabel(before.role)} to ${roleLabel(after.role)}`];
    case "member.updated": {
      // In the form's order (the database keeps JSON keys in its own order).
      const order = ["firstName", "lastName", "email", "phone"];
      const fields = Object.keys(after)
        .filter((k) => k !== "name")
        .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
        .map((k) => fieldLabel(k).toLowerCase());
      return [actor, " updated ", ...possessive(target), ` details${fields.length ? ` (${fields.join(", ")})` : ""}`];
    }
    case "member.suspended":
      return [actor, " suspended ", target];
    case "member.reactivated":
      return [actor, " re-activated ", target];
    case "member.deleted":
      return [actor, " deleted ", target, ` (${roleLabel(before.role)})`];
    case "member.left":
      return [target, ` left ${names.orgName}`];
    case "member.email_change_requested":
      return [actor, " asked to change ", ...possessive(target), " sign-in email to ", { name: str(after.pendingEmail) ?? "a new address" }];
    case "member.email_changed":
      return [target, "'s sign-in email changed from ", { name: str(before.email) ?? "an earlier address" }, " to ", { name: str(after.email) ?? "a new address" }];
    case "member.email_change_cancelled":
      return [actor, " cancelled the change of ", ...possessive(target), " sign-in email to ", { name: str(before.pendingEmail) ?? "a new address" }];
    case "member.provisioned":
      // Issue 17: a member made (or made again) by the organization's identity provider; " by SCIM" follows.
      return [actor, " added ", target, ` as ${roleLabel(after.role)}`, after.restored ? " again" : ""];
    case "member.surveys_exported":
      return [actor, " downloaded ", ...possessive(target), " surveys"];
    case "plan.subscribed":
      return [actor, " subscribed to ", plan, typeof after.seats === "number" ? ` with ${after.seats} seats` : ""];
    case "plan.seats_changed":
      return [actor, " changed the seats of ", plan, ` from ${before.seats ?? "—"} to ${after.seats ?? "—"}`];
    case "plan.user_added":
      return [actor, " added ", target, " to ", plan];
    case "plan.user_removed":
      // Leaving the organization takes the person off its plans: they were not removed by someone.
      return self ? [actor, " left ", plan] : [actor, " removed ", target, " from ", plan];
    case "plan.invitee_removed": {
      const invited = invitationsMentioned(entry).map((id) => names.subjects.get(`invitation:${id}`)).find(Boolean);
      return [actor, " removed the pending place of ", { name: invited ?? "an invitee" }, " from ", plan];
    }
    case "plan.permissions_changed":
      return [actor, " changed ", entry.targetUserId ? target : { name: "an invitee" }, "'s permissions on ", plan];
    case "plan.reassigned":
      return [actor, " reassigned ", plan, " from ", person(str(before.subscriberId), str(before.subscriberEmail)) ?? { name: "its subscriber" }, " to ", target];
    case "transfer.requested":
      return [actor, " asked ", target, " to become the subscriber of ", plan];
    case "transfer.accepted":
      return [actor, " became the subscriber of ", plan, ", accepting ", target, "'s transfer"];
    case "transfer.declined":
      return [actor, " declined to become the subscriber of ", plan];
    case "transfer.cancelled":
      return [actor, " cancelled the transfer of ", plan];
    case "transfer.expired":
      return ["The transfer of ", plan, ...(entry.targetUserId || entry.targetEmail ? [" to ", target] : []), " expired unanswered"];
    case "workflow.created":
      return [actor, " started the workflow ", quoted(subjectName ?? str(after.title))];
    case "task.sent":
      return [actor, " sent the task ", task, " to ", target];
    case "task.done":
      return [actor, " marked the task ", task, " done"];
    case "survey.created":
      return [actor, " created the survey ", survey];
    case "survey.updated":
      return [actor, " edited the survey ", survey];
    case "survey.checked_out":
      return [actor, " checked out ", survey];
    case "survey.checked_in":
      return [actor, " checked in ", survey];
    case "survey.force_checked_in":
      return [actor, " force-checked-in ", survey, ...(entry.targetUserId ? [", held by ", target] : [])];
    case "survey.transferred": {
      const from = person(str(before.ownerId));
      return [actor, " transferred ", survey, ...(from ? [" from ", from] : []), " to ", target];
    }
    case "survey.merged": {
      const source = asPayload(before.source);
      return [actor, " merged ", quoted(str(source.title)), " into ", quoted(subjectName ?? str(asPayload(before.target).title)), typeof after.responsesMoved === "number" ? ` (${after.responsesMoved} responses moved)` : ""];
    }
    case "survey.share_link_created":
      return [actor, " created a share link for ", survey];
    case "survey.share_link_replaced":
      return [actor, " replaced the share link of ", survey];
    case "survey.share_link_disabled":
      return [actor, " turned off the share link of ", survey];
    case "supplier.invited":
      return [actor, " invited ", { name: str(after.companyName) ?? "a company" }, " (", invitationEmail, ") as a supplier"];
    case "supplier.invitation_resent":
      return [actor, " sent the supplier invitation to ", { name: str(after.companyName) ?? "a company" }, " again"];
    case "supplier.joined":
      return [target, " set up ", { name: str(after.supplierName) ?? "their company" }, " as a supplier"];
    case "webhook.endpoint_created":
      return [actor, " added the webhook endpoint ", { name: str(after.url) ?? "an endpoint" }];
    case "webhook.endpoint_deleted":
      return [actor, " deleted the webhook endpoint ", { name: str(before.url) ?? "an endpoint" }];
    case "webhook.endpoint_disabled":
      return [actor, " disabled a webhook endpoint that kept failing"];
    case "webhook.endpoint_enabled":
      return [actor, " re-enabled a webhook endpoint"];
    case "webhook.delivery_replayed":
      return [actor, " replayed a webhook delivery"];
    default:
      return [actor, ` — ${humanize(entry.action)}`, ...(subjectName ? [": ", { name: subjectName }] : [])];
  }
}
