import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const items = await listNotifications(ctx);
  return (
    <>
      <PageHeader title="Inbox" description={`Notifications for you in ${ctx.org.name}.`} />
      <Card>
        {items.length === 0 ? (
          <EmptyState title="Nothing here yet">Transfer requests, plan changes and moved tasks will appear here.</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100" aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} className="flex items-start gap-3 p-4">
                <span
                  aria-label={n.readAt ? "read" : "unread"}
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-gray-200" : "bg-indigo-600"}`}
                />
                <div>
                  <p className="text-sm font-medium text-gray-900">{n.title}</p>
                  {n.body ? <p className="mt-0.5 text-sm text-gray-600">{n.body}</p> : null}
                  <p className="mt-1 text-xs text-gray-500">{formatDateTime(n.createdAt)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
