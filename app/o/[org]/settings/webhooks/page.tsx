import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { canManageWebhooks } from "@/lib/permissions";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { webhookEventDescriptions, webhookEventTypes } from "@/lib/webhooks/events";
import { enableWebhookEndpointAction } from "./actions";
import { AddEndpointForm } from "./add-endpoint-form";
import { DeleteEndpointButton } from "./delete-endpoint-button";

export const metadata: Metadata = { title: "Webhooks" };

/** SPEC W1, W2: the organization's webhook endpoints, for Admins. */
export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageWebhooks(ctx.membership.role)) forbidden();
  const endpoints = await listWebhookEndpoints(ctx);
  const base = `/o/${ctx.org.slug}/settings/webhooks`;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Seatwise tells your other tools what changes in ${ctx.org.name}: each event is sent to the endpoints that want it, signed per Standard Webhooks, and retried for about three days.`}
      />
      <div className="space-y-6">
        <Card>
          <h2 className="border-b border-gray-200 px-6 py-4 text-base font-semibold text-gray-900">Endpoints</h2>
          {endpoints.length ? (
            <ul className="divide-y divide-gray-200">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="flex flex-col gap-3 px-6 py-4 lg:flex-row lg:items-start lg:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="break-all font-mono text-sm text-gray-900">{endpoint.url}</p>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
                      {endpoint.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
                      <span>
                        {endpoint.events.length === webhookEventTypes.length ? "All events" : `${endpoint.events.length} event${endpoint.events.length === 1 ? "" : "s"}`}
                      </span>
                      <span aria-hidden>·</span>
                      <span>Added {formatDateTime(endpoint.createdAt)}{endpoint.createdBy ? ` by ${endpoint.createdBy}` : ""}</span>
                      {endpoint.lastSuccessAt ? (
                        <>
                          <span aria-hidden>·</span>
                          <span>Last delivered {formatDateTime(endpoint.lastSuccessAt)}</span>
                        </>
                      ) : null}
                    </p>
                    {!endpoint.enabled && endpoint.disabledReason ? (
                      <p className="text-sm text-red-700">Disabled {endpoint.disabledAt ? formatDateTime(endpoint.disabledAt) : ""}: {endpoint.disabledReason}</p>
                    ) : null}
                  </div>
                  <div className="flex shrink-0 flex-wrap items-start gap-2">
                    <Link
                      href={`${base}/${endpoint.id}`}
                      className="inline-flex items-center rounded-md px-2.5 py-1 text-xs font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
                      aria-label={`Delivery log of ${endpoint.url}`}
                    >
                      Delivery log
                    </Link>
                    {!endpoint.enabled ? (
                      <ActionButton action={enableWebhookEndpointAction} fields={{ org: ctx.org.slug, endpointId: endpoint.id }} size="sm" pendingLabel="Enabling…">
                        Re-enable
                      </ActionButton>
                    ) : null}
                    <DeleteEndpointButton orgSlug={ctx.org.slug} endpointId={endpoint.id} url={endpoint.url} />
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No endpoints yet">Add one below to receive events.</EmptyState>
          )}
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold text-gray-900">Add an endpoint</h2>
          <AddEndpointForm orgSlug={ctx.org.slug} events={webhookEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] }))} />
        </Card>
      </div>
    </>
  );
}
