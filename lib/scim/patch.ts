import { parse, type Filter } from "scim2-parse-filter";
import { scimPatch, type ScimPatchOperation } from "scim-patch";
import { SCIM } from "./constants";
import { ScimError } from "./errors";

/**
 * PATCH as Okta and Microsoft Entra ID send it (RFC 7644 §3.5.2), read into what Seatwise stores.
 *
 * The operations are normalised first — Entra's capitalised ops ("Replace"), its string booleans
 * ("False"), the no-path value objects with dotted keys of `?aadOptscim062020` ("name.givenName")
 * and Okta's no-path `{"active": false}` — then applied by the `scim-patch` library to the
 * person's SCIM resource, and the result is read back. So a PATCH is either applied and answered
 * with the resulting resource, or refused: never a silent 200 (decision 085).
 */

/** What Seatwise keeps of a SCIM user. `email` is the sign-in identity. */
export type ScimUserState = {
  userName: string;
  externalId: string | null;
  active: boolean;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  email: string;
  phone: string | null;
};

/** Attributes of the core and enterprise schemas that clients send and Seatwise does not keep. */
const IGNORED_USER_ATTRIBUTES = new Set([
  "title",
  "locale",
  "preferredlanguage",
  "timezone",
  "nickname",
  "profileurl",
  "usertype",
  "addresses",
  "photos",
  "ims",
  "x509certificates",
  "entitlements",
  "roles",
  "password",
  SCIM.enterpriseUser.toLowerCase(),
]);
const STORED_USER_ATTRIBUTES = new Set(["username", "externalid", "active", "name", "displayname", "emails", "phonenumbers"]);
const READ_ONLY_USER_ATTRIBUTES = new Set(["id", "meta", "groups", "schemas"]);

type Operation = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

const MAX_OPERATIONS = 1_000;

/** The Operations of a PatchOp body, checked and with op names lower-cased. */
export function readOperations(body: unknown): Operation[] {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ScimError(400, "The body must be a SCIM PatchOp object.", "invalidSyntax");
  }
  const { schemas, Operations } = body as { schemas?: unknown; Operations?: unknown };
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.includes(SCIM.patchOp))) {
    throw new ScimError(400, `"schemas" must contain ${SCIM.patchOp}.`, "invalidSyntax");
  }
  if (!Array.isArray(Operations) || Operations.length === 0) {
    throw new ScimError(400, '"Operations" must be a non-empty list.', "invalidSyntax");
  }
  if (Operations.length > MAX_OPERATIONS) throw new ScimError(400, "Too many operations in one PATCH.", "tooMany");
  return Operations.map((raw, i) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      throw new ScimError(400, `Operation ${i + 1} is not an object.`, "invalidSyntax");
    }
    const { op, path, value } = raw as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === "string" ? op.trim().toLowerCase() : "";
    if (name !== "add" && name !== "replace" && name !== "remove") {
      throw new ScimError(400, `Operation ${i + 1} has an unknown op "${String(op)}".`, "invalidSyntax");
    }
    if (path !== undefined && (typeof path !== "string" || !path.trim())) {
      throw new ScimError(400, `Operation ${i + 1} has an invalid path.`, "invalidPath");
    }
    if (name !== "remove" && value === undefined) {
      throw new ScimError(400, `Operation ${i + 1} (${name}) needs a value.`, "invalidValue");
    }
    if (name === "remove" && path === undefined) {
      throw new ScimError(400, `Operation ${i + 1} (remove) needs a path.`, "noTarget");
    }
    return { op: name, path: typeof path === "string" ? path.trim() : undefined, value } as Operation;
  });
}

/** Entra (before aadOptscim062020) sends booleans as "True" / "False". */
function asBoolean(value: unknown, what: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw new ScimError(400, `"${what}" must be true or false.`, "invalidValue");
}

function stripUserUrn(path: string): string {
  const prefix = `${SCIM.user}:`;
  return path.toLowerCase().startsWith(prefix.toLowerCase()) ? path.slice(prefix.length) : path;
}

/** The top-level attribute a path or a value key names, lower-cased ("name.givenName" → "name"). */
function topAttribute(path: string): string {
  const stripped = stripUserUrn(path);
  if (stripped.toLowerCase().startsWith(SCIM.enterpriseUser.toLowerCase())) return SCIM.enterpriseUser.toLowerCase();
  return stripped.split(/[.[]/, 1)[0].toLowerCase();
}

function checkAttribute(attribute: string, currentId: string, value: unknown) {
  if (READ_ONLY_USER_ATTRIBUTES.has(attribute)) {
    // Okta and Entra echo `id` (and Entra `schemas`) inside value objects; the same id is harmless.
    if (attribute === "id" && value === currentId) return "skip";
    if (attribute === "schemas") return "skip";
    throw new ScimError(400, `"${attribute}" cannot be changed through SCIM.`, "mutability");
  }
  if (IGNORED_USER_ATTRIBUTES.has(attribute)) return "skip";
  if (!STORED_USER_ATTRIBUTES.has(attribute)) {
    throw new ScimError(400, `"${attribute}" is not an attribute of a Seatwise user.`, "invalidPath");
  }
  return "apply";
}

/** Canonical attribute spelling for the resource object, whatever case the client used. */
const CANONICAL: Record<string, string> = {
  username: "userName",
  externalid: "externalId",
  active: "active",
  name: "name",
  displayname: "displayName",
  emails: "emails",
  phonenumbers: "phoneNumbers",
  givenname: "givenName",
  familyname: "familyName",
  formatted: "formatted",
};

function canonicalPath(path: string): string {
  return stripUserUrn(path)
    .split(".")
    .map((part) => {
      const bracket = part.indexOf("[");
      const head = bracket < 0 ? part : part.slice(0, bracket);
      const tail = bracket < 0 ? "" : part.slice(bracket);
      return (CANONICAL[head.toLowerCase()] ?? head) + tail;
    })
    .join(".");
}

type UserResource = {
  schemas: string[];
  id: string;
  userName: string;
  externalId?: string;
  active: boolean;
  name: { givenName?: string; familyName?: string; formatted?: string };
  displayName?: string;
  emails: { value: string; type?: string; primary?: boolean }[];
  phoneNumbers?: { value: string; type?: string; primary?: boolean }[];
  meta: { resourceType: "User"; created: Date; lastModified: Date };
};

function toResource(id: string, state: ScimUserState): UserResource {
  return {
    schemas: [SCIM.user],
    id,
    userName: state.userName,
    ...(state.externalId ? { externalId: state.externalId } : {}),
    active: state.active,
    name: {
      ...(state.givenName ? { givenName: state.givenName } : {}),
      ...(state.familyName ? { familyName: state.familyName } : {}),
    },
    ...(state.displayName ? { displayName: state.displayName } : {}),
    emails: [{ value: state.email, type: "work", primary: true }],
    ...(state.phone ? { phoneNumbers: [{ value: state.phone, type: "work", primary: true }] } : {}),
    meta: { resourceType: "User", created: new Date(0), lastModified: new Date(0) },
  };
}

function text(value: unknown, what: string, max = 256): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new ScimError(400, `"${what}" must be a string.`, "invalidValue");
  const trimmed = value.trim();
  if (trimmed.includes("\u0000")) throw new ScimError(400, `"${what}" contains a NUL character.`, "invalidValue");
  if (trimmed.length > max) throw new ScimError(400, `"${what}" is longer than ${max} characters.`, "invalidValue");
  return trimmed || null;
}

/** The address a resource's emails name: the primary one, else the work one, else the first. */
export function primaryEmail(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw new ScimError(400, '"emails" must be a list.', "invalidValue");
  const list = emails.filter((e): e is { value?: unknown; type?: unknown; primary?: unknown } => !!e && typeof e === "object");
  const pick =
    list.find((e) => e.primary === true || (typeof e.primary === "string" && e.primary.toLowerCase() === "true")) ??
    list.find((e) => typeof e.type === "string" && e.type.toLowerCase() === "work") ??
    list[0];
  return pick ? text(pick.value, "emails.value", 320) : null;
}

function fromResource(resource: UserResource, options: { oneEmail?: boolean } = {}): ScimUserState {
  if (options.oneEmail && Array.isArray(resource.emails)) {
    const distinct = new Set(resource.emails.map((e) => (typeof e?.value === "string" ? e.value.trim().toLowerCase() : "")));
    if (distinct.size > 1) {
      throw new ScimError(400, "Seatwise keeps one email per person, the work address: change emails[type eq \"work\"].value.", "invalidValue");
    }
  }
  const userName = text(resource.userName, "userName", 320);
  if (!userName) throw new ScimError(400, '"userName" cannot be removed.', "mutability");
  const email = primaryEmail(resource.emails) ?? userName;
  const phones = resource.phoneNumbers;
  const phone = Array.isArray(phones) ? text((phones.find((p) => p?.primary) ?? phones.find((p) => p?.type === "work") ?? phones[0])?.value, "phoneNumbers.value", 40) : null;
  return {
    userName,
    externalId: text(resource.externalId, "externalId"),
    active: resource.active === undefined ? true : asBoolean(resource.active, "active"),
    givenName: text(resource.name?.givenName, "name.givenName"),
    familyName: text(resource.name?.familyName, "name.familyName"),
    displayName: text(resource.displayName, "displayName"),
    email: email.toLowerCase(),
    phone,
  };
}

/**
 * Applies a PATCH body to a user and returns the new state and which attributes changed. Throws
 * ScimError (400) for a path or value it cannot apply; the caller then changes nothing.
 */
export function applyUserPatch(
  id: string,
  current: ScimUserState,
  body: unknown,
): { next: ScimUserState; changed: (keyof ScimUserState)[] } {
  const operations = readOperations(body);
  const patches: ScimPatchOperation[] = [];
  const pushPath = (operation: Operation & { path: string }) => {
    const attribute = topAttribute(operation.path);
    if (checkAttribute(attribute, id, operation.value) === "skip") return;
    const path = canonicalPath(operation.path);
    const value = attribute === "active" && operation.op !== "remove" ? asBoolean(operation.value, "active") : operation.value;
    patches.push({ op: operation.op, path, ...(operation.op === "remove" && value === undefined ? {} : { value }) } as ScimPatchOperation);
  };
  for (const operation of operations) {
    if (operation.path === undefined) {
      if (!operation.value || typeof operation.value !== "object" || Array.isArray(operation.value)) {
        throw new ScimError(400, "An operation without a path needs an object value.", "invalidValue");
      }
      // A value object is a set of attributes to replace (or add), each an operation on its own
      // path (RFC 7644 §3.5.2.1, §3.5.2.3): Entra's aadOptscim062020 keys ("name.givenName",
      // `emails[type eq "work"].value`) are paths already, and a complex attribute's sub-attributes
      // left out of the value stay as they are — {"name": {"givenName": "Ana"}} keeps the family name.
      for (const [key, value] of Object.entries(operation.value as Record<string, unknown>)) {
        const complex = value && typeof value === "object" && !Array.isArray(value) && !key.includes("[") && !key.includes(".");
        if (complex && STORED_USER_ATTRIBUTES.has(topAttribute(key))) {
          for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) pushPath({ op: operation.op, path: `${key}.${sub}`, value: subValue });
        } else {
          pushPath({ op: operation.op, path: key, value });
        }
      }
      continue;
    }
    pushPath(operation as Operation & { path: string });
  }
  let patched: UserResource;
  try {
    patched = patches.length ? scimPatch(toResource(id, current), patches, { mutateDocument: false, treatMissingAsAdd: true }) : toResource(id, current);
  } catch (error) {
    if (error instanceof ScimError) throw error;
    const name = error instanceof Error ? error.name : "";
    const scimType = /NoTarget/i.test(name) ? "noTarget" : /Path/i.test(name) ? "invalidPath" : "invalidValue";
    throw new ScimError(400, `The PATCH could not be applied: ${error instanceof Error ? error.message.slice(0, 200) : "invalid operation"}.`, scimType);
  }
  const next = fromResource(patched, { oneEmail: true });
  const changed = (Object.keys(next) as (keyof ScimUserState)[]).filter((key) => next[key] !== current[key]);
  return { next, changed };
}

/** The state a POST or PUT body describes (RFC 7643 §4.1), checked. */
export function readUserResource(body: unknown): ScimUserState {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ScimError(400, "The body must be a SCIM User object.", "invalidSyntax");
  }
  const raw = body as Record<string, unknown>;
  const lower: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) lower[key.toLowerCase()] = value;
  const name = (lower.name && typeof lower.name === "object" ? lower.name : {}) as Record<string, unknown>;
  const userName = text(lower.username, "userName", 320);
  if (!userName) throw new ScimError(400, '"userName" is required.', "invalidValue");
  return fromResource({
    schemas: [SCIM.user],
    id: "",
    userName,
    externalId: (lower.externalid as string | undefined) ?? undefined,
    active: lower.active === undefined ? true : asBoolean(lower.active, "active"),
    name: { givenName: name.givenName as string | undefined, familyName: name.familyName as string | undefined },
    displayName: lower.displayname as string | undefined,
    emails: (lower.emails as UserResource["emails"]) ?? [],
    phoneNumbers: lower.phonenumbers as UserResource["phoneNumbers"],
    meta: { resourceType: "User", created: new Date(0), lastModified: new Date(0) },
  });
}

/** A group PATCH read into member additions and removals and a new name (RFC 7644 §3.5.2). */
export type GroupChange = {
  displayName?: string;
  externalId?: string | null;
  add: string[];
  remove: string[];
  /** "replace members" or "remove members" without a filter: the whole list becomes `add`. */
  replaceMembers: boolean;
};

function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((item, i) => {
    const id = item && typeof item === "object" ? (item as { value?: unknown }).value : undefined;
    if (typeof id !== "string" || !id.trim() || id.length > 200) {
      throw new ScimError(400, `Member ${i + 1} needs a "value" with the user's id.`, "invalidValue");
    }
    return id.trim();
  });
}

/** Okta's `members[value eq "…"]`: the one id it names. */
function memberFilterId(path: string): string {
  const match = /^members\[(.*)\]$/i.exec(path);
  if (!match) throw new ScimError(400, `The path "${path}" is not supported for groups.`, "invalidPath");
  let filter: Filter;
  try {
    filter = parse(match[1]);
  } catch {
    throw new ScimError(400, `The filter in "${path}" could not be read.`, "invalidFilter");
  }
  const compare = filter as { op: string; attrPath?: string; compValue?: unknown };
  if (compare.op !== "eq" || compare.attrPath?.toLowerCase() !== "value" || typeof compare.compValue !== "string") {
    throw new ScimError(400, `Only members[value eq "<id>"] is supported, not "${path}".`, "invalidFilter");
  }
  return compare.compValue;
}

export function readGroupPatch(body: unknown, currentId: string): GroupChange {
  const change: GroupChange = { add: [], remove: [], replaceMembers: false };
  const addIds = (ids: string[]) => {
    change.remove = change.remove.filter((id) => !ids.includes(id));
    for (const id of ids) if (!change.add.includes(id)) change.add.push(id);
  };
  const removeIds = (ids: string[]) => {
    change.add = change.add.filter((id) => !ids.includes(id));
    for (const id of ids) if (!change.remove.includes(id)) change.remove.push(id);
  };
  const setName = (value: unknown) => {
    const name = text(value, "displayName");
    if (!name) throw new ScimError(400, '"displayName" cannot be empty.', "invalidValue");
    change.displayName = name;
  };
  for (const operation of readOperations(body)) {
    const path = operation.path?.replace(new RegExp(`^${SCIM.group.replace(/[.:]/g, "\\$&")}:`, "i"), "");
    if (path === undefined) {
      if (!operation.value || typeof operation.value !== "object" || Array.isArray(operation.value)) {
        throw new ScimError(400, "An operation without a path needs an object value.", "invalidValue");
      }
      for (const [key, value] of Object.entries(operation.value as Record<string, unknown>)) {
        const attribute = key.toLowerCase();
        if (attribute === "displayname") setName(value);
        else if (attribute === "externalid") change.externalId = text(value, "externalId");
        else if (attribute === "members") {
          if (operation.op === "replace") {
            change.replaceMembers = true;
            change.add = [];
            change.remove = [];
          }
          addIds(memberIds(value));
        } else if (attribute === "id" && value === currentId) continue;
        else if (attribute === "schemas") continue;
        else throw new ScimError(400, `"${key}" cannot be changed on a group.`, "invalidPath");
      }
      continue;
    }
    const attribute = path.toLowerCase();
    if (attribute === "displayname") {
      if (operation.op === "remove") throw new ScimError(400, '"displayName" cannot be removed.', "mutability");
      setName(operation.value);
    } else if (attribute === "externalid") {
      change.externalId = operation.op === "remove" ? null : text(operation.value, "externalId");
    } else if (attribute === "members") {
      if (operation.op === "add") addIds(memberIds(operation.value));
      else if (operation.op === "replace") {
        change.replaceMembers = true;
        change.add = [];
        change.remove = [];
        addIds(memberIds(operation.value));
      } else if (operation.value !== undefined) removeIds(memberIds(operation.value));
      else {
        // "remove members" with no value or filter empties the group (RFC 7644 §3.5.2.2).
        change.replaceMembers = true;
        change.add = [];
        change.remove = [];
      }
    } else if (/^members\[/i.test(path)) {
      if (operation.op !== "remove") throw new ScimError(400, `"${operation.op}" on "${path}" is not supported.`, "invalidPath");
      removeIds([memberFilterId(path)]);
    } else {
      throw new ScimError(400, `The path "${path}" is not supported for groups.`, "invalidPath");
    }
  }
  return change;
}
