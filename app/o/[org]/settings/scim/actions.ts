"use server";

import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { createScimToken, removeGroupMapping, revokeScimToken, setDeprovisioning, setGroupMapping } from "@/lib/scim/settings";
import { createScimTokenSchema, deprovisioningSchema, groupMappingIdSchema, scimTokenIdSchema, setGroupMappingSchema } from "@/lib/scim/settings-schemas";
import { appBaseUrl } from "@/lib/url";

// POST (server action) – create a SCIM token; its value is answered this once (K1, issue 17).
export const createScimTokenAction = memberAction(createScimTokenSchema, async (input, ctx) => {
  const created = await createScimToken(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: `The SCIM token “${created.name}” was created.`, data: { token: created.token, prefix: created.prefix } };
});

// POST (server action) – revoke a SCIM token; the identity provider's next request is refused.
export const revokeScimTokenAction = memberAction(scimTokenIdSchema, async ({ tokenId }, ctx) => {
  const { name } = await revokeScimToken(ctx, tokenId);
  refreshOrganization(ctx.org.slug);
  return `The SCIM token “${name}” was revoked. Your identity provider's next request with it is refused.`;
});

// POST (server action) – map a group name to a role or a plan's users (C4).
export const setGroupMappingAction = memberAction(setGroupMappingSchema, async (input, ctx) => {
  const saved = await setGroupMapping(ctx, input);
  refreshOrganization(ctx.org.slug);
  return saved.changed ? `The group “${saved.groupName}” now maps to ${saved.meaning}.` : `The group “${saved.groupName}” already maps to ${saved.meaning}.`;
});

// POST (server action) – remove a group mapping (C4).
export const removeGroupMappingAction = memberAction(groupMappingIdSchema, async ({ mappingId }, ctx) => {
  const { groupName } = await removeGroupMapping(ctx, mappingId);
  refreshOrganization(ctx.org.slug);
  return `The mapping of “${groupName}” was removed.`;
});

// POST (server action) – what a SCIM delete does while R5 applies: refuse, or transfer to an Admin (C3).
export const setDeprovisioningAction = memberAction(deprovisioningSchema, async (input, ctx) => {
  const saved = await setDeprovisioning(ctx, input);
  refreshOrganization(ctx.org.slug);
  if (!saved.changed) return "Nothing changed.";
  return saved.transferTo
    ? `Saved. A person your identity provider deletes has their surveys and plans transferred to ${saved.transferTo.name || saved.transferTo.email} first.`
    : "Saved. Your identity provider cannot delete a person who owns surveys or subscribes to a plan.";
});
