"use server";

import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { testSsoConnection, updateSsoConnection } from "@/lib/sso/manage-sso";
import { ssoConnectionSchema, testSsoConnectionSchema } from "@/lib/sso/schemas";

// POST (server action) – save the organization's OpenID Connect connection, its domains, Require SSO and break-glass Admins (D3, D4).
export const updateSsoAction = memberAction(ssoConnectionSchema, async (input, ctx) => {
  const saved = await updateSsoConnection(ctx, input);
  refreshOrganization(ctx.org.slug);
  return saved.domains.length
    ? `Saved. ${saved.domains.join(", ")} sign${saved.domains.length === 1 ? "s" : ""} in through ${saved.issuer}.`
    : "Saved. No domain signs in through single sign-on yet.";
});

// POST (server action) – "Test connection": OpenID Connect discovery against the issuer as typed (D3).
export const testSsoAction = memberAction(testSsoConnectionSchema, async (input, ctx) => {
  const result = await testSsoConnection(ctx, input);
  return { message: result.message, data: { ok: result.ok } };
});
