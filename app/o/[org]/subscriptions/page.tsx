import type { Metadata } from "next";
import Link from "next/link";
import { AnswerTransfer } from "@/components/transfers/answer-transfer";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { canManagePlanUsers, canReassignPlan, canRespondToTransfer, canTransferOwnership } from "@/lib/permissions";
import { planSeatBreakdown, planSeatMeter } from "@/lib/plans/format";
import { listMySubscriptions } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "My Subscriptions" };

/**
 * SPEC P2: the plans the signed-in user subscribes to or uses, each with its seat meter, and
 * Manage Users and Transfer Ownership where they subscribe (or are an Admin, P7, O4).
 */
export default async function MySubscriptionsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const plans = await listMySubscriptions(ctx);
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const base = `/o/${ctx.org.slug}/plans`;
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
                {/* On a phone the plan's cell carries these, and its buttons stay on screen. */}
                <Th className="hidden sm:table-cell">Subscriber</Th>
                <Th className="hidden sm:table-cell">Seats</Th>
                <Th className="hidden sm:table-cell">Your part</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {plans.map((p) => {
                const manages = canManagePlanUsers(actor, p.subscriberId);
                const transfers = canTransferOwnership(actor, p.subscriberId) || canReassignPlan(ctx.membership.role);
                return (
                  <tr key={p.id}>
                    <Td className="whitespace-normal">
                      <Link href={`${base}/${p.id}`} className="font-medium text-indigo-700 hover:text-indigo-500">
                        {p.productName}
                      </Link>
                      <p className="text-xs text-gray-500">{p.productDescription}</p>
                      <p className="mt-1 text-xs text-gray-600 sm:hidden">
                        {p.isSubscriber ? "You subscribe" : `Subscriber: ${p.subscriberName ?? p.subscriberEmail}`} · {planSeatMeter(p.userMode, p.usage)}
                      </p>
                      {p.liveTransfer && canRespondToTransfer(actor, p.liveTransfer.toUserId) ? (
                        // O2, #14.11: the request is addressed to the reader, who can answer it here.
                        <div className="mt-2 space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-inset ring-amber-200">
                          <p className="text-xs text-amber-900">
                            {p.subscriberName ?? p.subscriberEmail} asks you to become the subscriber. Answer by {formatDate(p.liveTransfer.expiresAt)}.
                          </p>
                          <AnswerTransfer
                            orgSlug={ctx.org.slug}
                            transferId={p.liveTransfer.id}
                            planHref={`${base}/${p.id}`}
                            intent={null}
                            label={p.productName}
                          />
                        </div>
                      ) : p.liveTransfer ? (
                        <p className="mt-1 text-xs text-amber-800">
                          Transfer to {p.liveTransfer.toName} waiting for an answer until {formatDate(p.liveTransfer.expiresAt)}
                        </p>
                      ) : null}
                    </Td>
                    <Td className="hidden sm:table-cell">{p.subscriberName ?? p.subscriberEmail}</Td>
                    <Td className="hidden sm:table-cell">
                      <span className="font-medium text-gray-900">{planSeatMeter(p.userMode, p.usage)}</span>
                      {p.userMode === "single" ? null : <span className="block text-xs text-gray-500">{planSeatBreakdown(p.usage)}</span>}
                    </Td>
                    <Td className="hidden sm:table-cell">{p.isSubscriber ? <Badge tone="indigo">Subscriber</Badge> : <Badge>Plan user</Badge>}</Td>
                    <Td>
                      <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
                        {manages ? (
                          <Link href={`${base}/${p.id}/users`} className={buttonClass("secondary", undefined, "sm")} aria-label={`Manage Users of ${p.productName}`}>
                            Manage Users
                          </Link>
                        ) : null}
                        {transfers ? (
                          <Link href={`${base}/${p.id}/transfer`} className={buttonClass("secondary", undefined, "sm")} aria-label={`Transfer Ownership of ${p.productName}`}>
                            Transfer Ownership
                          </Link>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
