import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { memberships, organizations } from "./organizations";
import { plans } from "./plans";

/** One question of a survey; answers are free text. `id` keys the answers of every response. */
export type SurveyQuestion = { id: string; text: string; required?: boolean };

/**
 * A survey belongs to one member (SPEC S1). The composite foreign key to the owner's membership
 * is RESTRICT: the database itself refuses to delete a member who still owns surveys (R5).
 * `checked_out_by_id` is the one member who may edit it right now (S1); it is claimed with a
 * conditional UPDATE. The share link's token is stored only as its SHA-256 (like invitations).
 */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    questions: jsonb("questions").$type<SurveyQuestion[]>().notNull().default([]),
    checkedOutById: uuid("checked_out_by_id").references(() => users.id),
    checkedOutAt: timestamp("checked_out_at", { withTimezone: true }),
    /** SHA-256 of the share link's token; null while the survey has no share link. */
    shareTokenHash: text("share_token_hash"),
    /**
     * The same token sealed with AES-256-GCM under a key derived from AUTH_SECRET, so those who
     * manage the survey can see and copy the link again (#14.9, docs/decisions/060). Null for links
     * made before it was kept (hash only), and while there is no link.
     */
    shareTokenSealed: text("share_token_sealed"),
    shareLinkCreatedAt: timestamp("share_link_created_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("surveys_org_owner_idx").on(t.orgId, t.ownerId, t.updatedAt),
    index("surveys_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
    index("surveys_checked_out_by_idx").on(t.checkedOutById).where(sql`${t.checkedOutById} is not null`),
    uniqueIndex("surveys_share_token_hash_key").on(t.shareTokenHash),
    foreignKey({
      name: "surveys_owner_membership_fk",
      columns: [t.orgId, t.ownerId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("restrict"),
    // A check-out always says since when (S1: a check-out left behind shows its age).
    check("surveys_checkout_pair", sql`(${t.checkedOutById} is null) = (${t.checkedOutAt} is null)`),
  ],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    respondent: text("respondent"),
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // (survey_id, id): the export's keyset pagination; (survey_id, submitted_at): the survey page.
    index("survey_responses_survey_idx").on(t.surveyId, t.id),
    index("survey_responses_survey_submitted_idx").on(t.surveyId, t.submittedAt),
  ],
);

/** Work inside a product plan (SPEC §6): a workflow belongs to one plan user. */
export const workflows = pgTable(
  "workflows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("workflows_plan_owner_idx").on(t.planId, t.ownerId),
    index("workflows_plan_created_idx").on(t.planId, t.createdAt),
  ],
);

export const taskStateEnum = pgEnum("task_state", ["open", "done"]);

/** A task keeps living when its workflow is deleted (P6 moves open ones to the subscriber). */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workflowId: uuid("workflow_id").references(() => workflows.id, { onDelete: "set null" }),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => users.id),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    state: taskStateEnum("state").notNull().default("open"),
    /** When it was marked done, and by whom (SPEC §6). */
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneById: uuid("done_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.state),
    index("tasks_sender_idx").on(t.senderId, t.state),
    index("tasks_plan_idx").on(t.planId),
    index("tasks_workflow_idx").on(t.workflowId),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
export type Workflow = typeof workflows.$inferSelect;
export type Task = typeof tasks.$inferSelect;
