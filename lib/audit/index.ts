import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { currentDoor } from "@/lib/doors/door";

export type AuditEntry = {
  orgId: string | null;
  /** Who acted; `id` is null for a person without an account (an invitee declining from the link). */
  actor: { id: string | null; email: string } | null;
  action: string;
  target?: { id: string; email: string } | null;
  subject?: { type: string; id: string } | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes the SPEC A1 entry with the caller's transaction, so the change and its record commit
 * together or not at all. There is no update or delete counterpart (and the database refuses).
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry) {
  await tx.insert(auditLog).values(auditRow(entry));
}

/** Many entries of one change at once (a bulk transfer): one INSERT per 500 entries, same transaction. */
export async function recordAudits(tx: DbOrTx, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 500) {
    await tx.insert(auditLog).values(entries.slice(i, i + 500).map(auditRow));
  }
}

function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    orgId: entry.orgId,
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    targetUserId: entry.target?.id ?? null,
    targetEmail: entry.target?.email ?? null,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    // SPEC §11: the door of the request (an API token), set around it by the door's wrapper.
    via: currentDoor(),
  };
}
