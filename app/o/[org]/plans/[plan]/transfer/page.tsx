import type { Metadata } from "next";
import Link from "next/link";
import { CancelTransferForm, ReassignPlanForm, RequestTransferForm, TransferToNewPersonForm } from "@/components/plans/transfer-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { canInvite, canReassignPlanOf, canTransferOwnership, planAllowsAddingUsers } from "@/lib/permissions";
import { requirePlanManagerPage } from "@/lib/plans/pages";

export const metadata: Metadata = { title: "Transfer Ownership" };

/**
 * Transfer Ownership (SPEC O1, O3, O4): the subscriber asks a member — or invites a new person,
 * optionally with the transfer attached — and can cancel a live request; an Admin reassigns at once.
 */
export default async function TransferOwnershipPage({ params }: { params: Promise<{ org: string; plan: string }> }) {
  const { org, plan: planId } = await params;
  const { ctx, plan } = await requirePlanManagerPage(org, planId, "transfer");
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const isSubscriber = canTransferOwnership(actor, plan.subscriberId);
  const subscriberName = plan.subscriberName ?? plan.subscriberEmail;
  const live = plan.liveTransfer;
  return (
    <>
      <PageHeader
        title={`Transfer Ownership — ${plan.productName}`}
        description={
          isSubscriber
            ? `You subscribe to ${plan.productName}. After a transfer you stay on it as a regular user, without user management.`
            : `${subscriberName} subscribes to ${plan.productName}.`
        }
        actions={
          <Link href={`/o/${ctx.org.slug}/subscriptions`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to My Subscriptions
          </Link>
        }
      />
      <div className="max-w-4xl space-y-6">
        {live ? (
          <Card className="flex flex-wrap items-center justify-between gap-4 border-l-4 border-amber-400 p-5">
            <div className="text-sm">
              <p className="font-medium text-gray-900">Waiting for {live.toName} to answer</p>
              <p className="text-gray-600">The request expires on {formatDate(live.expiresAt)}. One transfer at a time: cancel it to ask someone else.</p>
            </div>
            {isSubscriber ? <CancelTransferForm orgSlug={ctx.org.slug} transferId={live.id} toName={live.toName} /> : null}
          </Card>
        ) : null}
        {isSubscriber ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card className="p-6">
              <h2 className="text-base font-semibold text-gray-900">Transfer Ownership to an Existing User</h2>
              <p className="mb-4 mt-1 text-sm text-gray-600">Select the member who should become the subscriber of {plan.productName}.</p>
              <RequestTransferForm
                orgSlug={ctx.org.slug}
                planId={plan.id}
                subscriberId={plan.subscriberId}
                disabled={Boolean(live)}
                mayInvite={canInvite(ctx.membership.role, "user")}
              />
            </Card>
            <Card className="p-6" id="transfer-new-user">
              <h2 className="text-base font-semibold text-gray-900">Transfer Ownership to a New User</h2>
              {canInvite(ctx.membership.role, "user") ? (
                <>
                  <p className="mb-4 mt-1 text-sm text-gray-600">
                    {planAllowsAddingUsers(plan.userMode)
                      ? `Invite them to ${plan.productName}. Once they have joined, transfer to them — or attach the transfer now.`
                      : `${plan.productName} has one user: invite them with the transfer attached, and it passes to them when they accept.`}
                  </p>
                  <TransferToNewPersonForm
                    orgSlug={ctx.org.slug}
                    planId={plan.id}
                    productName={plan.productName}
                    attachRequired={!planAllowsAddingUsers(plan.userMode)}
                  />
                </>
              ) : (
                <p className="mt-1 text-sm text-gray-600">
                  Only Admins and Managers invite new people. Ask one of them to invite the person; once they have joined, transfer to them here.
                </p>
              )}
            </Card>
          </div>
        ) : null}
        {canReassignPlanOf(actor, plan.subscriberId) ? (
          <Card className="p-6">
            <h2 className="text-base font-semibold text-gray-900">Reassign now (Admins)</h2>
            <p className="mb-4 mt-1 text-sm text-gray-600">
              When the subscriber is gone or does not answer, an Admin gives the plan to another member at once.
            </p>
            <div className="max-w-md">
              <ReassignPlanForm orgSlug={ctx.org.slug} planId={plan.id} subscriberId={plan.subscriberId} productName={plan.productName} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
