import { z } from "zod";
import { roles } from "@/lib/permissions";
import { createWebhookEndpointSchema } from "@/lib/webhooks/schemas";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { addDomainSchema } from "@/lib/domains/schemas";
import { ssoConnectionSchema } from "@/lib/sso/schemas";
import { createScimTokenSchema } from "@/lib/scim/settings-schemas";
import { defineEndpoint } from "./endpoint";

// ── Shared pieces ──────────────────────────────────────────────────────────────────────────────

const org = z.string().regex(/^[a-z0-9-]{1,64}$/).meta({ description: "The organization's slug, as in its app URL /o/{org}." });
const id = (what: string) => z.uuid().meta({ description: `The ${what}'s id.` });
const role = z.enum(roles).meta({ id: "Role", description: "admin > manager > user (SPEC §3)." });
const datetime = z.iso.datetime({ offset: true });
const limit = z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size, at most 200." });
const cursor = z.string().max(500).optional().meta({ description: "The nextCursor of the previous page." });

const orgParams = z.object({ org });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "A URI reference naming the problem kind (the API reference's section about it)." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What happened, for people." }),
    code: z.string().meta({ description: "The rule's code: SEAT_LIMIT, FORBIDDEN, NOT_FOUND, VALIDATION, HAS_DEPENDENTS, LAST_ADMIN …" }),
    instance: z.string().optional(),
    fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "For VALIDATION (and refusals about one field): the messages per field." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

// ── Members ────────────────────────────────────────────────────────────────────────────────────

export const MemberSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    role,
    status: z.enum(["active", "suspended"]),
    joinedAt: datetime,
  })
  .meta({ id: "Member" });

export const listMembers = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/members",
  operationId: "listMembers",
  tag: "Members",
  summary: "List members",
  description: "Members in the order they joined, a page at a time. Filters as on the Users page.",
  params: orgParams,
  query: z.object({
    cursor,
    limit,
    role: role.optional(),
    status: z.enum(["active", "suspended"]).optional(),
    q: z.string().max(100).optional().meta({ description: "Part of a name or email." }),
  }),
  response: z.object({ data: z.array(MemberSchema), nextCursor: z.string().nullable() }).meta({ id: "MemberPage" }),
  status: 200,
});

const memberParams = z.object({ org, userId: id("member's user") });

export const getMember = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/members/{userId}",
  operationId: "getMember",
  tag: "Members",
  summary: "Get a member",
  params: memberParams,
  response: MemberSchema,
  status: 200,
});

export const updateMember = defineEndpoint({
  method: "patch",
  path: "/orgs/{org}/members/{userId}",
  operationId: "updateMember",
  tag: "Members",
  summary: "Change a member's role, or suspend or re-activate them",
  description: "One change per request: `role` (R3, R7) or `status` (R9, re-activation within seats T3). A role the token lacks is 403 and changes nothing.",
  params: memberParams,
  body: z
    .object({ role: role.optional(), status: z.enum(["active", "suspended"]).optional() })
    .strict()
    .refine((v) => (v.role === undefined) !== (v.status === undefined), { message: "Send either role or status, one change at a time." })
    .meta({ id: "MemberChange" }),
  response: MemberSchema,
  status: 200,
  errors: [403, 409],
});

export const deleteMember = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/members/{userId}",
  operationId: "deleteMember",
  tag: "Members",
  summary: "Delete User",
  description: "R4–R6: refused with HAS_DEPENDENTS (409) and R5's reason while the member owns surveys or subscribes to plans.",
  params: memberParams,
  status: 204,
  errors: [403, 409],
});

// ── Invitations ────────────────────────────────────────────────────────────────────────────────

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role,
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    state: z.enum(["pending", "expired", "accepted", "revoked", "declined"]),
    sentAt: datetime,
    expiresAt: datetime,
    invitedBy: z.object({ name: z.string().nullable(), email: z.string() }),
  })
  .meta({ id: "Invitation" });

export const listInvitations = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/invitations",
  operationId: "listInvitations",
  tag: "Invitations",
  summary: "Manage Invites: live and expired invitations",
  params: orgParams,
  response: z.object({ data: z.array(InvitationSchema) }).meta({ id: "InvitationList" }),
  status: 200,
  errors: [403],
});

const optionalName = z.string().trim().max(80).optional();

export const createInvitations = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/invitations",
  operationId: "createInvitations",
  tag: "Invitations",
  summary: "Invite Teammate",
  description:
    "One result per address, as Invite Teammate answers: invited, resent (a live invitation existed), already_member, malformed, no_seat (T3), no_plan_seat, rate_limited or refused. A role the token cannot grant (R1) is 403 and sends nothing.",
  params: orgParams,
  body: z
    .object({
      emails: z.array(z.string().max(320)).min(1).max(50),
      role,
      firstName: optionalName,
      lastName: optionalName,
      planIds: z.array(z.uuid()).max(20).optional().meta({ description: "Plans to join (I1, P3)." }),
    })
    .strict()
    .refine((v) => v.emails.length === 1 || (!v.firstName && !v.lastName), { path: ["firstName"], message: "First and last name go with a single email address." })
    .meta({ id: "InvitationRequest" }),
  response: z
    .object({
      results: z.array(
        z.object({
          email: z.string(),
          outcome: z.enum(["invited", "resent", "updated", "unchanged", "already_member", "malformed", "no_seat", "no_plan_seat", "rate_limited", "refused"]),
          message: z.string(),
          invitationId: z.uuid().optional(),
        }),
      ),
    })
    .meta({ id: "InvitationResults" }),
  status: 200,
  errors: [403],
});

const invitationParams = z.object({ org, id: id("invitation") });

export const resendInvitation = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/invitations/{id}/resend",
  operationId: "resendInvitation",
  tag: "Invitations",
  summary: "Resend an invitation (new link, new expiry)",
  params: invitationParams,
  status: 204,
  errors: [403, 409],
});

export const revokeInvitation = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/invitations/{id}",
  operationId: "revokeInvitation",
  tag: "Invitations",
  summary: "Revoke an invitation (its seat is free at once)",
  params: invitationParams,
  status: 204,
  errors: [403, 409],
});

// ── Plans ──────────────────────────────────────────────────────────────────────────────────────

export const PlanSchema = z
  .object({
    id: z.uuid(),
    productId: z.string(),
    productName: z.string(),
    userMode: z.enum(["several", "unlimited", "single"]),
    seats: z.number().int().nullable(),
    subscriber: z.object({ userId: z.uuid(), name: z.string().nullable(), email: z.string() }),
    usage: z.object({ used: z.number().int(), limit: z.number().int().nullable(), users: z.number().int(), pendingInvitations: z.number().int() }),
    liveTransfer: z.object({ id: z.uuid(), toName: z.string(), expiresAt: datetime }).nullable(),
  })
  .meta({ id: "Plan" });

export const listPlans = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/plans",
  operationId: "listPlans",
  tag: "Plans",
  summary: "The organization's plans",
  params: orgParams,
  response: z.object({ data: z.array(PlanSchema) }).meta({ id: "PlanList" }),
  status: 200,
});

const planParams = z.object({ org, planId: id("plan") });

export const PlanUserSchema = z
  .object({
    userId: z.uuid().nullable().meta({ description: "Null for an invitee's place." }),
    invitationId: z.uuid().nullable(),
    email: z.string(),
    name: z.string(),
    role: role.nullable(),
    status: z.enum(["active", "suspended"]).nullable(),
    isSubscriber: z.boolean(),
    permissions: z.array(z.string()),
    addedAt: datetime,
  })
  .meta({ id: "PlanUser" });

export const listPlanUsers = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/plans/{planId}/users",
  operationId: "listPlanUsers",
  tag: "Plans",
  summary: "Manage Users: a plan's users",
  description: "The subscriber first, then by name, 25 a page (as the Manage Users page).",
  params: planParams,
  query: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), q: z.string().max(100).optional() }),
  response: z
    .object({ data: z.array(PlanUserSchema), page: z.number().int(), pageCount: z.number().int(), total: z.number().int() })
    .meta({ id: "PlanUserPage" }),
  status: 200,
  errors: [403],
});

export const addPlanUser = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/plans/{planId}/users",
  operationId: "addPlanUser",
  tag: "Plans",
  summary: "Add User To Plan (an existing member)",
  description: "P3, P7: within the plan's seats (PLAN_SEAT_LIMIT, 409).",
  params: planParams,
  body: z.object({ userId: z.uuid() }).strict().meta({ id: "AddPlanUserRequest" }),
  response: z.object({ userId: z.uuid(), planUserId: z.uuid() }).meta({ id: "PlanUserAdded" }),
  status: 201,
  errors: [403, 409],
});

const planUserParams = z.object({ org, planId: id("plan"), userId: id("plan user's user") });

export const RemovalPreviewSchema = z
  .object({ workflows: z.number().int(), toInbox: z.number().int(), toOutbox: z.number().int() })
  .meta({ id: "RemovalPreview", description: "P6: workflows deleted; open tasks moved to the subscriber's Inbox and Outbox." });

export const removePlanUser = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/plans/{planId}/users/{userId}",
  operationId: "removePlanUser",
  tag: "Plans",
  summary: "Remove from plan",
  description: "P6 in one transaction. With ?preview=true nothing changes and the answer is what the removal would do.",
  params: planUserParams,
  query: z.object({ preview: z.enum(["true", "false"]).optional() }),
  response: z
    .object({ preview: z.boolean(), effects: RemovalPreviewSchema })
    .meta({ id: "RemovalResult", description: "With preview=true what would happen; otherwise what happened." }),
  status: 200,
  errors: [403, 409],
});

export const updatePlanUserPermissions = defineEndpoint({
  method: "patch",
  path: "/orgs/{org}/plans/{planId}/users/{userId}",
  operationId: "updatePlanUserPermissions",
  tag: "Plans",
  summary: "Edit User Permissions",
  description: "P5: the whole set of the user's permission keys on this plan (the product's own keys).",
  params: planUserParams,
  body: z.object({ permissions: z.array(z.string().max(100)).max(50) }).strict().meta({ id: "PlanUserPermissions" }),
  response: z.object({ permissions: z.array(z.string()) }).meta({ id: "PlanUserPermissionsResult" }),
  status: 200,
  errors: [403, 409],
});

// ── Transfers ──────────────────────────────────────────────────────────────────────────────────

export const requestTransfer = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/plans/{planId}/transfers",
  operationId: "requestTransfer",
  tag: "Transfers",
  summary: "Transfer Ownership (O1)",
  description: "The subscriber asks a member to take the plan over. Accepting stays the recipient's own, in the app.",
  params: planParams,
  body: z.object({ toUserId: z.uuid() }).strict().meta({ id: "TransferRequest" }),
  response: z.object({ transferId: z.uuid() }).meta({ id: "TransferCreated" }),
  status: 201,
  errors: [403, 409],
});

export const cancelTransfer = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/transfers/{id}",
  operationId: "cancelTransfer",
  tag: "Transfers",
  summary: "Cancel a pending transfer",
  params: z.object({ org, id: id("transfer") }),
  status: 204,
  errors: [403, 409, 410],
});

// ── Surveys ────────────────────────────────────────────────────────────────────────────────────

export const SurveySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    checkedOutById: z.uuid().nullable(),
    responses: z.number().int(),
    updatedAt: datetime,
  })
  .meta({ id: "Survey" });

export const listSurveys = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/surveys",
  operationId: "listSurveys",
  tag: "Surveys",
  summary: "Surveys",
  description: "Newest change first, 25 a page, filtered as the Surveys page (owner: a user id or `me`; q: part of the title).",
  params: orgParams,
  query: z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    owner: z.union([z.literal("me"), z.uuid()]).optional(),
    q: z.string().max(100).optional(),
  }),
  response: z
    .object({ data: z.array(SurveySchema), page: z.number().int(), pageCount: z.number().int(), total: z.number().int() })
    .meta({ id: "SurveyPage" }),
  status: 200,
});

export const transferSurvey = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/surveys/{id}/transfer",
  operationId: "transferSurvey",
  tag: "Surveys",
  summary: "Transfer a survey to another member (S2)",
  params: z.object({ org, id: id("survey") }),
  body: z.object({ toUserId: z.uuid() }).strict().meta({ id: "SurveyTransferRequest" }),
  status: 204,
  errors: [403, 409],
});

// ── Activity ───────────────────────────────────────────────────────────────────────────────────

export const ActivityEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string(),
    sentence: z.string().meta({ description: "As the Activity page says it, e.g. “Ada Admin invited x@y.z as User via API token 'HR sync'”." }),
    actorId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    targetUserId: z.uuid().nullable(),
    targetEmail: z.string().nullable(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    via: z.object({ door: z.string(), tokenId: z.string().optional(), name: z.string().optional() }).nullable(),
    createdAt: datetime,
  })
  .meta({ id: "ActivityEntry" });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: "Not a date." });

export const listActivity = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/activity",
  operationId: "listActivity",
  tag: "Activity",
  summary: "Activity (A1), newest first",
  description: "Admins only. Filters as the Activity page: actorId, action, from and to (UTC days, inclusive).",
  params: orgParams,
  query: z.object({ cursor, limit, actorId: z.uuid().optional(), action: z.string().max(100).optional(), from: day.optional(), to: day.optional() }),
  response: z.object({ data: z.array(ActivityEntrySchema), nextCursor: z.string().nullable() }).meta({ id: "ActivityPage" }),
  status: 200,
  errors: [403],
});

// ── Webhooks ───────────────────────────────────────────────────────────────────────────────────

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    disabledAt: datetime.nullable(),
    disabledReason: z.string().nullable(),
    lastSuccessAt: datetime.nullable(),
    createdAt: datetime,
    createdBy: z.string().nullable(),
  })
  .meta({ id: "WebhookEndpoint", description: "A registered endpoint; its signing secret is shown only when it is created." });

export const listWebhooks = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/webhooks",
  operationId: "listWebhooks",
  tag: "Webhooks",
  summary: "List webhook endpoints",
  description: "Admins only (W1).",
  params: orgParams,
  response: z.object({ data: z.array(WebhookEndpointSchema) }).meta({ id: "WebhookEndpointList" }),
  status: 200,
  errors: [403],
});

export const createWebhook = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/webhooks",
  operationId: "createWebhook",
  tag: "Webhooks",
  summary: "Register a webhook endpoint",
  description:
    "Admins only. The answer carries the signing secret (whsec_…) once; deliveries are signed per Standard Webhooks. " +
    "The URL must be https and reach a public address (W2), checked again at every delivery.",
  params: orgParams,
  body: createWebhookEndpointSchema,
  response: z.object({ endpoint: WebhookEndpointSchema, secret: z.string().meta({ description: "whsec_…, shown only now." }) }).meta({ id: "CreatedWebhookEndpoint" }),
  status: 201,
  errors: [403],
});

export const deleteWebhook = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/webhooks/{id}",
  operationId: "deleteWebhook",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint",
  params: z.object({ org, id: id("webhook endpoint") }),
  status: 204,
  errors: [403],
});

// ── Domains and single sign-on ────────────────────────────────────────────────────────────────

export const DomainSchema = z
  .object({
    id: z.uuid(),
    domain: z.string(),
    status: z.enum(["pending", "verified"]),
    verificationEmail: z.string(),
    linkExpiresAt: datetime.nullable(),
    verifiedAt: datetime.nullable(),
    joinPolicy: z.enum(["off", "join", "ask"]).meta({ description: "D2: off, join as User within seats, or ask to join." }),
    ssoEnabled: z.boolean(),
    requireSso: z.boolean(),
    createdAt: datetime,
  })
  .meta({ id: "Domain" });

export const listDomainsEndpoint = defineEndpoint({
  method: "get",
  path: "/orgs/{org}/domains",
  operationId: "listDomains",
  tag: "Domains",
  summary: "List the organization's domains",
  description: "Admins only (D1).",
  params: orgParams,
  response: z.object({ data: z.array(DomainSchema) }).meta({ id: "DomainList" }),
  status: 200,
  errors: [403],
});

export const addDomainEndpoint = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/domains",
  operationId: "addDomain",
  tag: "Domains",
  summary: "Add a domain and send its verification link",
  description:
    "Admins only (D1). The link goes to the address named, at that domain; the domain does nothing until the link is followed. " +
    "Public mail domains and domains verified by another organization are refused.",
  params: orgParams,
  body: addDomainSchema,
  response: z
    .object({ id: z.uuid(), domain: z.string(), status: z.literal("pending"), verificationEmail: z.string(), resent: z.boolean() })
    .meta({ id: "AddedDomain" }),
  status: 201,
  errors: [403, 409],
});

export const removeDomainEndpoint = defineEndpoint({
  method: "delete",
  path: "/orgs/{org}/domains/{id}",
  operationId: "removeDomain",
  tag: "Domains",
  summary: "Remove a domain",
  description: "Its join policy and single sign-on end with it; members who joined through it stay.",
  params: z.object({ org, id: id("domain") }),
  status: 204,
  errors: [403],
});

export const updateSsoEndpoint = defineEndpoint({
  method: "put",
  path: "/orgs/{org}/sso",
  operationId: "updateSso",
  tag: "Domains",
  summary: "Set the OpenID Connect single sign-on connection",
  description:
    "Admins only (D3, D4). The client secret is stored encrypted; an empty one keeps the stored secret. " +
    "domainIds are the verified domains that sign in through the provider, requireSsoDomainIds those that refuse magic links, " +
    "breakGlassUserIds the Admins who keep magic links anyway.",
  params: orgParams,
  body: ssoConnectionSchema,
  response: z
    .object({ issuer: z.string(), clientId: z.string(), domains: z.array(z.string()), requireSso: z.array(z.string()) })
    .meta({ id: "SsoConnection" }),
  status: 200,
  errors: [403],
});

// ── Provisioning (SCIM) ───────────────────────────────────────────────────────────────────────

export const createScimTokenEndpoint = defineEndpoint({
  method: "post",
  path: "/orgs/{org}/scim/tokens",
  operationId: "createScimToken",
  tag: "Provisioning",
  summary: "Create a SCIM token",
  description:
    "Admin tokens only (issue 17). The answer carries the SCIM token (sw_…) once: give it to your identity provider's SCIM app as the bearer token " +
    "for the base URL /scim/v2/{org}. It acts as an Admin, stops working when its creator is no longer one, and is revoked on Settings → Provisioning (SCIM).",
  params: orgParams,
  body: createScimTokenSchema,
  response: z
    .object({
      id: z.uuid(),
      name: z.string(),
      token: z.string().meta({ description: "sw_…, shown only now." }),
      prefix: z.string().meta({ description: "What lists show of it." }),
      expiresAt: datetime.nullable(),
    })
    .meta({ id: "CreatedScimToken" }),
  status: 201,
  errors: [403],
});

/** Every endpoint, in the order of the reference. */
export const endpoints = [
  listMembers,
  getMember,
  updateMember,
  deleteMember,
  listInvitations,
  createInvitations,
  resendInvitation,
  revokeInvitation,
  listPlans,
  listPlanUsers,
  addPlanUser,
  removePlanUser,
  updatePlanUserPermissions,
  requestTransfer,
  cancelTransfer,
  listSurveys,
  transferSurvey,
  listActivity,
  listWebhooks,
  createWebhook,
  deleteWebhook,
  listDomainsEndpoint,
  addDomainEndpoint,
  removeDomainEndpoint,
  updateSsoEndpoint,
  createScimTokenEndpoint,
];
