import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canManageApiTokens } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";

/**
 * K1: revoking is at once — the token's very next request is refused (401), since every request
 * reads the token row. Another organization's token id is not found; revoking twice changes nothing.
 */
export async function revokeApiToken(ctx: MemberContext, tokenId: string): Promise<{ name: string }> {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    if (!canManageApiTokens(actor.role)) throw forbidden("Only Admins revoke API tokens.");
    const [token] = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.orgId, actor.orgId), eq(apiTokens.kind, "api")))
      .for("update");
    if (!token) throw notFound("This token");
    if (token.revokedAt) return { name: token.name };
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "api_token.revoked",
      subject: { type: "api_token", id: token.id },
      before: { name: token.name, role: token.role, prefix: token.prefix },
      after: { revoked: true },
    });
    return { name: token.name };
  });
}
