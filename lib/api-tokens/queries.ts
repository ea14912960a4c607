import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canManageApiTokens, canManageProvisioning } from "@/lib/permissions";

/**
 * K1: the organization's tokens of one kind for its settings page — API tokens, or SCIM tokens
 * (issue 17) — newest first (never the token itself).
 */
export async function listApiTokens(ctx: MemberContext, kind: "api" | "scim" = "api") {
  const allowed = kind === "scim" ? canManageProvisioning(ctx.membership.role) : canManageApiTokens(ctx.membership.role);
  if (!allowed) throw forbidden(kind === "scim" ? "Only Admins see SCIM tokens." : "Only Admins see API tokens.");
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      creatorName: users.name,
      creatorEmail: users.email,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.orgId, ctx.org.id), eq(apiTokens.kind, kind)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
