import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeatLimitNotice } from "@/components/members/seat-limit-notice";
import { AddExistingMemberForm, InviteToPlanForm } from "@/components/plans/add-user-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { canInviteToPlan, planAllowsAddingUsers } from "@/lib/permissions";
import { planSeatBreakdown, planSeatMeter } from "@/lib/plans/format";
import { seatsFull } from "@/lib/seats/seats-left";
import { requirePlanManagerPage } from "@/lib/plans/pages";
import { seatHelp } from "@/lib/seats/seat-help";
import { seatUsage } from "@/lib/seats/seat-usage";
import { db } from "@/db/client";

export const metadata: Metadata = { title: "Add User To Plan" };

/**
 * SPEC P3: add an existing member who is not on the plan, or invite a new person who is on the
 * plan at once. Only on plans that allow several users; only for the plan's managers (P7).
 */
export default async function AddUserToPlanPage({ params }: { params: Promise<{ org: string; plan: string }> }) {
  const { org, plan: planId } = await params;
  const { ctx, plan } = await requirePlanManagerPage(org, planId);
  if (!planAllowsAddingUsers(plan.userMode)) notFound();
  const full = seatsFull(plan.usage);
  const mayInvite = canInviteToPlan({ userId: ctx.user.id, role: ctx.membership.role }, plan.subscriberId);
  const back = `/o/${ctx.org.slug}/plans/${plan.id}/users`;
  // #14.8: inviting a new person also takes a seat of the organization; at the limit, say the way on.
  const orgSeats = mayInvite
    ? await seatHelp(db, { orgId: ctx.org.id, orgSlug: ctx.org.slug, role: ctx.membership.role }, await seatUsage(db, ctx.org.id))
    : null;
  return (
    <>
      <PageHeader
        title="Add User To Plan"
        description={
          <span data-testid="plan-seat-meter">
            {plan.productName}: {planSeatMeter(plan.userMode, plan.usage)}
            {plan.usage.limit === null ? "" : ` — ${planSeatBreakdown(plan.usage)}`}
          </span>
        }
        actions={
          <Link href={back} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Manage Users
          </Link>
        }
      />
      {full ? (
        <p role="status" className="mb-4 max-w-4xl rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          Every seat of {plan.productName} is taken. Raise the plan&apos;s seats on Manage Users, or remove someone first.
        </p>
      ) : null}
      <div className="grid max-w-4xl gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="text-base font-semibold text-gray-900">Add an existing user</h2>
          <p className="mb-4 mt-1 text-sm text-gray-600">They start using {plan.productName} right away, with its default permissions.</p>
          <AddExistingMemberForm orgSlug={ctx.org.slug} planId={plan.id} productName={plan.productName} disabled={full} mayInvite={mayInvite} />
        </Card>
        <Card className="p-6" id="invite-new-person">
          <h2 className="text-base font-semibold text-gray-900">Invite a new person</h2>
          {mayInvite ? (
            <>
              <p className="mb-4 mt-1 text-sm text-gray-600">
                They are on {plan.productName} at once and hold a plan seat and a seat of {ctx.org.name} until the invitation is accepted,
                revoked or expires.
              </p>
              {orgSeats ? <SeatLimitNotice help={orgSeats} className="mb-4" /> : null}
              <InviteToPlanForm orgSlug={ctx.org.slug} planId={plan.id} disabled={full} />
            </>
          ) : (
            <p className="mt-1 text-sm text-gray-600">
              Only Admins and Managers invite new people to {ctx.org.name}. Pick an existing member, or ask an Admin to invite the person
              first.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
