// PLACEHOLDER: replaced by the issue 17 helper that owns this resource
import { ScimError } from "@/lib/scim/errors";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async () => { throw new ScimError(501, "Not built yet."); });
export const PUT = scimRoute(async () => { throw new ScimError(501, "Not built yet."); });
export const PATCH = scimRoute(async () => { throw new ScimError(501, "Not built yet."); });
export const DELETE = scimRoute(async () => { throw new ScimError(501, "Not built yet."); });
