import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canManageApiTokens, canManageProvisioning } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";

/**
 * K1: revoking is at once — the token's very next request is refused (401), since every request
 * reads the token row. Another organization's token id is not found; revoking twice changes nothing.
 * `kind` says which page revokes: an API token is not found from the SCIM page, nor a SCIM token
 * from API tokens (each page lists and revokes its own kind; issue 17).
 */
export async function revokeApiToken(ctx: MemberContext, tokenId: string, kind: "api" | "scim" = "api"): Promise<{ name: string }> {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const allowed = kind === "scim" ? canManageProvisioning(actor.role) : canManageApiTokens(actor.role);
    if (!allowed) throw forbidden(kind === "scim" ? "Only Admins revoke SCIM tokens." : "Only Admins revoke API tokens.");
    const [token] = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.orgId, actor.orgId), eq(apiTokens.kind, kind)))
      .for("update");
    if (!token) throw notFound("This token");
    if (token.revokedAt) return { name: token.name };
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: kind === "scim" ? "scim_token.revoked" : "api_token.revoked",
      subject: { type: "api_token", id: token.id },
      before: { name: token.name, role: token.role, prefix: token.prefix },
      after: { revoked: true },
    });
    return { name: token.name };
  });
}
