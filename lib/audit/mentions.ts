/** Who and what an audit entry's payload mentions, for the one query that names everything on a page (A1). */
import { isUuid } from "@/lib/token-shape";
import { asPayload, type AuditRecord } from "./record";


/** Payload keys that hold a user id, so their value is shown (and exported) as a name. */
export const personKeys = new Set(["ownerId", "subscriberId", "checkedOutById", "fromUserId", "toUserId", "userId", "transferToUserId"]);

/** The user ids an entry's before/after mention, for the one query that names everyone on a page. */
export function peopleMentioned(entry: Pick<AuditRecord, "before" | "after">): string[] {
  const ids: string[] = [];
  const visit = (value: unknown) => {
    for (const [key, v] of Object.entries(asPayload(value))) {
      if (personKeys.has(key) && typeof v === "string" && isUuid(v)) ids.push(v);
      else if (v && typeof v === "object" && !Array.isArray(v)) visit(v);
    }
  };
  visit(entry.before);
  visit(entry.after);
  return ids;
}

/** Invitation ids an entry's payload mentions (a plan place of an invitee), named by their address. */
export function invitationsMentioned(entry: Pick<AuditRecord, "before" | "after">): string[] {
  return [asPayload(entry.before).invitationId, asPayload(entry.after).invitationId].filter(
    (v): v is string => typeof v === "string" && isUuid(v),
  );
}
