import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { orgDomains, organizations } from "@/db/schema";
import { parseInput } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canManageDomains } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { domainIdSchema, joinPolicySchema } from "./schemas";

export type DomainView = {
  id: string;
  domain: string;
  status: "pending" | "verified";
  verificationEmail: string;
  linkExpiresAt: Date | null;
  verifiedAt: Date | null;
  joinPolicy: "off" | "join" | "ask";
  ssoEnabled: boolean;
  requireSso: boolean;
  createdAt: Date;
};

const view = {
  id: orgDomains.id,
  domain: orgDomains.domain,
  status: orgDomains.status,
  verificationEmail: orgDomains.verificationEmail,
  linkExpiresAt: orgDomains.tokenExpiresAt,
  verifiedAt: orgDomains.verifiedAt,
  joinPolicy: orgDomains.joinPolicy,
  ssoEnabled: orgDomains.ssoEnabled,
  requireSso: orgDomains.requireSso,
  createdAt: orgDomains.createdAt,
};

function assertAdmin(ctx: MemberContext) {
  if (!canManageDomains(ctx.membership.role)) throw forbidden("Only Admins manage the organization's domains.");
}

/** D1: the organization's domains, pending and verified (Admins). No token hash leaves here. */
export async function listDomains(ctx: MemberContext): Promise<DomainView[]> {
  assertAdmin(ctx);
  return db.select(view).from(orgDomains).where(eq(orgDomains.orgId, ctx.org.id)).orderBy(asc(orgDomains.domain));
}

/**
 * D1: removes a domain (pending or verified). Its join policy and single sign-on end with it;
 * members who joined through it stay members. Another organization's id is NOT_FOUND.
 */
export async function removeDomain(ctx: MemberContext, domainId: string): Promise<{ id: string; domain: string }> {
  assertAdmin(ctx);
  const { domainId: id } = parseInput(domainIdSchema, { domainId });
  return transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [removed] = await tx
      .delete(orgDomains)
      .where(and(eq(orgDomains.id, id), eq(orgDomains.orgId, ctx.org.id)))
      .returning();
    if (!removed) throw notFound("This domain");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "domain.removed",
      subject: { type: "domain", id: removed.id },
      before: { domain: removed.domain, status: removed.status, joinPolicy: removed.joinPolicy, ssoEnabled: removed.ssoEnabled, requireSso: removed.requireSso },
    });
    return { id: removed.id, domain: removed.domain };
  });
}

/** D2: sets a verified domain's join policy. An unverified domain does nothing, so it has none. */
export async function setJoinPolicy(ctx: MemberContext, rawInput: unknown): Promise<DomainView> {
  assertAdmin(ctx);
  const input = parseInput(joinPolicySchema, rawInput);
  return transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [row] = await tx
      .select()
      .from(orgDomains)
      .where(and(eq(orgDomains.id, input.domainId), eq(orgDomains.orgId, ctx.org.id)))
      .for("update");
    if (!row) throw notFound("This domain");
    if (row.status !== "verified") throw new AppError("CONFLICT", `Verify ${row.domain} before letting people join through it.`);
    const [updated] = await tx.update(orgDomains).set({ joinPolicy: input.joinPolicy }).where(eq(orgDomains.id, row.id)).returning(view);
    if (row.joinPolicy !== input.joinPolicy) {
      await recordAudit(tx, {
        orgId: ctx.org.id,
        actor: { id: ctx.user.id, email: ctx.user.email },
        action: "domain.join_policy_changed",
        subject: { type: "domain", id: row.id },
        before: { domain: row.domain, joinPolicy: row.joinPolicy },
        after: { domain: row.domain, joinPolicy: input.joinPolicy },
      });
    }
    return updated;
  });
}

/** What the verification page shows before anything is confirmed (GET changes nothing). */
export async function findDomainByToken(tokenHash: string) {
  const [row] = await db
    .select({ domain: orgDomains.domain, status: orgDomains.status, expiresAt: orgDomains.tokenExpiresAt, orgName: organizations.name, email: orgDomains.verificationEmail })
    .from(orgDomains)
    .innerJoin(organizations, eq(organizations.id, orgDomains.orgId))
    .where(eq(orgDomains.tokenHash, tokenHash));
  return row ?? null;
}
