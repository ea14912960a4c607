"use server";

import { memberAction } from "@/lib/action";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/schemas";
import { refreshOrganization } from "@/lib/revalidate";
import { appBaseUrl } from "@/lib/url";

// POST (server action) – create an API token; its value is answered this once (K1).
export const createApiTokenAction = memberAction(createApiTokenSchema, async (input, ctx) => {
  const created = await createApiToken(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: `The token “${created.name}” was created.`, data: { token: created.token, prefix: created.prefix } };
});

// POST (server action) – revoke an API token; its next request is refused (K1).
export const revokeApiTokenAction = memberAction(revokeApiTokenSchema, async ({ tokenId }, ctx) => {
  const { name } = await revokeApiToken(ctx, tokenId);
  refreshOrganization(ctx.org.slug);
  return `The token “${name}” was revoked. It stops working at once.`;
});
