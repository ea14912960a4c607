import "server-only";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canReadAudit } from "@/lib/permissions";
import { csvHeader, csvRow } from "@/lib/csv";
import { fileSlug } from "@/lib/surveys/export";
import { streamChunks } from "@/lib/stream";
import { auditActionLabels, changedFields, describeAuditEntry, sentenceText } from "./describe";
import { auditEntryBatches, type AuditFilters } from "./queries";

export const ACTIVITY_CSV_COLUMNS = [
  "time_utc",
  "sentence",
  "action",
  "action_label",
  "actor",
  "actor_email",
  "target",
  "target_email",
  "subject_type",
  "subject_id",
  "changes",
  "before_json",
  "after_json",
] as const;

/**
 * The Activity page as CSV (A1): the page's filters, newest first, one row per entry with its
 * sentence, the names, the changed fields ("Role: User → Manager") and the raw before/after JSON
 * for auditors. Cells go through csvCell (RFC 4180 quoting, spreadsheet formulas defused with a
 * leading quote, as the surveys export does); a byte-order mark lets spreadsheets read UTF-8.
 */
export async function* activityCsvChunks(db: DbOrTx, ctx: MemberContext, filters: AuditFilters): AsyncGenerator<string> {
  yield csvHeader(ACTIVITY_CSV_COLUMNS);
  for await (const { rows, names } of auditEntryBatches(db, ctx, filters)) {
    let chunk = "";
    for (const entry of rows) {
      const changes = changedFields(entry, names, (d) => d.toISOString())
        .map((c) => `${c.field}: ${c.before} → ${c.after}`)
        .join("; ");
      chunk += csvRow([
        entry.createdAt.toISOString(),
        sentenceText(describeAuditEntry(entry, names)),
        entry.action,
        auditActionLabels.get(entry.action) ?? "",
        (entry.actorId && names.people.get(entry.actorId)) || entry.actorEmail || "",
        entry.actorEmail,
        (entry.targetUserId && names.people.get(entry.targetUserId)) || entry.targetEmail || "",
        entry.targetEmail,
        entry.subjectType,
        entry.subjectId,
        changes,
        entry.before === null ? "" : JSON.stringify(entry.before),
        entry.after === null ? "" : JSON.stringify(entry.after),
      ]);
    }
    yield chunk;
  }
}

/**
 * GET …/activity.csv: the same rule as the page (Admins, canReadAudit), an audit entry of the
 * download itself (the log holds everyone's addresses: who took a copy is worth a trace), then
 * the streamed file.
 */
export async function activityExportResponse(db: DbOrTx, ctx: MemberContext, filters: AuditFilters, now = new Date()): Promise<Response> {
  if (!canReadAudit(ctx.membership.role)) throw forbidden("Only Admins can read the activity log.");
  await recordAudit(db, {
    orgId: ctx.org.id,
    actor: { id: ctx.user.id, email: ctx.user.email },
    action: "activity.exported",
    subject: { type: "organization", id: ctx.org.id },
    after: { format: "csv", ...filters },
  });
  const filename = `activity-${fileSlug(ctx.org.slug)}-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(streamChunks(activityCsvChunks(db, ctx, filters)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
