import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import * as client from "openid-client";
import { db, type DbOrTx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, orgDomains, organizations, ssoConnections, ssoLoginStates, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { insertDatabaseSession, type NewSession } from "@/lib/auth/database-session";
import { domainOfEmail } from "@/lib/domains/domain-token";
import { admitByDomainInTx, notifyAdminsSeatsFull } from "@/lib/domains/join";
import { AppError, type ErrorCode } from "@/lib/errors";
import { emailSchema } from "@/lib/invitations/schemas";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { hashSecretToken } from "@/lib/tokens";
import { transaction } from "@/lib/transaction";
import { publicBaseUrl } from "@/lib/url";
import { discoverProvider, ssoRedirectUri } from "./oidc";
import { ssoRouteForEmail } from "./require-sso";
import { openSecret, sealSecret } from "./secret-box";

/** How long a sign-in at the identity provider may take before its state is void. */
export const SSO_STATE_TTL_MS = 10 * 60 * 1000;
/** The httpOnly cookie that binds a sign-in's state to the browser that started it. */
export const SSO_STATE_COOKIE = "seatwise-sso-state";

export type SsoRefusalReason =
  | "state" // no, a tampered, a reused or another browser's state
  | "expired" // the sign-in took longer than SSO_STATE_TTL_MS
  | "provider" // the provider answered with an error (the person cancelled, a misconfiguration)
  | "token" // the code exchange or the ID token failed a check: issuer, audience, nonce, signature, expiry
  | "email" // no usable email in the ID token
  | "email_unverified" // email_verified is false
  | "domain" // the email is not at a domain this organization verified and signs in through SSO
  | "not_member" // not a member and the domain's policy admits nobody by themselves
  | "suspended" // a suspended member (R9)
  | "seats"; // the join policy would admit them but every seat is taken (T3)

const codes: Record<SsoRefusalReason, ErrorCode> = {
  state: "FORBIDDEN",
  expired: "EXPIRED",
  provider: "FORBIDDEN",
  token: "FORBIDDEN",
  email: "FORBIDDEN",
  email_unverified: "FORBIDDEN",
  domain: "FORBIDDEN",
  not_member: "FORBIDDEN",
  suspended: "SUSPENDED",
  seats: "SEAT_LIMIT",
};

/** A refused single sign-on: no session, and a page that says why (app/sso/error). */
export class SsoRefusal extends AppError {
  readonly reason: SsoRefusalReason;
  constructor(reason: SsoRefusalReason, message: string) {
    super(codes[reason], message);
    this.reason = reason;
  }
}

async function connectionFor(orgId: string) {
  const [connection] = await db.select().from(ssoConnections).where(eq(ssoConnections.orgId, orgId));
  if (!connection) throw new SsoRefusal("provider", "Single sign-on is no longer set up for this organization.");
  return discoverProvider(connection.issuer, connection.clientId, openSecret(connection.clientSecretEncrypted));
}

/**
 * SPEC D3, the first leg: for an address on a domain that signs in through SSO, the provider's
 * authorization URL (code flow with PKCE S256, state and nonce). What the callback must find again
 * is stored under the SHA-256 of the state, the PKCE verifier sealed; the state itself goes in an
 * httpOnly cookie (the caller sets it) so the answer is accepted only in the browser that asked.
 * Null when the address's domain has no SSO.
 */
export async function startSsoSignIn(email: string, options: { baseUrl?: string } = {}): Promise<{ url: string; state: string } | null> {
  const route = await ssoRouteForEmail(email);
  if (!route) return null;
  const config = await connectionFor(route.orgId);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await db.insert(ssoLoginStates).values({
    stateHash: hashSecretToken(state),
    orgId: route.orgId,
    codeVerifier: sealSecret(codeVerifier, "sso-pkce-verifier"),
    nonce,
    loginHint: email.toLowerCase(),
    expiresAt: new Date(Date.now() + SSO_STATE_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(options.baseUrl ?? publicBaseUrl()),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: email.toLowerCase(),
  });
  return { url: url.href, state };
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SsoSignInResult = { userId: string; email: string; orgSlug: string; landingPath: string; session: NewSession; joined: boolean };

/**
 * SPEC D3, the callback. In this order: the state (from the URL, equal to this browser's cookie,
 * claimed once with DELETE … RETURNING, not expired); the provider's error if it sent one; the
 * code exchange with PKCE, and the ID token's issuer, audience, signature, expiry and nonce
 * (openid-client); an email that is not unverified; that email at a domain THIS organization
 * verified and signs in through SSO — never another domain or another organization's; then the
 * person: an existing member keeps their membership, a new one joins by the domain's policy
 * within seats (T3, T5) or is refused. Only then a database session (Auth.js's own table).
 */
export async function completeSsoSignIn(args: { callbackUrl: URL; cookieState: string | null | undefined; baseUrl?: string }): Promise<SsoSignInResult> {
  const state = args.callbackUrl.searchParams.get("state");
  if (!state || !args.cookieState || !sameState(state, args.cookieState)) {
    throw new SsoRefusal("state", "This sign-in did not start in this browser, or its link was altered. Start again from the sign-in page.");
  }
  const [pending] = await db.delete(ssoLoginStates).where(eq(ssoLoginStates.stateHash, hashSecretToken(state))).returning();
  if (!pending) throw new SsoRefusal("state", "This sign-in was already used or is unknown. Start again from the sign-in page.");
  if (pending.expiresAt <= new Date()) throw new SsoRefusal("expired", "This sign-in took too long. Start again from the sign-in page.");
  const providerError = args.callbackUrl.searchParams.get("error");
  if (providerError) {
    const description = (args.callbackUrl.searchParams.get("error_description") ?? "").replace(/[^\w .,:;'()/-]/g, "").slice(0, 200);
    throw new SsoRefusal("provider", `Your identity provider did not sign you in (${providerError.replace(/[^\w-]/g, "").slice(0, 60)}${description ? `: ${description}` : ""}).`);
  }
  const config = await connectionFor(pending.orgId);
  // openid-client reads the parameters from the URL it is given, against the registered redirect URI.
  const redirect = new URL(ssoRedirectUri(args.baseUrl ?? publicBaseUrl()));
  redirect.search = args.callbackUrl.search;
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, redirect, {
      pkceCodeVerifier: openSecret(pending.codeVerifier, "sso-pkce-verifier"),
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.warn(`[sso] code exchange refused for organization ${pending.orgId}: ${code ?? (error as Error).message}`);
    throw new SsoRefusal("token", "Your identity provider's answer could not be verified (issuer, audience, nonce, signature or expiry). Nothing was signed in.");
  }
  if (!claims) throw new SsoRefusal("token", "Your identity provider sent no ID token. Nothing was signed in.");
  const parsed = emailSchema.safeParse(typeof claims.email === "string" ? claims.email : "");
  if (!parsed.success) throw new SsoRefusal("email", "Your identity provider did not give an email address. Ask your IT team to release the 'email' claim.");
  const email = parsed.data;
  if (claims.email_verified === false || claims.email_verified === "false") {
    throw new SsoRefusal("email_unverified", `Your identity provider says ${email} is not verified. Nothing was signed in.`);
  }
  // Refused early, before any write; read again inside the admission's transaction (admitPerson).
  if (!(await ssoDomainOf(db, pending.orgId, email))) throw domainRefusal(email);
  const name = typeof claims.name === "string" ? claims.name.slice(0, 200) : null;
  const admit = () => admitPerson({ orgId: pending.orgId, email, name });
  try {
    return await admit();
  } catch (error) {
    // Two first sign-ins of one address at once: the second finds the account on a second try.
    if (isUniqueViolation(error, "users_email_lower_key")) return admit();
    if (error instanceof AppError && error.code === "SEAT_LIMIT" && !(error instanceof SsoRefusal)) {
      await notifyAdminsSeatsFull(pending.orgId, email);
      throw new SsoRefusal("seats", `${error.message} Your Admins were told.`);
    }
    throw error;
  }
}

/** D3: the domain of this address that this organization verified and signs in through SSO, if any. */
async function ssoDomainOf(dbOrTx: DbOrTx, orgId: string, email: string) {
  const [domain] = await dbOrTx
    .select()
    .from(orgDomains)
    .where(and(eq(orgDomains.orgId, orgId), eq(orgDomains.domain, domainOfEmail(email)), eq(orgDomains.status, "verified"), eq(orgDomains.ssoEnabled, true)));
  return domain;
}

function domainRefusal(email: string) {
  return new SsoRefusal("domain", `Your identity provider signed you in as ${email}, which is not at a domain this organization verified for single sign-on. Nothing was signed in.`);
}

async function admitPerson(args: { orgId: string; email: string; name: string | null }): Promise<SsoSignInResult> {
  return transaction(async (tx) => {
    let [person] = await tx.select().from(users).where(sql`lower(${users.email}) = ${args.email}`);
    const [membership] = person
      ? await tx.select().from(memberships).where(and(eq(memberships.orgId, args.orgId), eq(memberships.userId, person.id)))
      : [];
    if (membership?.status === "suspended") throw new SsoRefusal("suspended", "Your access to this organization is suspended. Ask an Admin to re-activate it.");
    // The domain decides whether this address may be trusted at all (D3) and whether a newcomer may
    // join (D2): it is read here, in the transaction that admits. Before a join the organization's
    // row is locked first (one lock order: organization, then the rows under it) — an Admin who
    // removes the domain, or turns its SSO or join policy off, holds that lock while doing it — so
    // a change committed a moment ago is seen and nobody is admitted through a domain just removed.
    if (!membership) await lockOrganization(tx, args.orgId);
    const domain = await ssoDomainOf(tx, args.orgId, args.email);
    if (!domain) throw domainRefusal(args.email);
    const joinPolicy = domain.joinPolicy;
    if (!membership && joinPolicy === "off") {
      throw new SsoRefusal("not_member", `${args.email} is not a member of this organization yet. Ask one of its Admins to invite you.`);
    }
    if (!person) {
      [person] = await tx.insert(users).values({ email: args.email, name: args.name, emailVerified: new Date() }).returning();
    } else if (!person.emailVerified) {
      await tx.update(users).set({ emailVerified: new Date() }).where(eq(users.id, person.id));
    }
    let joined = false;
    if (!membership && joinPolicy === "join") {
      await admitByDomainInTx(tx, { orgId: args.orgId, domain, person: { id: person.id, email: person.email }, source: "sso" });
      joined = true;
    }
    const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, args.orgId));
    const session = await insertDatabaseSession(tx, person.id);
    await recordAudit(tx, {
      orgId: args.orgId,
      actor: { id: person.id, email: person.email },
      action: "sso.signed_in",
      target: { id: person.id, email: person.email },
      subject: { type: "domain", id: domain.id },
      after: { domain: domain.domain, joined },
    });
    // "Ask to join" (D2): signed in, and offered to ask on the onboarding page.
    const landingPath = membership || joined ? (joined ? `/o/${org.slug}/welcome` : `/o/${org.slug}/users`) : "/onboarding";
    return { userId: person.id, email: person.email, orgSlug: org.slug, landingPath, session, joined };
  });
}
