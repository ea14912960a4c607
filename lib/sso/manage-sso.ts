import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, orgDomains, ssoConnections, users } from "@/db/schema";
import { parseInput } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { emitEvent } from "@/lib/webhooks/emit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { canManageSso } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { describeOidcError, discoverProvider } from "./oidc";
import { ssoConnectionSchema, testSsoConnectionSchema } from "./schemas";
import { openSecret, sealSecret } from "./secret-box";

function assertAdmin(ctx: MemberContext) {
  if (!canManageSso(ctx.membership.role)) throw forbidden("Only Admins manage single sign-on.");
}

/** What Settings → Single sign-on shows: never the secret, only whether one is stored. */
export async function getSsoSettings(ctx: MemberContext) {
  assertAdmin(ctx);
  const [connection] = await db
    .select({ issuer: ssoConnections.issuer, clientId: ssoConnections.clientId, updatedAt: ssoConnections.updatedAt })
    .from(ssoConnections)
    .where(eq(ssoConnections.orgId, ctx.org.id));
  const domains = await db
    .select({ id: orgDomains.id, domain: orgDomains.domain, ssoEnabled: orgDomains.ssoEnabled, requireSso: orgDomains.requireSso })
    .from(orgDomains)
    .where(and(eq(orgDomains.orgId, ctx.org.id), eq(orgDomains.status, "verified")))
    .orderBy(asc(orgDomains.domain));
  const admins = await db
    .select({ userId: users.id, email: users.email, name: users.name, breakGlass: memberships.ssoBreakGlass })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.role, "admin"), eq(memberships.status, "active")))
    .orderBy(asc(users.email));
  return { connection: connection ?? null, domains, admins };
}

/**
 * SPEC D3, D4: saves the organization's OpenID Connect connection (the client secret sealed,
 * kept when left empty), which verified domains sign in through it, which of them refuse magic
 * links, and which Admins keep magic links anyway (break-glass). Requiring SSO on a domain that
 * does not use it, a domain that is not this organization's verified one, or a break-glass person
 * who is not an active Admin is refused on its field; nothing is half-saved. Audited without the secret.
 */
export async function updateSsoConnection(ctx: MemberContext, rawInput: unknown) {
  assertAdmin(ctx);
  const input = parseInput(ssoConnectionSchema, rawInput);
  return transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [existing] = await tx.select().from(ssoConnections).where(eq(ssoConnections.orgId, ctx.org.id)).for("update");
    if (!existing && !input.clientSecret) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors: { clientSecret: ["Enter the client secret."] } });
    }
    const domains = await tx.select().from(orgDomains).where(and(eq(orgDomains.orgId, ctx.org.id), eq(orgDomains.status, "verified")));
    const verifiedIds = new Set(domains.map((d) => d.id));
    const covered = new Set(input.domainIds);
    if ([...covered].some((id) => !verifiedIds.has(id))) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors: { domainIds: ["Choose among the organization's verified domains."] } });
    }
    if (input.requireSsoDomainIds.some((id) => !covered.has(id))) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { requireSsoDomainIds: ["A domain can require SSO only if it signs in through SSO."] },
      });
    }
    const admins = await tx
      .select({ userId: memberships.userId, breakGlass: memberships.ssoBreakGlass })
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.role, "admin"), eq(memberships.status, "active")));
    const adminIds = new Set(admins.map((a) => a.userId));
    if (input.breakGlassUserIds.some((id) => !adminIds.has(id))) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors: { breakGlassUserIds: ["Only active Admins can be break-glass."] } });
    }
    const sealed = input.clientSecret ? sealSecret(input.clientSecret) : existing!.clientSecretEncrypted;
    const values = { issuer: input.issuer, clientId: input.clientId, clientSecretEncrypted: sealed, updatedById: ctx.user.id, updatedAt: new Date() };
    if (existing) await tx.update(ssoConnections).set(values).where(eq(ssoConnections.orgId, ctx.org.id));
    else await tx.insert(ssoConnections).values({ orgId: ctx.org.id, ...values });
    const requireSet = new Set(input.requireSsoDomainIds);
    for (const d of domains) {
      const ssoEnabled = covered.has(d.id);
      const requireSso = requireSet.has(d.id);
      if (d.ssoEnabled !== ssoEnabled || d.requireSso !== requireSso) {
        await tx.update(orgDomains).set({ ssoEnabled, requireSso }).where(eq(orgDomains.id, d.id));
      }
    }
    const breakGlass = new Set(input.breakGlassUserIds);
    const on = admins.filter((a) => breakGlass.has(a.userId) && !a.breakGlass).map((a) => a.userId);
    const off = admins.filter((a) => !breakGlass.has(a.userId) && a.breakGlass).map((a) => a.userId);
    if (on.length) await tx.update(memberships).set({ ssoBreakGlass: true }).where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.userId, on)));
    if (off.length) await tx.update(memberships).set({ ssoBreakGlass: false }).where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.userId, off)));
    const names = (ids: Iterable<string>) => domains.filter((d) => new Set(ids).has(d.id)).map((d) => d.domain).sort();
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "sso.updated",
      subject: { type: "sso", id: ctx.org.id },
      before: existing
        ? {
            issuer: existing.issuer,
            clientId: existing.clientId,
            domains: names(domains.filter((d) => d.ssoEnabled).map((d) => d.id)),
            requireSso: names(domains.filter((d) => d.requireSso).map((d) => d.id)),
            breakGlass: admins.filter((a) => a.breakGlass).map((a) => a.userId).sort(),
          }
        : null,
      after: {
        issuer: input.issuer,
        clientId: input.clientId,
        secretChanged: Boolean(input.clientSecret),
        domains: names(covered),
        requireSso: names(requireSet),
        breakGlass: [...breakGlass].sort(),
      },
    });
    const saved = { issuer: input.issuer, clientId: input.clientId, domains: names(covered), requireSso: names(requireSet) };
    await emitEvent(tx, { orgId: ctx.org.id, type: "sso.updated", data: saved });
    return saved;
  });
}

export type TestConnectionResult = { ok: true; message: string; issuer: string } | { ok: false; message: string };

/**
 * "Test connection": runs OpenID Connect discovery against the issuer as typed and says what
 * failed (the host, the metadata, an issuer that does not match, no code flow or no S256 PKCE).
 */
export async function testSsoConnection(ctx: MemberContext, rawInput: unknown): Promise<TestConnectionResult> {
  assertAdmin(ctx);
  const input = parseInput(testSsoConnectionSchema, rawInput);
  let clientId = input.clientId;
  let secret: string | undefined;
  if (!clientId) {
    const [stored] = await db.select().from(ssoConnections).where(eq(ssoConnections.orgId, ctx.org.id));
    clientId = stored?.clientId;
    secret = stored ? openSecret(stored.clientSecretEncrypted) : undefined;
  }
  try {
    const config = await discoverProvider(input.issuer, clientId || "seatwise-test", secret);
    const meta = config.serverMetadata();
    const types = meta.response_types_supported ?? [];
    if (!types.includes("code")) return { ok: false, message: "The provider does not offer the authorization code flow (response type 'code'), which Seatwise needs." };
    const pkce = meta.code_challenge_methods_supported;
    if (pkce && !pkce.includes("S256")) return { ok: false, message: "The provider does not support PKCE with S256, which Seatwise needs." };
    return { ok: true, issuer: meta.issuer, message: `Connected: ${meta.issuer} answers OpenID Connect discovery with a sign-in endpoint, a token endpoint and signing keys.` };
  } catch (error) {
    return { ok: false, message: describeOidcError(error, input.issuer) };
  }
}
