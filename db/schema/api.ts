import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations, roleEnum } from "./organizations";

/** What a token opens: the public API now; SCIM provisioning later reuses the same table. */
export const apiTokenKindEnum = pgEnum("api_token_kind", ["api", "scim"]);

/**
 * Organization tokens (SPEC K1, K2; docs/decisions/070). Only the SHA-256 of the token is stored;
 * `prefix` (its first characters) is what lists show. A token acts with `role`, never above the
 * creator's current role, read on every request.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: apiTokenKindEnum("kind").notNull().default("api"),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The Admin who made it; a creator who is gone (null) or no longer active stops the token. */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_org_idx").on(t.orgId, t.kind, t.createdAt)],
);

/**
 * Idempotency-Key of API POSTs (SPEC K3; docs/decisions/072): claimed by an INSERT … ON CONFLICT
 * before the request runs, then filled with the first answer, which every retry within 24 hours
 * gets back.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request runs. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseType: text("response_type"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
