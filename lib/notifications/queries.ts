import "server-only";
import { sql } from "drizzle-orm";
import { db, selectRows } from "@/db/client";
import { notifications, ownershipTransfers } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { effectiveTransferState, type TransferState } from "@/lib/transfers/transfer-state";

export const NOTIFICATIONS_PAGE_SIZE = 20;

type InboxRow = {
  id: string | null;
  kind: (typeof notifications.kind.enumValues)[number];
  title: string;
  body: string;
  readAt: string | Date | null;
  createdAt: string | Date;
  planId: string | null;
  surveyId: string | null;
  transferId: string | null;
  transferState: TransferState | null;
  transferExpiresAt: string | Date | null;
  transferToUserId: string | null;
  total: number;
  unread: number;
};

/**
 * SPEC N1: the caller's notifications in this organization, newest first, paginated in the
 * database (an inbox of 10,000 reads one page), with the state of the transfer a request is about
 * so Accept and Decline show only while it can be answered, and the counts — one statement.
 */
export async function listInbox(ctx: MemberContext, options: { page?: number; unreadOnly?: boolean } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const mine = sql`n.user_id = ${ctx.user.id} and n.org_id = ${ctx.org.id}`;
  const shown = options.unreadOnly ? sql`${mine} and n.read_at is null` : mine;
  const rows = await selectRows<InboxRow>(
    db,
    sql`
    with page as (
      select n.id, n.kind, n.title, n.body, n.read_at as "readAt", n.created_at as "createdAt", n.plan_id as "planId", n.survey_id as "surveyId",
             n.transfer_id as "transferId", t.state as "transferState", t.expires_at as "transferExpiresAt",
             t.to_user_id as "transferToUserId"
        from ${notifications} n left join ${ownershipTransfers} t on t.id = n.transfer_id
       where ${shown}
       order by n.created_at desc, n.id desc
       limit ${NOTIFICATIONS_PAGE_SIZE} offset ${(page - 1) * NOTIFICATIONS_PAGE_SIZE}
    )
    select (select count(*)::int from ${notifications} n where ${shown}) as total,
           (select count(*)::int from ${notifications} n where ${mine} and n.read_at is null) as unread,
           page.*
      from (select 1) one left join page on true`,
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    rows: rows
      .filter((row): row is InboxRow & { id: string } => row.id !== null)
      .map(({ total: _t, unread: _u, ...row }) => {
        const transferExpiresAt = row.transferExpiresAt ? new Date(row.transferExpiresAt) : null;
        const transferState =
          row.transferState && transferExpiresAt ? effectiveTransferState({ state: row.transferState, expiresAt: transferExpiresAt }) : null;
        return {
          ...row,
          readAt: row.readAt ? new Date(row.readAt) : null,
          createdAt: new Date(row.createdAt),
          transferExpiresAt,
          transferState,
          canAnswer: row.kind === "transfer_requested" && transferState === "pending" && row.transferToUserId === ctx.user.id,
        };
      }),
    total,
    unread: Number(rows[0]?.unread ?? 0),
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
  };
}
