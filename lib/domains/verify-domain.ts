import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { memberships, orgDomains, organizations } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { recordAudit } from "@/lib/audit";
import { emitEvent } from "@/lib/webhooks/emit";
import { AppError } from "@/lib/errors";
import { canManageDomains } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { hashDomainToken } from "./domain-token";

export type VerifyDomainResult = { domainId: string; domain: string; orgSlug: string; orgName: string };

const alreadyHeld = (domain: string) =>
  new AppError("CONFLICT", `${domain} is already verified by another organization. A domain belongs to one organization at a time.`);

/**
 * SPEC D1: following the link verifies the domain for the organization whose Admin asked.
 * The link itself proves control of the address it was sent to, so whoever opens it (signed in
 * or not, as anyone) may confirm; what it can verify is fixed when it was sent: that domain, for
 * that organization — and only while the Admin who asked is still its active Admin
 * (docs/decisions/080). Claimed once with a conditional update; a domain verified by another
 * organization in the meantime is refused (the partial unique index decides a race).
 */
export async function verifyDomain(token: string, options: { now?: Date } = {}): Promise<VerifyDomainResult> {
  const tokenHash = hashDomainToken(token);
  const now = options.now ?? new Date();
  const invalid = () => new AppError("NOT_FOUND", "This verification link is not valid. Ask the Admin to send a new one from Settings → Domains.");
  try {
    return await transaction(async (tx) => {
      const [found] = await tx.select({ id: orgDomains.id, orgId: orgDomains.orgId }).from(orgDomains).where(eq(orgDomains.tokenHash, tokenHash));
      if (!found) throw invalid();
      await lockOrganization(tx, found.orgId);
      const [row] = await tx.select().from(orgDomains).where(eq(orgDomains.id, found.id)).for("update");
      if (!row || row.tokenHash !== tokenHash) throw invalid();
      if (row.status === "verified") throw new AppError("ALREADY_USED", `${row.domain} is already verified: this link was used.`);
      if (!row.tokenExpiresAt || row.tokenExpiresAt <= now) {
        throw new AppError("EXPIRED", "This verification link has expired. Ask the Admin to send a new one from Settings → Domains.");
      }
      const [asker] = row.requestedById
        ? await tx
            .select({ role: memberships.role, status: memberships.status })
            .from(memberships)
            .where(and(eq(memberships.orgId, row.orgId), eq(memberships.userId, row.requestedById)))
        : [];
      if (!asker || asker.status !== "active" || !canManageDomains(asker.role)) {
        throw new AppError("FORBIDDEN", "The Admin who asked for this verification is no longer an Admin of the organization. An Admin must send a new link.");
      }
      const [elsewhere] = await tx
        .select({ id: orgDomains.id })
        .from(orgDomains)
        .where(and(eq(orgDomains.domain, row.domain), eq(orgDomains.status, "verified"), ne(orgDomains.orgId, row.orgId)));
      if (elsewhere) throw alreadyHeld(row.domain);
      const claimed = await tx
        .update(orgDomains)
        .set({ status: "verified", verifiedAt: now })
        .where(and(eq(orgDomains.id, row.id), eq(orgDomains.status, "pending"), eq(orgDomains.tokenHash, tokenHash)))
        .returning({ id: orgDomains.id });
      if (!claimed.length) throw new AppError("ALREADY_USED", `${row.domain} is already verified: this link was used.`);
      const [org] = await tx.select({ slug: organizations.slug, name: organizations.name }).from(organizations).where(eq(organizations.id, row.orgId));
      await recordAudit(tx, {
        orgId: row.orgId,
        actor: { id: null, email: row.verificationEmail },
        action: "domain.verified",
        subject: { type: "domain", id: row.id },
        before: { status: "pending" },
        after: { domain: row.domain, status: "verified", verifiedBy: row.verificationEmail, requestedById: row.requestedById },
      });
      await emitEvent(tx, { orgId: row.orgId, type: "domain.verified", data: { domainId: row.id, domain: row.domain } });
      return { domainId: row.id, domain: row.domain, orgSlug: org.slug, orgName: org.name };
    });
  } catch (error) {
    if (isUniqueViolation(error, "org_domains_verified_key")) throw alreadyHeld("This domain");
    throw error;
  }
}
