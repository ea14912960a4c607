import "server-only";
import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canReadAudit } from "@/lib/permissions";

export const AUDIT_PAGE_SIZE = 50;

/** SPEC A1: the organization's audit log for Admins, newest first, paginated in the database. */
export async function listAuditEntries(
  ctx: MemberContext,
  options: { page?: number; actorId?: string; action?: string } = {},
) {
  if (!canReadAudit(ctx.membership.role)) throw forbidden("Only Admins can read the activity log.");
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = and(
    eq(auditLog.orgId, ctx.org.id),
    options.actorId ? eq(auditLog.actorId, options.actorId) : undefined,
    options.action ? eq(auditLog.action, options.action) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The choices of the Activity page's filters: who acted, and which actions happened. */
export async function listAuditFilters(ctx: MemberContext) {
  if (!canReadAudit(ctx.membership.role)) throw forbidden("Only Admins can read the activity log.");
  const [actors, actions] = await Promise.all([
    db
      .selectDistinct({ id: auditLog.actorId, email: auditLog.actorEmail })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.org.id), isNotNull(auditLog.actorId)))
      .orderBy(auditLog.actorEmail),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, ctx.org.id)).orderBy(auditLog.action),
  ]);
  return { actors: actors.filter((a): a is { id: string; email: string } => !!a.id && !!a.email), actions: actions.map((a) => a.action) };
}
