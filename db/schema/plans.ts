import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { invitations, memberships, organizations } from "./organizations";

/** How many people a product's plan may have (SPEC §5). */
export const planUserModeEnum = pgEnum("plan_user_mode", ["several", "unlimited", "single"]);

export const products = pgTable("products", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  userMode: planUserModeEnum("user_mode").notNull(),
  /** Service: only supplier organizations may subscribe (SPEC I6). */
  supplierOnly: boolean("supplier_only").notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Each product's own permissions (SPEC P5); `isDefault` ones are given to new plan users. */
export const productPermissions = pgTable(
  "product_permissions",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    /** What the permission allows in the product area, shown beside its checkbox (P5). */
    description: text("description").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.productId, t.key] })],
);

/**
 * An organization's subscription to one product. The subscriber is never null and must be a
 * member of the same organization: the composite foreign key makes the database refuse anything
 * else, and refuses to delete the membership of a subscriber (SPEC R5).
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    subscriberId: uuid("subscriber_id").notNull(),
    /** Plan seats for "several" products; null where the product has no seat count. */
    seats: integer("seats"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("plans_org_product_key").on(t.orgId, t.productId),
    index("plans_subscriber_idx").on(t.subscriberId),
    foreignKey({
      name: "plans_subscriber_membership_fk",
      columns: [t.orgId, t.subscriberId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("restrict"),
    check("plans_seats_positive", sql`${t.seats} is null or ${t.seats} >= 1`),
  ],
);

/**
 * A place on a plan: held by a member, or by a pending invitation (SPEC P3) until it ends.
 * Exactly one of user_id and invitation_id is set.
 */
export const planUsers = pgTable(
  "plan_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    userId: uuid("user_id"),
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "cascade" }),
    addedById: uuid("added_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("plan_users_plan_user_key").on(t.planId, t.userId),
    uniqueIndex("plan_users_plan_invitation_key").on(t.planId, t.invitationId),
    index("plan_users_user_idx").on(t.userId),
    index("plan_users_invitation_idx").on(t.invitationId),
    foreignKey({
      name: "plan_users_membership_fk",
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("cascade"),
    check(
      "plan_users_holder",
      sql`(${t.userId} is null) <> (${t.invitationId} is null)`,
    ),
  ],
);

export const planUserPermissions = pgTable(
  "plan_user_permissions",
  {
    planUserId: uuid("plan_user_id")
      .notNull()
      .references(() => planUsers.id, { onDelete: "cascade" }),
    productId: text("product_id").notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planUserId, t.key] }),
    foreignKey({
      columns: [t.productId, t.key],
      foreignColumns: [productPermissions.productId, productPermissions.key],
    }).onDelete("cascade"),
  ],
);

export const transferStateEnum = pgEnum("transfer_state", [
  "pending",
  "accepted",
  "declined",
  "cancelled",
  "expired",
  "void",
]);

/**
 * A request to make another member a plan's subscriber (SPEC §8). The partial unique index keeps
 * one live transfer per plan (O1). A transfer attached to an invitation (O3) names the
 * invitation until the invitee joins.
 */
export const ownershipTransfers = pgTable(
  "ownership_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fromUserId: uuid("from_user_id")
      .notNull()
      .references(() => users.id),
    toUserId: uuid("to_user_id").references(() => users.id),
    toInvitationId: uuid("to_invitation_id").references(() => invitations.id, {
      onDelete: "set null",
    }),
    state: transferStateEnum("state").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("ownership_transfers_one_live_key")
      .on(t.planId)
      .where(sql`${t.state} = 'pending'`),
    index("ownership_transfers_to_user_idx").on(t.toUserId, t.state),
    // The expiry sweep looks for live transfers past their expiry (O1).
    index("ownership_transfers_due_idx").on(t.expiresAt).where(sql`${t.state} = 'pending'`),
    check(
      "ownership_transfers_recipient",
      sql`${t.toUserId} is not null or ${t.toInvitationId} is not null or ${t.state} <> 'pending'`,
    ),
  ],
);

export type Product = typeof products.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanUser = typeof planUsers.$inferSelect;
export type OwnershipTransfer = typeof ownershipTransfers.$inferSelect;
