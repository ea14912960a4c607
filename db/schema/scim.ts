import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiTokens } from "./api";
import { users } from "./auth";
import { organizations, roleEnum } from "./organizations";
import { plans } from "./plans";

/**
 * A person as the organization's identity provider knows them (SPEC C1; issue 17). The SCIM
 * resource id is the person's user id. The row outlives the membership: a member deleted by SCIM
 * keeps it (with `deprovisionedAt`), so a later POST with the same userName or externalId restores
 * the same person instead of making a second one (Okta's re-activation).
 */
export const scimIdentities = pgTable(
  "scim_identities",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The identity provider's login name (Okta: the login; Entra: the userPrincipalName). */
    userName: text("user_name").notNull(),
    externalId: text("external_id"),
    displayName: text("display_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when SCIM deleted the membership; cleared when it is restored. */
    deprovisionedAt: timestamp("deprovisioned_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    uniqueIndex("scim_identities_org_user_name_key").on(t.orgId, sql`lower(${t.userName})`),
    uniqueIndex("scim_identities_org_external_id_key").on(t.orgId, t.externalId),
  ],
);

/** A SCIM Group pushed by the identity provider; what it means comes from its mapping. */
export const scimGroups = pgTable(
  "scim_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scim_groups_org_name_key").on(t.orgId, sql`lower(${t.displayName})`),
    uniqueIndex("scim_groups_org_external_id_key").on(t.orgId, t.externalId),
  ],
);

export const scimGroupMembers = pgTable(
  "scim_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => scimGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("scim_group_members_user_idx").on(t.userId)],
);

/**
 * C4: an Admin's mapping of a group name to a role or a plan. Without one, a group named Admins,
 * Managers or Users maps to that role and a group named like a plan's product to that plan.
 */
export const scimGroupMappings = pgTable(
  "scim_group_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    groupName: text("group_name").notNull(),
    role: roleEnum("role"),
    planId: uuid("plan_id").references(() => plans.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scim_group_mappings_org_name_key").on(t.orgId, sql`lower(${t.groupName})`),
    check("scim_group_mappings_one_target", sql`(${t.role} is null) <> (${t.planId} is null)`),
  ],
);

/** C3: the organization's deprovisioning choice, one row per organization that made one. */
export const scimSettings = pgTable("scim_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** When set, a SCIM delete first transfers surveys (S2) and reassigns plans (O4) to this Admin. */
  deprovisionTransferToUserId: uuid("deprovision_transfer_to_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The provisioning log the settings page shows: every SCIM request that changed or was refused. */
export const scimEvents = pgTable(
  "scim_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tokenId: uuid("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    method: text("method").notNull(),
    /** The path below the organization's base URL, without the query (`/Users/…`). */
    path: text("path").notNull(),
    status: integer("status").notNull(),
    /** What happened, or the error's detail, in words. */
    summary: text("summary").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scim_events_org_idx").on(t.orgId, t.id)],
);
