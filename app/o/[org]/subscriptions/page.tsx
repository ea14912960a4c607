import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { listMySubscriptions } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "My Subscriptions" };

/** SPEC P2: the plans the signed-in user subscribes to or uses. */
export default async function MySubscriptionsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const plans = await listMySubscriptions(ctx);
  return (
    <>
      <PageHeader title="My Subscriptions" description={`Plans you subscribe to or use in ${ctx.org.name}.`} />
      <Card>
        {plans.length === 0 ? (
          <EmptyState title="You are not on any plan yet">When someone adds you to a plan, it will appear here.</EmptyState>
        ) : (
          <Table aria-label="My Subscriptions">
            <thead className="bg-gray-50">
              <tr>
                <Th>Plan</Th>
                <Th>Subscriber</Th>
                <Th>Plan users</Th>
                <Th>Your part</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {plans.map((p) => (
                <tr key={p.planId}>
                  <Td>
                    <p className="font-medium text-gray-900">{p.productName}</p>
                    <p className="text-xs text-gray-500">{p.productDescription}</p>
                  </Td>
                  <Td>{p.subscriberName ?? p.subscriberEmail}</Td>
                  <Td>
                    {p.userMode === "single"
                      ? "One user"
                      : p.userMode === "unlimited"
                        ? `${p.seatsTaken ?? 0} (unlimited)`
                        : `${p.seatsTaken ?? 0} of ${p.seats ?? "—"} seats`}
                  </Td>
                  <Td>{p.isSubscriber ? <Badge tone="indigo">Subscriber</Badge> : <Badge>Plan user</Badge>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
