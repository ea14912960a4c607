import { parse, type Filter } from "scim2-parse-filter";
import { SCIM } from "./constants";
import { ScimError } from "./errors";

/**
 * What a SCIM client may ask for in `filter`: equality on the attributes that identify a person
 * or a group, joined by `and` (RFC 7644 §3.4.2.2). Okta and Entra ask only for these
 * (`userName eq "…"`, `externalId eq "…"`, `displayName eq "…"`). Anything else is refused with
 * `invalidFilter` rather than answered with a wrong list.
 */
export type UserFilter = { userName?: string; externalId?: string; id?: string; email?: string };
export type GroupFilter = { displayName?: string; externalId?: string; id?: string };

const MAX_FILTER_LENGTH = 1_000;

const userAttributes: Record<string, keyof UserFilter> = {
  username: "userName",
  externalid: "externalId",
  id: "id",
  "emails.value": "email",
  emails: "email",
};
const groupAttributes: Record<string, keyof GroupFilter> = {
  displayname: "displayName",
  externalid: "externalId",
  id: "id",
};

/** Attribute names are case-insensitive and may carry their schema URN (RFC 7643 §2.1, §3.10). */
function attributeKey(attrPath: string, schemaUrn: string): string {
  const lower = attrPath.toLowerCase();
  const prefix = `${schemaUrn.toLowerCase()}:`;
  return lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
}

function parseFilter(input: string): Filter {
  if (input.length > MAX_FILTER_LENGTH) throw new ScimError(400, "The filter is too long.", "invalidFilter");
  try {
    return parse(input);
  } catch {
    throw new ScimError(400, `The filter could not be read: ${input.slice(0, 200)}`, "invalidFilter");
  }
}

function collect<K extends string>(
  input: string,
  attributes: Record<string, K>,
  schemaUrn: string,
): { values: Partial<Record<K, string>>; matchesNothing: boolean } {
  const values: Partial<Record<K, string>> = {};
  let matchesNothing = false;
  const visit = (node: Filter) => {
    if (node.op === "and") {
      for (const child of (node as { filters: Filter[] }).filters) visit(child);
      return;
    }
    if (node.op === "[]") {
      // emails[type eq "work" and value eq "…"]: only the address itself narrows the list.
      const path = node as { attrPath: string; valFilter: Filter };
      if (attributeKey(path.attrPath, schemaUrn) !== "emails") {
        throw new ScimError(400, `Filtering on ${path.attrPath}[…] is not supported.`, "invalidFilter");
      }
      const inside = (inner: Filter) => {
        if (inner.op === "and") return (inner as { filters: Filter[] }).filters.forEach(inside);
        const compare = inner as { op: string; attrPath?: string; compValue?: unknown };
        const attr = compare.attrPath?.toLowerCase();
        if (compare.op === "eq" && attr === "value") return visit({ op: "eq", attrPath: "emails.value", compValue: compare.compValue } as Filter);
        if (compare.op === "eq" && (attr === "type" || attr === "primary")) return;
        throw new ScimError(400, `Filtering on ${path.attrPath}[${compare.attrPath ?? ""} ${compare.op}] is not supported.`, "invalidFilter");
      };
      inside(path.valFilter);
      return;
    }
    if (node.op !== "eq") {
      throw new ScimError(400, `The "${node.op}" operator is not supported here; use "eq", joined by "and".`, "invalidFilter");
    }
    const compare = node as { attrPath: string; compValue: unknown };
    const key = attributes[attributeKey(compare.attrPath, schemaUrn)];
    if (!key) throw new ScimError(400, `Filtering on "${compare.attrPath}" is not supported.`, "invalidFilter");
    if (typeof compare.compValue !== "string") {
      throw new ScimError(400, `"${compare.attrPath}" is compared with a string in quotes.`, "invalidFilter");
    }
    const value = compare.compValue;
    const previous = values[key];
    // userName and email compare case-insensitively (RFC 7643 §4.1.1: caseExact false); ids exactly.
    const same = previous !== undefined && (key === "userName" || key === "email" ? previous.toLowerCase() === value.toLowerCase() : previous === value);
    if (previous !== undefined && !same) matchesNothing = true;
    values[key] = value;
  };
  visit(parseFilter(input));
  return { values, matchesNothing };
}

export function parseUserFilter(input: string | null | undefined): { filter: UserFilter; matchesNothing: boolean } {
  if (!input || !input.trim()) return { filter: {}, matchesNothing: false };
  const { values, matchesNothing } = collect(input, userAttributes, SCIM.user);
  const filter: UserFilter = { ...values };
  if (filter.userName !== undefined) filter.userName = filter.userName.trim().toLowerCase();
  if (filter.email !== undefined) filter.email = filter.email.trim().toLowerCase();
  return { filter, matchesNothing };
}

export function parseGroupFilter(input: string | null | undefined): { filter: GroupFilter; matchesNothing: boolean } {
  if (!input || !input.trim()) return { filter: {}, matchesNothing: false };
  const { values, matchesNothing } = collect(input, groupAttributes, SCIM.group);
  return { filter: { ...values }, matchesNothing };
}

/** `startIndex` (1-based) and `count` as RFC 7644 §3.4.2.4 reads them: bad values fall back, never fail. */
export function parsePagination(params: URLSearchParams, max: number): { offset: number; limit: number } {
  const start = Math.floor(Number(params.get("startIndex") ?? "1"));
  const count = Math.floor(Number(params.get("count") ?? String(max)));
  const offset = Number.isFinite(start) && start > 1 ? Math.min(start - 1, 10_000_000) : 0;
  const limit = Number.isFinite(count) ? Math.max(0, Math.min(count, max)) : Number.isNaN(count) ? max : count > 0 ? max : 0;
  return { offset, limit };
}
