import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { listJoinRequests } from "@/lib/domains/join";
import { listDomains } from "@/lib/domains/manage-domains";
import { formatDateTime } from "@/lib/format";
import { canManageDomains } from "@/lib/permissions";
import { AddDomainForm } from "./add-domain-form";
import { answerJoinRequestAction, removeDomainAction } from "./actions";
import { JoinPolicyForm } from "./join-policy-form";

export const metadata: Metadata = { title: "Domains" };

/** SPEC D1, D2: the organization's email domains, their join policies and the requests to join (Admins). */
export default async function DomainsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageDomains(ctx.membership.role)) forbidden();
  const [domains, requests] = await Promise.all([listDomains(ctx), listJoinRequests(ctx)]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Domains"
        description={`Email domains of ${ctx.org.name}. A verified domain can let its people join by themselves and sign in through single sign-on; an unverified one does nothing.`}
      />
      {requests.length ? (
        <Card className="mb-6 overflow-hidden">
          <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold text-gray-900">Requests to join</h2>
          <ul className="divide-y divide-gray-100" aria-label="Requests to join">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-gray-900">{r.name ?? r.email}</span>{" "}
                  <span className="text-gray-500">
                    {r.name ? `${r.email} · ` : ""}asked {formatDateTime(r.createdAt)}
                  </span>
                </span>
                <span className="flex gap-2">
                  <ActionButton action={answerJoinRequestAction} fields={{ org: ctx.org.slug, requestId: r.id, answer: "approve" }} variant="primary" size="sm" aria-label={`Approve ${r.email}`}>
                    Approve
                  </ActionButton>
                  <ActionButton action={answerJoinRequestAction} fields={{ org: ctx.org.slug, requestId: r.id, answer: "decline" }} size="sm" aria-label={`Decline ${r.email}`}>
                    Decline
                  </ActionButton>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="mb-6 overflow-hidden">
        {domains.length ? (
          <Table>
            <thead>
              <tr>
                <Th>Domain</Th>
                <Th>Status</Th>
                <Th>Who may join</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {domains.map((d) => {
                const expired = d.status === "pending" && (!d.linkExpiresAt || d.linkExpiresAt <= now);
                return (
                  <tr key={d.id}>
                    <Td className="font-medium text-gray-900">{d.domain}</Td>
                    <Td>
                      {d.status === "verified" ? (
                        <Badge tone="green">Verified</Badge>
                      ) : (
                        <span className="space-y-1">
                          <Badge tone={expired ? "red" : "amber"}>{expired ? "Link expired" : "Waiting for the link"}</Badge>
                          <span className="block text-xs text-gray-500">
                            Sent to {d.verificationEmail}
                            {d.linkExpiresAt && !expired ? `, until ${formatDateTime(d.linkExpiresAt)}` : ""}. Add it again to send a new link.
                          </span>
                        </span>
                      )}
                    </Td>
                    <Td>
                      {d.status === "verified" ? (
                        <JoinPolicyForm orgSlug={ctx.org.slug} domainId={d.id} domain={d.domain} current={d.joinPolicy} />
                      ) : (
                        <span className="text-xs text-gray-500">After verification</span>
                      )}
                    </Td>
                    <Td className="text-right">
                      <ActionButton action={removeDomainAction} fields={{ org: ctx.org.slug, domainId: d.id }} size="sm" aria-label={`Remove ${d.domain}`}>
                        Remove
                      </ActionButton>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        ) : (
          <EmptyState title="No domains yet">Add your company&apos;s email domain below.</EmptyState>
        )}
      </Card>
      <Card className="max-w-3xl p-6">
        <h2 className="mb-1 text-base font-semibold text-gray-900">Add a domain</h2>
        <p className="mb-4 text-sm text-gray-600">
          We email a link to an address at the domain; opening it proves the address is yours and verifies the domain. Public mail
          domains (gmail.com, outlook.com …) cannot be added, and a domain belongs to one organization at a time.
        </p>
        <AddDomainForm orgSlug={ctx.org.slug} />
      </Card>
    </>
  );
}
