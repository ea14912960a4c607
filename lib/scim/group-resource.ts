import { SCIM } from "./constants";
import { ScimError } from "./errors";
import { readGroupPatch } from "./patch";

/** What a POST or PUT /Groups body says (RFC 7643 §4.2). `members` undefined: not sent. */
export type GroupResourceInput = { displayName: string; externalId?: string | null; members?: string[] };

/**
 * A Group body, checked by the same reader as a PATCH (a PUT is a replace of every attribute it
 * sends): `schemas` and `meta` are read-only and skipped (Entra sends both on POST), an `id` must
 * be the group's own, `displayName` is required, `members` is a list of `{ value: <user id> }`.
 */
export function readGroupResource(body: unknown, currentId: string | null): GroupResourceInput {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ScimError(400, "The body must be a SCIM Group object.", "invalidSyntax");
  }
  const value: Record<string, unknown> = {};
  let membersSent = false;
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const attribute = key.toLowerCase();
    if (attribute === "schemas") {
      if (!Array.isArray(raw) || !raw.some((s) => typeof s === "string" && s.toLowerCase() === SCIM.group.toLowerCase())) {
        throw new ScimError(400, `"schemas" must contain ${SCIM.group}.`, "invalidSyntax");
      }
      continue;
    }
    if (attribute === "meta") continue;
    if (attribute === "id") {
      // The server assigns ids (RFC 7643 §3.1): ignored on POST, the group's own on PUT.
      if (currentId !== null && raw !== currentId) throw new ScimError(400, '"id" cannot be changed.', "mutability");
      continue;
    }
    if (attribute === "members") membersSent = true;
    value[key] = raw;
  }
  const change = readGroupPatch({ Operations: [{ op: "replace", value }] }, currentId ?? "");
  if (!change.displayName) throw new ScimError(400, '"displayName" is required.', "invalidValue");
  return {
    displayName: change.displayName,
    ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
    ...(membersSent ? { members: change.add } : {}),
  };
}

/**
 * Whether an answer lists `members` (RFC 7644 §3.9): not when `excludedAttributes` names it (Entra
 * always does, Okta on imports), nor when `attributes` asks for others only. The other attributes
 * of a group are few and always returned.
 */
export function membersRequested(params: URLSearchParams): boolean {
  const list = (name: string) =>
    (params.get(name) ?? "")
      .split(",")
      .map((a) => a.trim().toLowerCase().replace(`${SCIM.group.toLowerCase()}:`, ""))
      .filter(Boolean);
  if (list("excludedAttributes").some((a) => a === "members" || a.startsWith("members."))) return false;
  const attributes = list("attributes");
  return !attributes.length || attributes.some((a) => a === "members" || a.startsWith("members."));
}
