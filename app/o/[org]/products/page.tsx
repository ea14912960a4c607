import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { SubscribeForm } from "@/components/plans/subscribe-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requireMemberPage } from "@/lib/auth/session";
import { canSubscribe, canSubscribeToProduct } from "@/lib/permissions";
import { planSeatBreakdown, planSeatMeter, userModeLabels } from "@/lib/plans/format";
import { listOrgPlans, listProducts } from "@/lib/plans/queries";
import { defaultPlanSeats, planSeatsHint } from "@/lib/tiers";

export const metadata: Metadata = { title: "Products" };

/**
 * SPEC P1: the products of §5 and the organization's plans. Admins subscribe (Service only in a
 * supplier organization); each plan links to Manage Users and Transfer Ownership.
 */
export default async function ProductsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canSubscribe(ctx.membership.role)) forbidden();
  const [products, plans] = await Promise.all([listProducts(), listOrgPlans(ctx)]);
  const base = `/o/${ctx.org.slug}/plans`;
  return (
    <>
      <PageHeader
        title="Products"
        description={`Subscribe ${ctx.org.name} to a product: you become the plan's subscriber, and decide who uses it.`}
      />
      <ul className="grid gap-4 lg:grid-cols-2" aria-label="Products">
        {products.map((product) => {
          const plan = plans.find((p) => p.productId === product.id);
          const allowed = canSubscribeToProduct(ctx.membership.role, ctx.org.kind, product);
          return (
            <li key={product.id}>
              <Card className="flex h-full flex-col p-5" aria-labelledby={`product-${product.id}`}>
                <div className="flex items-start justify-between gap-3">
                  <div>
                    <h2 id={`product-${product.id}`} className="text-base font-semibold text-gray-900">
                      {product.name}
                    </h2>
                    <p className="mt-0.5 text-sm text-gray-600">{product.description}</p>
                  </div>
                  {plan ? <Badge tone="green">Subscribed</Badge> : product.supplierOnly ? <Badge tone="amber">Suppliers only</Badge> : null}
                </div>
                <p className="mt-3 text-xs font-medium uppercase tracking-wide text-gray-500">{userModeLabels[product.userMode]}</p>
                <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={`Permissions of ${product.name}`}>
                  {product.permissions.map((p) => (
                    <li key={p.key} title={p.description}>
                      <Badge>{p.label}</Badge>
                    </li>
                  ))}
                </ul>
                <div className="mt-auto pt-4">
                  {plan ? (
                    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4">
                      <div className="text-sm">
                        <p className="text-gray-900">
                          Subscriber: <span className="font-medium">{plan.subscriberName ?? plan.subscriberEmail}</span>
                        </p>
                        <p className="text-gray-600">
                          {planSeatMeter(plan.userMode, plan.usage)}
                          {plan.userMode === "single" ? "" : ` — ${planSeatBreakdown(plan.usage)}`}
                        </p>
                      </div>
                      <div className="flex gap-2">
                        <Link href={`${base}/${plan.id}/users`} className={buttonClass("secondary", undefined, "sm")} aria-label={`Manage Users of ${product.name}`}>
                          Manage Users
                        </Link>
                        <Link href={`${base}/${plan.id}/transfer`} className={buttonClass("secondary", undefined, "sm")} aria-label={`Transfer Ownership of ${product.name}`}>
                          Transfer Ownership
                        </Link>
                      </div>
                    </div>
                  ) : allowed ? (
                    <div className="border-t border-gray-100 pt-4">
                      <SubscribeForm
                        orgSlug={ctx.org.slug}
                        productId={product.id}
                        productName={product.name}
                        asksSeats={product.userMode === "several"}
                        defaultSeats={defaultPlanSeats(ctx.org.tier)}
                        seatsHint={planSeatsHint(ctx.org.tier)}
                      />
                    </div>
                  ) : (
                    <p className="border-t border-gray-100 pt-4 text-sm text-gray-500">
                      Available to supplier organizations, which a client invites to Seatwise.
                    </p>
                  )}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
