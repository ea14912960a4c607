import "server-only";
import { lt, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, selectRows, type DbOrTx } from "@/db/client";
import { invitations, memberships, rateLimits, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { magicLinkRefusedBySso } from "@/lib/sso/require-sso";

export type RateLimitRule = { limit: number; windowSeconds: number };

/** Every limit of the app, in one table (docs/decisions/007). */
export const rateLimitRules = {
  /**
   * Emails to one address: sign-in links and email confirmations on the key `email:<address>`;
   * invitations on `invite:<organization>:<address>`, so inviting someone never blocks their sign-in.
   */
  emailPerAddress: { limit: 5, windowSeconds: 15 * 60 },
  /**
   * Issue 14.17: organizations still without a second member ("new": one person's to make, five a
   * day) may each reach an address, but at most this many of them in a day — twenty throwaway
   * organizations cannot flood one address, and an organization with members is never counted
   * nor refused by them (the old cross-organization count let two of them deny everyone else).
   */
  newOrganizationsPerAddress: { limit: 3, windowSeconds: 24 * 60 * 60 },
  /** Issue 14.17: distinct addresses one new organization may invite in a day. */
  addressesPerNewOrganization: { limit: 20, windowSeconds: 24 * 60 * 60 },
  /** Sign-in emails asked for from one client address (only known behind a declared proxy). */
  emailPerIp: { limit: 30, windowSeconds: 15 * 60 },
  /**
   * Email-change requests one person makes, for themselves or (R2) for members, counted even when
   * refused: "that address belongs to another account" cannot be asked about without limit.
   */
  emailChangesPerPerson: { limit: 10, windowSeconds: 60 * 60 },
  /** New organizations one person creates (I5). */
  organizationsPerPerson: { limit: 5, windowSeconds: 24 * 60 * 60 },
  /** Requests of one API token (K3), per minute; SEATWISE_API_RATE_LIMIT_PER_MINUTE changes the limit. */
  apiPerToken: { limit: 600, windowSeconds: 60 },
  /**
   * Requests of one SCIM token, per minute (SEATWISE_SCIM_RATE_LIMIT_PER_MINUTE): an identity
   * provider's first push of a large directory is thousands of creates (issue 17: 10,000 in two
   * minutes), so the ceiling is higher than the API's.
   */
  scimPerToken: { limit: 12_000, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

/** The per-token API limit, read from the environment on each request (so an operator can lower it). */
export function apiTokenRule(env: Record<string, string | undefined> = process.env): RateLimitRule {
  const limit = Math.floor(Number(env.SEATWISE_API_RATE_LIMIT_PER_MINUTE ?? rateLimitRules.apiPerToken.limit));
  return { limit: Number.isFinite(limit) && limit > 0 ? limit : rateLimitRules.apiPerToken.limit, windowSeconds: 60 };
}

export function scimTokenRule(env: Record<string, string | undefined> = process.env): RateLimitRule {
  const limit = Math.floor(Number(env.SEATWISE_SCIM_RATE_LIMIT_PER_MINUTE ?? rateLimitRules.scimPerToken.limit));
  return { limit: Number.isFinite(limit) && limit > 0 ? limit : rateLimitRules.scimPerToken.limit, windowSeconds: 60 };
}

/**
 * The instance-wide ceiling on sign-in emails to addresses that have no account: a flood of
 * made-up addresses cannot burn the sender's reputation (SEATWISE_NEW_ADDRESS_SIGNINS_PER_HOUR,
 * default 100 an hour).
 */
export function newAddressSignInRule(env: Record<string, string | undefined> = process.env): RateLimitRule {
  const limit = Math.floor(Number(env.SEATWISE_NEW_ADDRESS_SIGNINS_PER_HOUR ?? 100));
  return { limit: Number.isFinite(limit) && limit >= 0 ? limit : 100, windowSeconds: 60 * 60 };
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within the limit. The
 * count lives in PostgreSQL (one atomic upsert), so every server process shares it.
 */
export async function hitRateLimit(
  key: string,
  rule: RateLimitRule,
  options: { db?: DbOrTx; now?: Date } = {},
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const database = options.db ?? defaultDb;
  const nowMs = (options.now ?? new Date()).getTime();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const [row] = await database
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000);
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds };
}

/** The longest window of any limit: a count older than that is of an ended window, and counts nothing. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(rateLimitRules).map((rule) => rule.windowSeconds), newAddressSignInRule({}).windowSeconds) * 1000;

/**
 * Deletes the counts of windows that have ended. Every sign-in request for a new address writes
 * one (anonymously), so without this a flood would grow the table for ever.
 */
export async function pruneRateLimits(options: { db?: DbOrTx; now?: Date } = {}): Promise<number> {
  const database = options.db ?? defaultDb;
  const cutoff = new Date((options.now ?? new Date()).getTime() - LONGEST_WINDOW_MS);
  const deleted = await database.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ key: rateLimits.key });
  return deleted.length;
}

/** The pruning's timer, started once per server process from instrumentation.ts (hourly). */
export function startRateLimitPruning(intervalMs = 60 * 60_000) {
  const g = globalThis as unknown as { __seatwiseRateLimitPruning?: NodeJS.Timeout };
  if (g.__seatwiseRateLimitPruning) return;
  g.__seatwiseRateLimitPruning = setInterval(() => {
    pruneRateLimits().catch((error) => console.warn("[rate-limit] pruning failed:", error));
  }, intervalMs);
  g.__seatwiseRateLimitPruning.unref();
}

export type SignInAdmission =
  | { allowed: true }
  /** Too many for this address or client: said to the person, the same words for every address. */
  | { allowed: false; reason: "rate_limited"; retryAfterSeconds: number }
  /** The new-address ceiling: answered exactly like a success, so it reveals no account. */
  | { allowed: false; reason: "ceiling" }
  /** D4: the address's domain requires single sign-on (break-glass Admins excepted). */
  | { allowed: false; reason: "sso_required" };

/**
 * The one gate of every sign-in email, whichever path asked (the form's server action, or a POST
 * straight to Auth.js's /api/auth/signin/resend): Auth.js calls it from its signIn callback
 * before any token or email exists. Per address, per client address when a proxy is declared,
 * and the instance-wide ceiling for addresses with no account.
 */
export async function admitSignInEmail(
  email: string,
  options: { ip: string | null; db?: DbOrTx; now?: Date },
): Promise<SignInAdmission> {
  const address = email.toLowerCase();
  // D4 first: a refused address costs no count, and the answer names the domain's rule, not the person.
  if (await magicLinkRefusedBySso(address, options.db ?? defaultDb)) return { allowed: false, reason: "sso_required" };
  const checks = [hitRateLimit(`email:${address}`, rateLimitRules.emailPerAddress, options)];
  if (options.ip) checks.push(hitRateLimit(`ip:${options.ip}`, rateLimitRules.emailPerIp, options));
  const refused = (await Promise.all(checks)).find((r) => !r.allowed);
  if (refused) return { allowed: false, reason: "rate_limited", retryAfterSeconds: refused.retryAfterSeconds };
  const database = options.db ?? defaultDb;
  const [account] = await database
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${address}`)
    .limit(1);
  if (!account) {
    const ceiling = await hitRateLimit("signin:new-addresses", newAddressSignInRule(), options);
    if (!ceiling.allowed) {
      console.warn(`[sign-in] the hourly ceiling of sign-in emails to new addresses (${ceiling.count - 1}) is reached; not sending`);
      return { allowed: false, reason: "ceiling" };
    }
  }
  return { allowed: true };
}

/**
 * Invitation emails to one address: per organization and address, the same count for Invite
 * Teammate and Resend (resending cannot sidestep it). No count is shared between organizations
 * (one could deny another, issue 14.17); instead a NEW organization — no member but its founder —
 * may invite an address only if fewer than three other new organizations did today, and at most
 * twenty distinct addresses a day. Read from the invitations themselves (sliding 24 hours), so
 * "distinct" is exact and a refused attempt counts nothing.
 */
export async function hitInvitationEmailLimit(orgId: string, email: string, options: { db?: DbOrTx; now?: Date } = {}) {
  const address = email.toLowerCase();
  const inOrganization = await hitRateLimit(`invite:${orgId}:${address}`, rateLimitRules.emailPerAddress, options);
  if (!inOrganization.allowed) return inOrganization;
  return (await newOrganizationLimit(orgId, address, options)) ?? inOrganization;
}

/** Issue 14.17's caps for new organizations; null when they do not apply or are not reached. */
async function newOrganizationLimit(orgId: string, address: string, options: { db?: DbOrTx; now?: Date }) {
  const database = options.db ?? defaultDb;
  const nowMs = (options.now ?? new Date()).getTime();
  const day = rateLimitRules.newOrganizationsPerAddress.windowSeconds * 1000;
  const since = new Date(nowMs - day).toISOString();
  const isNew = (org: SQL) => sql`(select count(*) from ${memberships} m where m.org_id = ${org}) < 2`;
  const [row] = await selectRows<{ isNew: boolean; known: boolean; addresses: number; newOrgs: number }>(
    database,
    sql`select ${isNew(sql`${orgId}::uuid`)} as "isNew",
          exists (select 1 from ${invitations} i where i.org_id = ${orgId} and i.email = ${address} and i.sent_at > ${since}) as known,
          (select count(distinct i.email)::int from ${invitations} i where i.org_id = ${orgId} and i.sent_at > ${since}) as addresses,
          (select count(distinct i.org_id)::int from ${invitations} i
            where i.email = ${address} and i.sent_at > ${since} and i.org_id <> ${orgId} and ${isNew(sql`i.org_id`)}) as "newOrgs"`,
  );
  if (!row.isNew || row.known) return null;
  const refused = { allowed: false, count: 0, retryAfterSeconds: day / 1000 };
  if (Number(row.addresses) >= rateLimitRules.addressesPerNewOrganization.limit) return refused;
  if (Number(row.newOrgs) >= rateLimitRules.newOrganizationsPerAddress.limit) return refused;
  return null;
}

/**
 * The same limit for a form that invites one address (Add User To Plan's Send Invitation, Transfer
 * Ownership to a new person, Invite Supplier): over it, the form is refused on its email field and
 * nothing is written. Called inside the action's transaction after its permission checks, so a
 * refused request (a lower role, another organization's plan) counts nothing: nobody can use up an
 * address's invitations by posting forms they may not use.
 */
export async function assertInvitationEmailAllowed(tx: DbOrTx, orgId: string, email: string, now?: Date) {
  const limit = await hitInvitationEmailLimit(orgId, email, { db: tx, now });
  if (!limit.allowed) {
    const message = `Too many invitations were sent to ${email} lately. Try again in ${retryMinutes(limit.retryAfterSeconds)}.`;
    throw new AppError("RATE_LIMITED", message, { fieldErrors: { email: [message] } });
  }
}

/** "7 minutes", "3 hours": how long until a window of a limit ends, for messages. */
export function retryMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 90) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}
