import type { Metadata } from "next";
import Link from "next/link";
import { PlanUserNav } from "@/components/plans/plan-user-nav";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { assignableRoles, canEditProfile, roleLabels } from "@/lib/permissions";
import { requirePlanUserPage } from "@/lib/plans/plan-user-page";

export const metadata: Metadata = { title: "User profile" };

/** Show User Profile (SPEC P4): who the plan user is, since when they use the plan, what they may do. */
export default async function PlanUserProfilePage({ params }: { params: Promise<{ org: string; plan: string; planUser: string }> }) {
  const { org, plan: planId, planUser } = await params;
  const { ctx, plan, place, isSubscriber } = await requirePlanUserPage(org, planId, planUser);
  const base = `/o/${ctx.org.slug}/plans/${plan.id}/users/${place.planUserId}`;
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const target = place.userId && place.role ? { userId: place.userId, role: place.role } : null;
  const mayEditProfile = target ? canEditProfile(actor, target) || assignableRoles(actor, target).length > 1 : false;
  const labels = new Map(plan.permissions.map((p) => [p.key, p]));
  return (
    <>
      <PageHeader
        title={place.displayName}
        description={`${plan.productName} · ${isSubscriber ? "Subscriber" : place.invitation ? "Invited" : "Plan user"}`}
        actions={
          <Link href={`/o/${ctx.org.slug}/plans/${plan.id}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Manage Users
          </Link>
        }
      />
      <PlanUserNav base={base} current="profile" hasAccount={Boolean(place.userId)} />
      <div className="grid max-w-4xl gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="text-base font-semibold text-gray-900">Profile</h2>
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-3 text-sm">
            <dt className="text-gray-500">Name</dt>
            <dd className="text-gray-900">{place.displayName}</dd>
            <dt className="text-gray-500">Email</dt>
            <dd className="break-all text-gray-900">{place.email}</dd>
            {place.userId ? (
              <>
                <dt className="text-gray-500">Phone</dt>
                <dd className="text-gray-900">{place.phone ?? <span className="text-gray-400">—</span>}</dd>
                <dt className="text-gray-500">Role</dt>
                <dd>{place.role ? <Badge tone={place.role === "admin" ? "indigo" : "gray"}>{roleLabels[place.role]}</Badge> : null}</dd>
                <dt className="text-gray-500">Status</dt>
                <dd>
                  <Badge tone={place.status === "suspended" ? "amber" : "green"}>{place.status === "suspended" ? "Suspended" : "Active"}</Badge>
                </dd>
              </>
            ) : place.invitation ? (
              <>
                <dt className="text-gray-500">Invitation</dt>
                <dd className="text-gray-900">
                  {place.invitation.state === "pending"
                    ? `Pending, expires ${formatDate(place.invitation.expiresAt)}`
                    : place.invitation.state === "expired"
                      ? `Expired ${formatDate(place.invitation.expiresAt)}: it holds no seat until it is sent again`
                      : place.invitation.state}
                </dd>
              </>
            ) : null}
            <dt className="text-gray-500">On the plan since</dt>
            <dd className="text-gray-900">{formatDate(place.addedAt)}</dd>
          </dl>
          {mayEditProfile && place.userId ? (
            <Link href={`/o/${ctx.org.slug}/users/${place.userId}`} className="mt-5 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Edit profile
            </Link>
          ) : null}
        </Card>
        <Card className="p-6">
          <h2 className="text-base font-semibold text-gray-900">Permissions on {plan.productName}</h2>
          {isSubscriber ? (
            <p className="mt-2 text-sm text-gray-600">As the subscriber, {place.displayName} always holds every permission.</p>
          ) : null}
          <ul className="mt-4 space-y-3 text-sm">
            {plan.permissions.map((p) => {
              const holds = isSubscriber || place.granted.includes(p.key);
              return (
                <li key={p.key} className="flex items-start gap-3">
                  <Badge tone={holds ? "green" : "gray"}>{holds ? "Yes" : "No"}</Badge>
                  <span>
                    <span className="font-medium text-gray-900">{labels.get(p.key)?.label}</span>
                    <span className="block text-xs text-gray-500">{p.description}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </Card>
      </div>
    </>
  );
}
