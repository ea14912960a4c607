import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A person with a sign-in. Emails are stored trimmed and lower-cased (SPEC §1). */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    // The Users page's order (name, or email when there is none) and its search by any part of
    // a name or address (pg_trgm, migration 0005), served by indexes at 10,000 members (issue 9).
    index("users_sort_key_idx").on(sql`lower(coalesce(${t.name}, ${t.email}))`, t.id),
    index("users_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
    index("users_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Database sessions: deleting a row ends that browser's sign-in at its next request (SPEC R6). */
export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const emailChangeStatusEnum = pgEnum("email_change_status", ["pending", "confirmed", "cancelled", "superseded"]);

/**
 * A requested change of a person's sign-in email (SPEC R2). Nothing changes on the account until
 * the person, signed in as themselves, follows the link sent to the new address; only the SHA-256
 * of that link's token is stored. One pending request per person: a new one supersedes the old.
 */
export const emailChangeRequests = pgTable(
  "email_change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    status: emailChangeStatusEnum("status").notNull().default("pending"),
    requestedById: uuid("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The organization whose page the request came from, for its audit entry. */
    orgId: uuid("org_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("email_change_requests_one_pending_key").on(t.userId).where(sql`${t.status} = 'pending'`),
    index("email_change_requests_new_email_idx").on(t.newEmail),
  ],
);

export type User = typeof users.$inferSelect;
export type EmailChangeRequest = typeof emailChangeRequests.$inferSelect;
