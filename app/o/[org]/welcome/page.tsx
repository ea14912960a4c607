import { PartyPopper } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { welcomeFor } from "@/lib/orgs/welcome";
import { roleLabels } from "@/lib/permissions";

export const metadata: Metadata = { title: "Welcome" };

/**
 * Where an accepted invitation lands (I4): "You joined <organization>", as whom, invited by whom,
 * the plans the invitation put them on (P3), and what to do next.
 */
export default async function WelcomePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const welcome = await welcomeFor(ctx);
  const base = `/o/${ctx.org.slug}`;
  return (
    <Card className="mx-auto max-w-2xl p-6 sm:p-8">
      <PartyPopper aria-hidden className="h-10 w-10 text-indigo-500" />
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-gray-900">You joined {ctx.org.name}</h1>
      <p className="mt-2 text-sm text-gray-600">
        You are a member as <Badge tone={ctx.membership.role === "admin" ? "indigo" : "gray"}>{roleLabels[ctx.membership.role]}</Badge>
        {welcome.invitedBy ? <>, invited by {welcome.invitedBy}</> : null}
        {welcome.joinedAt ? <> · since {formatDate(welcome.joinedAt)}</> : null}.
      </p>
      {welcome.plans.length ? (
        <section aria-labelledby="welcome-plans" className="mt-6">
          <h2 id="welcome-plans" className="text-sm font-semibold text-gray-900">
            Your plans
          </h2>
          <ul className="mt-2 divide-y divide-gray-100 rounded-md ring-1 ring-gray-200">
            {welcome.plans.map((plan) => (
              <li key={plan.planId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-gray-900">{plan.productName}</span>
                  <span className="block text-xs text-gray-500">{plan.productDescription}</span>
                </span>
                <Link href={`${base}/plans/${plan.planId}`} className={buttonClass("secondary", undefined, "sm")}>
                  Open {plan.productName}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!welcome.hasName ? (
        <p className="mt-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          Your teammates see your email address until you add your name.{" "}
          <Link href={`/account?org=${encodeURIComponent(ctx.org.slug)}`} className="font-semibold underline">
            Add your name
          </Link>
        </p>
      ) : null}
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href={`${base}/users`} className={buttonClass("primary")}>
          Go to Users
        </Link>
        <Link href={`${base}/subscriptions`} className={buttonClass("secondary")}>
          My Subscriptions
        </Link>
        <Link href={`${base}/inbox`} className={buttonClass("secondary")}>
          Inbox
        </Link>
      </div>
    </Card>
  );
}
