import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const tierEnum = pgEnum("tier", ["free", "essential", "pro", "enterprise"]);
export const orgKindEnum = pgEnum("org_kind", ["client", "supplier"]);
export const roleEnum = pgEnum("role", ["admin", "manager", "user"]);
export const membershipStatusEnum = pgEnum("membership_status", ["active", "suspended"]);

/** A company. Its row is the lock that serializes seat reservations (SPEC T5). */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  tier: tierEnum("tier").notNull().default("free"),
  kind: orgKindEnum("kind").notNull().default("client"),
  /** For a supplier organization (SPEC I6): the client organization that invited it. */
  invitedByOrgId: uuid("invited_by_org_id").references((): AnyPgColumn => organizations.id, {
    onDelete: "set null",
  }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One membership per user and organization, with one role (SPEC §3). */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    status: membershipStatusEnum("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the member last opened a page of this organization, to the hour (Users: "Last active"). */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
    /** D4: an Admin who may still sign in by magic link when the domain requires SSO. */
    ssoBreakGlass: boolean("sso_break_glass").notNull().default(false),
  },
  (t) => [
    unique("memberships_org_user_key").on(t.orgId, t.userId),
    // Users sorted by "Joined", newest first, without sorting the organization.
    index("memberships_org_created_idx").on(t.orgId, t.createdAt),
    index("memberships_user_idx").on(t.userId),
    index("memberships_org_role_idx").on(t.orgId, t.role),
  ],
);

export const invitationStatusEnum = pgEnum("invitation_status", [
  "pending",
  "accepted",
  "revoked",
  // The invitee said no from the link (docs/decisions/034): the seat is free, the link says so.
  "declined",
]);
export const invitationKindEnum = pgEnum("invitation_kind", ["member", "supplier"]);

/**
 * An offer to join (SPEC §4). Only the SHA-256 of the token is stored (I2). "Expired" is not a
 * status: a pending invitation whose expires_at has passed is expired, and frees its seat at
 * once (T2) without any job having to run.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: invitationKindEnum("kind").notNull().default("member"),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    /** For a supplier invitation (I6): the company name the client typed. */
    companyName: text("company_name"),
    tokenHash: text("token_hash").notNull().unique(),
    status: invitationStatusEnum("status").notNull().default("pending"),
    invitedById: uuid("invited_by_id")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedById: uuid("accepted_by_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The plan places a revocation removed (P3), with their permissions, so Undo can put them back
     * through the plan's seat check (docs/decisions/031). Null until revoked.
     */
    revokedPlaces: jsonb("revoked_places").$type<RevokedPlace[]>(),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    /**
     * The expiry the invitation.expired webhook event was written for (W1): the sweep announces
     * each expiry once, and a resend (a new expires_at) is announced again when it lapses.
     */
    expiryAnnouncedFor: timestamp("expiry_announced_for", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // I1: one pending invitation per address, organization and kind; inviting again resends it.
    // A supplier invitation (I6) to an address is a different offer from a teammate invitation.
    uniqueIndex("invitations_org_email_pending_key")
      .on(t.orgId, t.kind, t.email)
      .where(sql`${t.status} = 'pending'`),
    index("invitations_org_status_idx").on(t.orgId, t.status, t.expiresAt),
  ],
);

/**
 * SPEC I2: the hashes of links an invitation had before Resend replaced them. Such a link no
 * longer works, but its page can say that a newer invitation went to that address instead of
 * calling it invalid (issue 14.2). Only hashes, like the live token.
 */
export const invitationReplacedTokens = pgTable(
  "invitation_replaced_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitation_replaced_tokens_invitation_idx").on(t.invitationId)],
);

/** A plan place an invitation held when it was revoked, kept for Undo. */
export type RevokedPlace = { planId: string; permissions: string[] };

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Tier = (typeof tierEnum.enumValues)[number];
