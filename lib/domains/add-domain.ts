import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { orgDomains } from "@/db/schema";
import { parseInput } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { canManageDomains } from "@/lib/permissions";
import { hitRateLimit, rateLimitRules } from "@/lib/rate-limit";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { publicBaseUrl } from "@/lib/url";
import { DOMAIN_LINK_TTL_MS, domainVerificationUrl, newDomainToken } from "./domain-token";
import { addDomainSchema } from "./schemas";

export type AddDomainResult = { id: string; domain: string; status: "pending"; verificationEmail: string; resent: boolean };

/**
 * SPEC D1: an Admin claims a domain and names an address at it; a single-use link that expires
 * in 24 hours is emailed there (the email written in the same transaction, E1). Adding a domain
 * the organization already has pending sends a new link (the old one dies). A domain another
 * organization has verified, a public mail domain, or one this organization verified already is
 * refused. Nothing is trusted until the link is followed.
 */
export async function addDomain(ctx: MemberContext, rawInput: unknown, options: { baseUrl?: string } = {}): Promise<AddDomainResult> {
  if (!canManageDomains(ctx.membership.role)) throw forbidden("Only Admins manage the organization's domains.");
  const input = parseInput(addDomainSchema, rawInput);
  const { token, tokenHash } = newDomainToken();
  const expiresAt = new Date(Date.now() + DOMAIN_LINK_TTL_MS);
  const result = await transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [elsewhere] = await tx
      .select({ id: orgDomains.id })
      .from(orgDomains)
      .where(and(eq(orgDomains.domain, input.domain), eq(orgDomains.status, "verified"), ne(orgDomains.orgId, ctx.org.id)));
    if (elsewhere) {
      throw new AppError("CONFLICT", `${input.domain} is verified by another organization. A domain belongs to one organization at a time.`, {
        fieldErrors: { domain: [`${input.domain} is verified by another organization.`] },
      });
    }
    // Sending links to one address is limited like every other email to an address (docs/decisions/007).
    const limit = await hitRateLimit(`domain:${input.email}`, rateLimitRules.emailPerAddress, { db: tx });
    if (!limit.allowed) {
      throw new AppError("RATE_LIMITED", `Too many verification emails to ${input.email}. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`);
    }
    const [existing] = await tx
      .select()
      .from(orgDomains)
      .where(and(eq(orgDomains.orgId, ctx.org.id), eq(orgDomains.domain, input.domain)))
      .for("update");
    if (existing?.status === "verified") {
      throw new AppError("CONFLICT", `${input.domain} is already verified for ${ctx.org.name}.`, {
        fieldErrors: { domain: [`${input.domain} is already verified.`] },
      });
    }
    const values = { verificationEmail: input.email, tokenHash, tokenExpiresAt: expiresAt, requestedById: ctx.user.id };
    const [row] = existing
      ? await tx.update(orgDomains).set(values).where(eq(orgDomains.id, existing.id)).returning()
      : await tx.insert(orgDomains).values({ orgId: ctx.org.id, domain: input.domain, ...values }).returning();
    await enqueueEmail(tx, {
      to: input.email,
      template: "domain-verification",
      props: {
        orgName: ctx.org.name,
        requestedBy: ctx.user.name ?? ctx.user.email,
        domain: input.domain,
        url: domainVerificationUrl(options.baseUrl ?? publicBaseUrl(), token),
        expiresIn: "24 hours",
      },
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: existing ? "domain.verification_resent" : "domain.added",
      subject: { type: "domain", id: row.id },
      after: { domain: input.domain, verificationEmail: input.email, status: "pending" },
    });
    return { id: row.id, domain: row.domain, status: "pending" as const, verificationEmail: input.email, resent: Boolean(existing) };
  });
  kickEmailSender();
  return result;
}
