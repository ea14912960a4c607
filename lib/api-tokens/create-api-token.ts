import "server-only";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canGrantTokenRole, canManageApiTokens, canManageProvisioning, roleLabels } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import type { CreateApiTokenInput } from "./schemas";
import { newApiToken } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CreatedApiToken = { id: string; token: string; prefix: string; name: string; role: CreateApiTokenInput["role"]; expiresAt: Date | null };

/**
 * K1: an Admin creates an organization API token with a role no higher than their own (read again
 * under the organization's lock, R8). The token is returned once and only its hash is stored; the
 * creation is audited (A1) and the creator is emailed (E1), in the same transaction.
 */
export async function createApiToken(
  ctx: MemberContext,
  input: CreateApiTokenInput,
  options: { baseUrl: string; now?: Date; kind?: "api" | "scim" },
): Promise<CreatedApiToken> {
  const now = options.now ?? new Date();
  // A SCIM token (issue 17) is the same machinery: it always acts as an Admin (C4), so only an
  // Admin makes one, and it stops working like any token when its creator is no longer one (K2).
  const kind = options.kind ?? "api";
  if (kind === "scim" && input.role !== "admin") throw forbidden("A SCIM token acts as an Admin.");
  const created = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const allowed = kind === "scim" ? canManageProvisioning(actor.role) : canManageApiTokens(actor.role);
    if (!allowed) throw forbidden(kind === "scim" ? "Only Admins create SCIM tokens." : "Only Admins create API tokens.");
    if (!canGrantTokenRole(actor.role, input.role)) throw forbidden("A token's role cannot be above your own.");
    const expiresAt = input.expiresIn === "never" ? null : new Date(now.getTime() + Number(input.expiresIn) * DAY_MS);
    const { token, tokenHash, prefix } = newApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ orgId: actor.orgId, kind, name: input.name, role: input.role, prefix, tokenHash, createdBy: actor.userId, createdAt: now, expiresAt })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: kind === "scim" ? "scim_token.created" : "api_token.created",
      subject: { type: "api_token", id: row.id },
      after: { name: input.name, role: input.role, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    await enqueueEmail(tx, {
      to: actor.email,
      template: "api-token-created",
      props: {
        orgName: actor.orgName,
        tokenName: input.name,
        prefix,
        role: roleLabels[input.role],
        expiresAt: expiresAt ? expiresAt.toISOString().slice(0, 10) : null,
        url: `${options.baseUrl}/o/${actor.orgSlug}/settings/${kind === "scim" ? "scim" : "api-tokens"}`,
        kind,
      },
    });
    return { id: row.id, token, prefix, name: input.name, role: input.role, expiresAt };
  });
  kickEmailSender();
  return created;
}
