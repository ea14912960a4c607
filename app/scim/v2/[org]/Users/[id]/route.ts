// GET    /scim/v2/{org}/Users/{id} – one member as a SCIM User
// PUT    /scim/v2/{org}/Users/{id} – replace the member's attributes (R2, R9 through the same services)
// PATCH  /scim/v2/{org}/Users/{id} – Okta's and Entra's PATCH operations (C2)
// DELETE /scim/v2/{org}/Users/{id} – Delete User (C3, R4–R7), with the deprovisioning choice
import { scimRoute } from "@/lib/scim/route";
import { deleteScimUser, patchScimUser, replaceScimUser } from "@/lib/scim/user-change";
import { getScimUser } from "@/lib/scim/users";

export const GET = scimRoute((ctx, { params, baseUrl }) => getScimUser(ctx, params.id, baseUrl));

export const PUT = scimRoute((ctx, { params, body, baseUrl }) => replaceScimUser(ctx, params.id, body, baseUrl), { body: true });

export const PATCH = scimRoute((ctx, { params, body, baseUrl }) => patchScimUser(ctx, params.id, body, baseUrl), { body: true });

export const DELETE = scimRoute((ctx, { params }) => deleteScimUser(ctx, params.id));
