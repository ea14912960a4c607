import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { canManageWebhooks } from "@/lib/permissions";
import { webhookDeliveryLog } from "@/lib/webhooks/queries";
import { replayWebhookDeliveryAction } from "../actions";

export const metadata: Metadata = { title: "Webhook delivery log" };

const statusTone = { delivered: "green", pending: "amber", failed: "red" } as const;
const statusLabel = { delivered: "Delivered", pending: "Retrying", failed: "Failed" } as const;

/** SPEC W1: one endpoint's delivery log — event, attempt, status code, duration, when — with Replay. */
export default async function WebhookLogPage({ params }: { params: Promise<{ org: string; endpoint: string }> }) {
  const { org, endpoint: endpointId } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageWebhooks(ctx.membership.role)) forbidden();
  const log = await webhookDeliveryLog(ctx, endpointId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { endpoint, entries } = log;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${ctx.org.slug}/settings/webhooks`} className="text-indigo-700 hover:underline">
          ← Webhooks
        </Link>
      </p>
      <PageHeader
        title="Delivery log"
        description={
          <>
            <span className="break-all font-mono">{endpoint.url}</span> ·{" "}
            {endpoint.enabled ? "enabled." : `disabled: ${endpoint.disabledReason ?? "it kept failing."}`} The newest 25 deliveries, each with every
            attempt.
          </>
        }
      />
      <Card>
        {entries.length ? (
          <Table aria-label="Deliveries">
            <thead className="bg-gray-50">
              <tr>
                <Th>Event</Th>
                <Th>Attempt</Th>
                <Th>Status code</Th>
                <Th>Duration</Th>
                <Th>When</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            {entries.map((entry) => {
              const rows = entry.attempts.length ? entry.attempts : [null];
              return (
                <tbody key={entry.id} className="border-t border-gray-200">
                  {rows.map((attempt, index) => (
                    <tr key={attempt?.attempt ?? "waiting"}>
                      {index === 0 ? (
                        <Td rowSpan={rows.length} className="align-top">
                          <span className="font-mono text-xs text-gray-900">{entry.type}</span>
                          <span className="mt-1 flex flex-wrap gap-1">
                            <Badge tone={statusTone[entry.status]}>{statusLabel[entry.status]}</Badge>
                            {entry.replay ? <Badge tone="indigo">Replay</Badge> : null}
                          </span>
                        </Td>
                      ) : null}
                      <Td>{attempt ? `#${attempt.attempt}` : "waiting"}</Td>
                      <Td>
                        {attempt ? (
                          attempt.statusCode !== null ? (
                            <span className={attempt.statusCode < 300 ? "text-green-700" : "text-red-700"}>{attempt.statusCode}</span>
                          ) : (
                            <span className="text-red-700">{attempt.error ?? "no answer"}</span>
                          )
                        ) : (
                          "—"
                        )}
                      </Td>
                      <Td>{attempt ? `${attempt.durationMs} ms` : "—"}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(attempt?.at ?? entry.createdAt)}</Td>
                      {index === 0 ? (
                        <Td rowSpan={rows.length} className="align-top">
                          {endpoint.enabled && entry.status !== "pending" ? (
                            <ActionButton
                              action={replayWebhookDeliveryAction}
                              fields={{ org: ctx.org.slug, deliveryId: entry.id }}
                              size="sm"
                              pendingLabel="Replaying…"
                              aria-label={`Replay ${entry.type} of ${formatDateTime(entry.createdAt)}`}
                            >
                              Replay
                            </ActionButton>
                          ) : null}
                        </Td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </Table>
        ) : (
          <EmptyState title="No deliveries yet">Events this endpoint wants will show here as they are sent.</EmptyState>
        )}
      </Card>
    </>
  );
}
