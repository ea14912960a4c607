// GET  /scim/v2/{org}/Users – the organization's members as SCIM Users (filter, startIndex, count)
// POST /scim/v2/{org}/Users – create, or restore, a member within the tier's seats (C1, T3, T5)
import { scimRoute } from "@/lib/scim/route";
import { createScimUser } from "@/lib/scim/user-create";
import { listScimUsers } from "@/lib/scim/users";

export const GET = scimRoute((ctx, { url, baseUrl }) => listScimUsers(ctx, url.searchParams, baseUrl));

export const POST = scimRoute((ctx, { body, baseUrl }) => createScimUser(ctx, body, baseUrl), { body: true });
