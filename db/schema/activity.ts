import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { joinRequests } from "./domains";
import { invitations, organizations } from "./organizations";
import { ownershipTransfers, plans } from "./plans";
import { surveys } from "./work";

export const notificationKindEnum = pgEnum("notification_kind", [
  "transfer_requested",
  "transfer_accepted",
  "transfer_declined",
  "plan_reassigned",
  "plan_added",
  "plan_removed",
  "role_changed",
  "survey_transferred",
  "tasks_moved",
  "transfer_cancelled",
  "transfer_expired",
  "supplier_joined",
  // The inviter is told when their invitation is accepted or declined (docs/decisions/034).
  "member_joined",
  "invitation_declined",
  // A member asks the holder of a survey's check-out to check it in (#14.12, docs/decisions/062).
  "checkin_requested",
  // An endpoint that kept failing was disabled (SPEC W1, docs/decisions/075).
  "webhook_disabled",
  // D2: someone at a verified domain asks to join; someone could not join for want of seats.
  "join_requested",
  "join_refused_seats",
]);

/** A user's inbox entry (SPEC N1). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    transferId: uuid("transfer_id").references(() => ownershipTransfers.id, {
      onDelete: "cascade",
    }),
    /** The plan the notification is about, for its link (plan added, tasks moved, transfers). */
    planId: uuid("plan_id").references(() => plans.id, { onDelete: "cascade" }),
    /** The survey the notification is about, for its link (a request to check it in). */
    surveyId: uuid("survey_id").references(() => surveys.id, { onDelete: "cascade" }),
    /** D2: the join request an Admin answers from the inbox. */
    joinRequestId: uuid("join_request_id").references((): AnyPgColumn => joinRequests.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.orgId, t.readAt, t.createdAt),
    // The Inbox pages through every notification newest first (N1), read or not.
    index("notifications_user_created_idx").on(t.userId, t.orgId, t.createdAt, t.id),
    // Deleting a survey removes its notices (cascade); asking again within the hour is looked up here.
    index("notifications_survey_idx").on(t.surveyId).where(sql`${t.surveyId} is not null`),
  ],
);

/**
 * The audit log (SPEC A1): who, what, to whom, before and after, when. A trigger in the
 * migrations refuses UPDATE and DELETE, so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id),
    actorId: uuid("actor_id").references(() => users.id),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetUserId: uuid("target_user_id").references(() => users.id),
    targetEmail: text("target_email"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    /** The door a change came through when not a page (SPEC §11): `{ door: "api_token", tokenId, name }`. */
    via: jsonb("via"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_org_created_idx").on(t.orgId, t.createdAt),
    index("audit_log_org_actor_idx").on(t.orgId, t.actorId),
    index("audit_log_org_action_idx").on(t.orgId, t.action),
  ],
);

export const emailStatusEnum = pgEnum("email_status", ["pending", "sent", "failed"]);

/**
 * Every email is written here in the transaction of the change that causes it (SPEC E1) and
 * delivered after commit by a sender that claims rows with FOR UPDATE SKIP LOCKED. Without a
 * Resend key, delivered rows are the local mailbox shown at /dev/mailbox.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    template: text("template").notNull(),
    /** The template's props, validated by its zod schema (lib/email/templates.ts); rendered by the sender. */
    props: jsonb("props"),
    /** What was sent, written by the sender once delivered; rows from before props were pre-rendered. */
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    status: emailStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    transport: text("transport"),
    /** The invitation this email carries, so a delivery that failed every retry shows on Manage Invites. */
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_to_idx").on(t.to, t.createdAt),
    index("email_outbox_invitation_idx").on(t.invitationId, t.createdAt),
  ],
);

/** Fixed-window counters shared by every server process (sign-in and invitation limits). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type Notification = typeof notifications.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
