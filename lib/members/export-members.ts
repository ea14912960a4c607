import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, selectRows } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { csvHeader, csvRow } from "@/lib/csv";
import { forbidden } from "@/lib/errors";
import { canManageUsers, roleLabels, type Role } from "@/lib/permissions";
import { streamChunks } from "@/lib/stream";
import { likePattern, userIdsMatching, type MembersQuery } from "./queries";

const BATCH = 500;

type ExportRow = { id: string; sk: string; name: string | null; email: string; phone: string | null; role: Role; status: string; since: string | Date; last: string | Date | null };

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : "");

/**
 * The Users list as CSV (issue 10), with the page's filters, streamed: members in name order read
 * in keyset batches of 500 (an organization of 50,000 never sits in memory), then the pending
 * invitations when the filter includes them. Admins and Managers, like managing users. A1: the
 * download itself is written to Activity (who, when, which filters), as the other exports are.
 */
export async function exportMembersCsv(ctx: MemberContext, query: Omit<MembersQuery, "page" | "sort">): Promise<Response> {
  if (!canManageUsers(ctx.membership.role)) throw forbidden("Only Admins and Managers export the member list.");
  await recordAudit(db, {
    orgId: ctx.org.id,
    actor: { id: ctx.user.id, email: ctx.user.email },
    action: "members.exported",
    subject: { type: "organization", id: ctx.org.id },
    after: { format: "csv", ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) },
  });
  const orgId = ctx.org.id;
  const pattern = query.q ? likePattern(query.q.trim().slice(0, 100)) : null;
  const memberFilter: SQL = sql`m.org_id = ${orgId}
    ${query.role ? sql`and m.role = ${query.role}` : sql``}
    ${query.status === "active" || query.status === "suspended" ? sql`and m.status = ${query.status}` : sql``}
    ${pattern ? sql`and u.id in ${userIdsMatching(pattern)}` : sql``}`;
  const inviteeName = sql`nullif(concat_ws(' ', i.first_name, i.last_name), '')`;
  const invitationFilter: SQL = sql`i.org_id = ${orgId} and i.kind = 'member' and i.status = 'pending'
    ${query.role ? sql`and i.role = ${query.role}` : sql``}
    ${pattern ? sql`and (i.email ilike ${pattern} or ${inviteeName} ilike ${pattern})` : sql``}`;

  async function* chunks(): AsyncGenerator<string> {
    yield csvHeader(["Name", "Email", "Phone", "Role", "Status", "Joined or invited", "Last active"]);
    if (query.status !== "invited") {
      let after: { sk: string; id: string } | null = null;
      for (;;) {
        const rows: ExportRow[] = await selectRows<ExportRow>(
          db,
          sql`select u.id, lower(coalesce(u.name, u.email)) as sk, u.name, u.email, u.phone, m.role, m.status::text as status,
                     m.created_at as since, m.last_active_at as last
                from ${memberships} m join ${users} u on u.id = m.user_id
               where ${memberFilter}
                 ${after ? sql`and (lower(coalesce(u.name, u.email)), u.id) > (${after.sk}, ${after.id}::uuid)` : sql``}
               order by lower(coalesce(u.name, u.email)), u.id
               limit ${BATCH}`,
        );
        for (const r of rows) {
          yield csvRow([r.name ?? r.email, r.email, r.phone, roleLabels[r.role], r.status === "suspended" ? "Suspended" : "Active", iso(r.since), iso(r.last)]);
        }
        if (rows.length < BATCH) break;
        const last: ExportRow = rows[rows.length - 1];
        after = { sk: last.sk, id: last.id };
      }
    }
    if (!query.status || query.status === "invited") {
      const rows = await selectRows<ExportRow>(
        db,
        sql`select i.id, ${inviteeName} as name, i.email, null as phone, i.role,
                   case when i.expires_at > now() then 'Invited' else 'Invitation expired' end as status, i.sent_at as since, null as last
              from ${invitations} i where ${invitationFilter}
             order by lower(coalesce(${inviteeName}, i.email)), i.id`,
      );
      for (const r of rows) yield csvRow([r.name ?? r.email, r.email, "", roleLabels[r.role], r.status, iso(r.since), ""]);
    }
  }

  const day = new Date().toISOString().slice(0, 10);
  return new Response(streamChunks(chunks()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ctx.org.slug}-members-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
