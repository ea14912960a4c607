import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PlanUsersTable, type PlanUserRow } from "@/components/plans/plan-users-table";
import { SeatsForm } from "@/components/plans/seats-form";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { canChangePlanSeats, canEditPlanUserPermissions, canRemoveFromPlan, planAllowsAddingUsers } from "@/lib/permissions";
import { planSeatBreakdown, planSeatMeter } from "@/lib/plans/format";
import { seatsFull } from "@/lib/seats/seats-left";
import { requirePlanManagerPage } from "@/lib/plans/pages";
import { listPlanUsers } from "@/lib/plans/queries";
import { pageParam, parseSearchParams, textParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Manage Users" };

const searchSchema = z.object({ q: textParam(100), page: pageParam });

/**
 * Manage Users of a plan (SPEC P3–P7): the plan's users and invitees with their permissions and
 * an Actions menu each; Add User To Plan on plans that allow several users; the plan's seats.
 * Paginated and searched in the database; one client component for the whole table.
 */
export default async function ManagePlanUsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; plan: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, plan: planId }, raw] = await Promise.all([params, searchParams]);
  const { ctx, plan } = await requirePlanManagerPage(org, planId);
  const sp = parseSearchParams(searchSchema, raw);
  const list = await listPlanUsers(ctx, plan, { q: sp.q, page: sp.page });
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const base = `/o/${ctx.org.slug}/plans/${plan.id}`;
  const pageHref = (p: number) => `${base}/users?${new URLSearchParams({ ...(list.q ? { q: list.q } : {}), page: String(p) })}`;
  const subscriberName = plan.subscriberName ?? plan.subscriberEmail;
  const rows: PlanUserRow[] = list.rows.map((row) => ({
    planUserId: row.planUserId,
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    status: row.isSubscriber
      ? "subscriber"
      : row.invitation
        ? row.invitation.state === "pending"
          ? "invited"
          : "expired"
        : row.status === "suspended"
          ? "suspended"
          : "active",
    granted: row.granted,
    preview: row.preview,
    canEdit: canEditPlanUserPermissions(actor, plan.subscriberId, row.userId),
    canRemove: canRemoveFromPlan(actor, plan.subscriberId, row.userId),
  }));
  const full = seatsFull(plan.usage);
  return (
    <>
      <PageHeader
        title={`Manage Users — ${plan.productName}`}
        description={
          <span data-testid="plan-seat-meter">
            {planSeatMeter(plan.userMode, plan.usage)}
            {plan.userMode === "single" ? "" : ` — ${planSeatBreakdown(plan.usage)}`} · Subscriber: {subscriberName}
          </span>
        }
        actions={
          <>
            <Link href={`/o/${ctx.org.slug}/subscriptions`} className={buttonClass("secondary")}>
              My Subscriptions
            </Link>
            {planAllowsAddingUsers(plan.userMode) ? (
              <Link href={`${base}/users/add`} className={buttonClass("primary")}>
                Add User To Plan
              </Link>
            ) : null}
          </>
        }
      />
      {plan.userMode === "several" && canChangePlanSeats(actor, plan.subscriberId) ? (
        <Card className="mb-4 flex flex-wrap items-end justify-between gap-4 p-4">
          <p className="max-w-md text-sm text-gray-600">
            {full
              ? "Every seat of this plan is taken. Raise its seats to add someone, or remove someone first."
              : "Each plan user and each pending plan invitation holds one seat. Seats never go below those in use."}
          </p>
          <SeatsForm orgSlug={ctx.org.slug} planId={plan.id} seats={plan.seats ?? 1} />
        </Card>
      ) : null}
      <Card>
        {plan.userMode === "single" ? null : (
          <form role="search" className="flex gap-2 border-b border-gray-200 p-4" action={`${base}/users`}>
            <label htmlFor="plan-user-search" className="sr-only">
              Search plan users by name or email
            </label>
            <input
              id="plan-user-search"
              name="q"
              type="search"
              defaultValue={list.q}
              maxLength={100}
              placeholder="Search by name or email"
              className={`${inputClass} max-w-sm`}
            />
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
          </form>
        )}
        {rows.length === 0 ? (
          <EmptyState title={list.q ? "Nobody on this plan matches your search" : "Nobody on this plan yet"}>
            {list.q ? "Try another name or email." : "Add users to share the work."}
          </EmptyState>
        ) : (
          <PlanUsersTable
            orgSlug={ctx.org.slug}
            planId={plan.id}
            productName={plan.productName}
            subscriberPossessive={plan.subscriberId === ctx.user.id ? "your" : `${subscriberName}'s`}
            permissionLabels={Object.fromEntries(plan.permissions.map((p) => [p.key, p.label]))}
            rows={rows}
          />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} summary={`${list.total} on the plan`} />
      </Card>
    </>
  );
}
