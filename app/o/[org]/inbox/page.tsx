import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { MarkAllReadButton } from "@/components/inbox/mark-all-read";
import { NotificationList, type NotificationItem } from "@/components/inbox/notification-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireMemberPage } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { listInbox } from "@/lib/notifications/queries";
import { enumParam, pageParam, parseSearchParams } from "@/lib/search-params";
import { transferStateLabels } from "@/lib/transfers/transfer-state";
import { taskSummary } from "@/lib/work/queries";

export const metadata: Metadata = { title: "Inbox" };

const searchSchema = z.object({ page: pageParam, show: enumParam(["all", "unread"] as const) });

/**
 * SPEC N1 and §6: the caller's notifications (transfer requests answered from here), paginated
 * in the database, with Mark as read; and the open tasks waiting for them in each plan.
 */
export default async function InboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org }, raw] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  const sp = parseSearchParams(searchSchema, raw);
  const unreadOnly = sp.show === "unread";
  const [inbox, tasks] = await Promise.all([listInbox(ctx, { page: sp.page, unreadOnly }), taskSummary(ctx)]);
  const base = `/o/${ctx.org.slug}`;
  const items: NotificationItem[] = inbox.rows.map((n) => {
    const isRequest = n.kind === "transfer_requested";
    return {
      id: n.id,
      title: n.title,
      body: n.body,
      when: formatDateTime(n.createdAt),
      unread: !n.readAt,
      // D2: a request to join is answered (Approve / Decline) on the Domains page.
      href:
        isRequest && n.transferId
          ? `${base}/transfers/${n.transferId}`
          : n.planId
            ? `${base}/plans/${n.planId}`
            : n.surveyId
              ? `${base}/surveys/${n.surveyId}`
              : n.kind === "join_requested"
                ? `${base}/settings/domains`
                : null,
      linkLabel: isRequest ? "View request" : n.planId ? "Open plan" : n.surveyId ? "Open survey" : n.kind === "join_requested" ? "Approve or decline" : null,
      transferId: n.transferId,
      canAnswer: n.canAnswer,
      transferOutcome: isRequest && n.transferState && n.transferState !== "pending" ? transferStateLabels[n.transferState] : null,
    };
  });
  const withTasks = tasks.filter((t) => t.inbox || t.outbox);
  const filterHref = (show: "all" | "unread") => `${base}/inbox${show === "unread" ? "?show=unread" : ""}`;
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`${inbox.unread} unread · notifications and tasks for you in ${ctx.org.name}.`}
        actions={<MarkAllReadButton orgSlug={ctx.org.slug} disabled={inbox.unread === 0} />}
      />
      {withTasks.length ? (
        <Card className="mb-6 p-4">
          <h2 className="text-sm font-semibold text-gray-900">Open tasks</h2>
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Open tasks by plan">
            {withTasks.map((t) => (
              <li key={t.planId} className="text-gray-700">
                <span className="font-medium text-gray-900">{t.productName}:</span>{" "}
                <Link href={`${base}/plans/${t.planId}?view=inbox`} className="text-indigo-600 hover:text-indigo-500">
                  {t.inbox} in your Inbox
                </Link>
                {" · "}
                <Link href={`${base}/plans/${t.planId}?view=outbox`} className="text-indigo-600 hover:text-indigo-500">
                  {t.outbox} in your Outbox
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <nav aria-label="Show" className="flex gap-4 border-b border-gray-200 px-4 py-3 text-sm">
          {(["all", "unread"] as const).map((show) => {
            const current = (show === "unread") === unreadOnly;
            return (
              <Link
                key={show}
                href={filterHref(show)}
                aria-current={current ? "page" : undefined}
                className={cn("font-medium", current ? "text-indigo-700" : "text-gray-600 hover:text-gray-900")}
              >
                {show === "all" ? "All" : `Unread (${inbox.unread})`}
              </Link>
            );
          })}
        </nav>
        {items.length === 0 ? (
          <EmptyState title={unreadOnly ? "Nothing unread" : "Nothing here yet"}>
            Transfer requests, plan changes and moved tasks will appear here.
          </EmptyState>
        ) : (
          <NotificationList orgSlug={ctx.org.slug} items={items} />
        )}
        <Pagination
          page={inbox.page}
          pageCount={inbox.pageCount}
          href={(p) => `${base}/inbox?${new URLSearchParams({ ...(unreadOnly ? { show: "unread" } : {}), page: String(p) })}`}
          summary={`${inbox.total} notifications`}
        />
      </Card>
    </>
  );
}
