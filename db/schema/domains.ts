import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

export const domainStatusEnum = pgEnum("domain_status", ["pending", "verified"]);
/** D2: off; anyone at the domain may join as User; anyone may ask to join. */
export const joinPolicyEnum = pgEnum("join_policy", ["off", "join", "ask"]);
export const joinRequestStatusEnum = pgEnum("join_request_status", ["pending", "approved", "declined"]);

/**
 * An email domain an organization claims (SPEC D1). Pending until the link sent to an address at
 * it is followed; only the SHA-256 of that link's token is stored. A verified domain belongs to
 * one organization at a time: the partial unique index refuses a second verified row, whoever
 * races for it.
 */
export const orgDomains = pgTable(
  "org_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Lower-case host name, no trailing dot. */
    domain: text("domain").notNull(),
    status: domainStatusEnum("status").notNull().default("pending"),
    /** The address at the domain the verification link was sent to. */
    verificationEmail: text("verification_email").notNull(),
    tokenHash: text("token_hash").unique(),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    requestedById: uuid("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    joinPolicy: joinPolicyEnum("join_policy").notNull().default("off"),
    /** D3: sign-in for this domain's addresses goes through the organization's OpenID provider. */
    ssoEnabled: boolean("sso_enabled").notNull().default(false),
    /** D4: magic links are refused for this domain's addresses (break-glass Admins excepted). */
    requireSso: boolean("require_sso").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("org_domains_org_domain_key").on(t.orgId, t.domain),
    // D1: one organization holds a verified domain at a time.
    uniqueIndex("org_domains_verified_key").on(t.domain).where(sql`${t.status} = 'verified'`),
  ],
);

/** D2 "may ask to join": a request the organization's Admins approve (within seats) or decline. */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id").references(() => orgDomains.id, { onDelete: "set null" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: joinRequestStatusEnum("status").notNull().default("pending"),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("join_requests_one_pending_key").on(t.orgId, t.userId).where(sql`${t.status} = 'pending'`),
    index("join_requests_org_status_idx").on(t.orgId, t.status),
  ],
);

/**
 * An organization's OpenID Connect connection (SPEC D3). The client secret is stored only
 * encrypted (AES-256-GCM, key derived from AUTH_SECRET with HKDF: lib/sso/secret-box.ts).
 */
export const ssoConnections = pgTable("sso_connections", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted").notNull(),
  updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One sign-in through an identity provider in flight: what the callback must find again (PKCE
 * verifier, nonce) under the SHA-256 of its state. Claimed once (DELETE … RETURNING), short-lived.
 */
export const ssoLoginStates = pgTable("sso_login_states", {
  stateHash: text("state_hash").primaryKey(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  /** The address typed on the sign-in form (the provider may answer with another: checked). */
  loginHint: text("login_hint").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export type OrgDomain = typeof orgDomains.$inferSelect;
export type JoinRequest = typeof joinRequests.$inferSelect;
export type JoinPolicy = (typeof joinPolicyEnum.enumValues)[number];
