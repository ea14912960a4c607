import type { Metadata } from "next";
import Link from "next/link";
import { PermissionsForm } from "@/components/plans/permissions-form";
import { PlanUserNav } from "@/components/plans/plan-user-nav";
import { Card, PageHeader } from "@/components/ui/card";
import { canEditPlanUserPermissions } from "@/lib/permissions";
import { requirePlanUserPage } from "@/lib/plans/plan-user-page";

export const metadata: Metadata = { title: "Edit User Permissions" };

/** Edit User Permissions (SPEC P4, P5): the product's own permissions; the subscriber always has all. */
export default async function EditPlanUserPermissionsPage({ params }: { params: Promise<{ org: string; plan: string; planUser: string }> }) {
  const { org, plan: planId, planUser } = await params;
  const { ctx, plan, place } = await requirePlanUserPage(org, planId, planUser);
  const base = `/o/${ctx.org.slug}/plans/${plan.id}/users/${place.planUserId}`;
  const editable = canEditPlanUserPermissions({ userId: ctx.user.id, role: ctx.membership.role }, plan.subscriberId, place.userId);
  return (
    <>
      <PageHeader
        title={`Edit User Permissions — ${place.displayName}`}
        description={`What ${place.displayName} may do in ${plan.productName}. Changes apply from their next click.`}
        actions={
          <Link href={`/o/${ctx.org.slug}/plans/${plan.id}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Manage Users
          </Link>
        }
      />
      <PlanUserNav base={base} current="permissions" hasAccount={Boolean(place.userId)} />
      <Card className="max-w-2xl p-6">
        {editable ? (
          <PermissionsForm orgSlug={ctx.org.slug} planId={plan.id} planUserId={place.planUserId} permissions={plan.permissions} granted={place.granted} />
        ) : (
          <p className="text-sm text-gray-600">
            {place.displayName} subscribes to {plan.productName} and always holds every permission of it. To change that, transfer the plan&apos;s
            ownership first.
          </p>
        )}
      </Card>
    </>
  );
}
