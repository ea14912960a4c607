import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TokensTable } from "@/components/api-tokens/tokens-table";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { canManageProvisioning, roleLabels, roles } from "@/lib/permissions";
import { scimBaseUrl } from "@/lib/scim/route";
import {
  activeAdmins,
  getDeprovisioning,
  listGroupMappings,
  listProvisioningEvents,
  listPushedGroups,
  listScimTokens,
  mappablePlans,
  PROVISIONING_EVENTS_SHOWN,
} from "@/lib/scim/settings-queries";
import { CopyValue } from "./copy-value";
import { DeprovisioningForm } from "./deprovisioning-form";
import { GroupMappingForm, RemoveGroupMappingButton } from "./group-mapping-forms";
import { PushedGroupsTable } from "./pushed-groups-table";
import { CreateScimTokenForm, RevokeScimTokenButton } from "./scim-token-forms";

export const metadata: Metadata = { title: "Provisioning (SCIM)" };

function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card>
        <div className="border-b border-gray-200 px-4 py-4 sm:px-6">
          <h2 id={id} className="text-base font-semibold text-gray-900">
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-gray-600">{description}</div> : null}
        </div>
        {children}
      </Card>
    </section>
  );
}

const personLabel = (p: { name: string | null; email: string | null }) => (p.name ? `${p.name} (${p.email})` : (p.email ?? "A former member"));

/**
 * Issue 17 (SPEC C1–C4): the organization's SCIM provisioning, for Admins — the base URL, the SCIM
 * tokens, the group mappings, the deprovisioning choice and the provisioning log.
 */
export default async function ScimSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageProvisioning(ctx.membership.role)) forbidden();
  const [tokens, mappings, groups, plans, admins, deprovisioning, events] = await Promise.all([
    listScimTokens(ctx),
    listGroupMappings(ctx),
    listPushedGroups(ctx),
    mappablePlans(ctx),
    activeAdmins(ctx),
    getDeprovisioning(ctx),
    listProvisioningEvents(ctx),
  ]);
  const now = new Date();
  const slug = ctx.org.slug;
  const transferTo = deprovisioning.transferTo;
  const stale = transferTo && !transferTo.applies ? transferTo : null;
  return (
    <>
      <PageHeader
        title="Provisioning (SCIM)"
        description={`Your identity provider (Okta, Microsoft Entra ID …) creates, suspends and removes members of ${ctx.org.name} through SCIM 2.0 — within your seats, and under the same rules as the Users page.`}
      />
      <div className="space-y-6">
        <Section id="scim-base-url" title="SCIM base URL" description="Paste it into your identity provider's SCIM app (Okta: SCIM connector base URL; Entra ID: Tenant URL).">
          <div className="px-4 py-4 sm:px-6">
            <CopyValue id="scim-base-url-value" label="SCIM base URL" labelHidden copyLabel="Copy the SCIM base URL" value={scimBaseUrl(slug)} />
            <p className="mt-2 text-xs text-gray-500">
              Okta: unique identifier <code>userName</code>, authentication mode HTTP Header. Entra ID: add <code className="whitespace-nowrap">?aadOptscim062020</code> to the Tenant
              URL for its standard PATCH shapes.
            </p>
          </div>
        </Section>

        <Section
          id="scim-tokens"
          title="SCIM tokens"
          description="The identity provider sends one as its bearer token (Okta: HTTP Header; Entra ID: Secret Token). A SCIM token acts as an Admin, and stops working if you leave or stop being one."
        >
          <div className="border-b border-gray-200 px-4 py-4 sm:px-6">
            <CreateScimTokenForm orgSlug={slug} />
          </div>
          {tokens.length === 0 ? (
            <EmptyState title="No SCIM tokens yet">Create one above and give it to your identity provider.</EmptyState>
          ) : (
            <TokensTable
              label="SCIM tokens"
              tokens={tokens}
              now={now}
              showRole={false}
              revoke={(t) => <RevokeScimTokenButton orgSlug={slug} tokenId={t.id} name={t.name} />}
            />
          )}
        </Section>

        <Section
          id="group-mappings"
          title="Group mappings"
          description={
            <>
              <p>
                Admins, Managers, Users map to roles; a group named like a plan maps to that plan&apos;s users (for example{" "}
                <span className="font-medium">{plans.find((p) => p.mappable)?.name ?? "PDoc Share"}</span>). Map any other group name here. Role changes follow the same
                rules as the Users page, and plan users need a free plan seat.
              </p>
            </>
          }
        >
          <div className="border-b border-gray-200 px-4 py-4 sm:px-6">
            <GroupMappingForm
              orgSlug={slug}
              roles={roles.map((r) => ({ value: `role:${r}`, label: roleLabels[r] }))}
              plans={plans.map((p) => ({ value: `plan:${p.id}`, label: p.name, disabled: !p.mappable, note: p.mappable ? undefined : "one user only" }))}
            />
          </div>
          <h3 className="px-4 pt-4 text-sm font-semibold text-gray-900 sm:px-6">Your mappings</h3>
          {mappings.length === 0 ? (
            <p className="px-4 pb-4 pt-1 text-sm text-gray-600 sm:px-6">None yet: only the default names have a meaning.</p>
          ) : (
            <Table aria-label="Group mappings">
              <thead className="bg-gray-50">
                <tr>
                  <Th>Group name</Th>
                  <Th>Maps to</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {mappings.map((m) => (
                  <tr key={m.id}>
                    <Td className="font-medium text-gray-900">{m.groupName}</Td>
                    <Td>{m.role ? `${roleLabels[m.role]} role` : `Users of ${m.plan ?? "a removed plan"}`}</Td>
                    <Td className="text-right">
                      <RemoveGroupMappingButton orgSlug={slug} mappingId={m.id} groupName={m.groupName} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <h3 className="border-t border-gray-200 px-4 pt-4 text-sm font-semibold text-gray-900 sm:px-6">Groups pushed by your identity provider</h3>
          <PushedGroupsTable groups={groups} />
        </Section>

        <Section
          id="deprovisioning"
          title="Deprovisioning"
          description="Deactivating someone in your identity provider suspends them here: they keep their seat and their work, and cannot sign in. Deleting them is Delete User."
        >
          <div className="space-y-4 px-4 py-4 sm:px-6">
            {stale ? (
              <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-300" data-testid="deprovisioning-warning">
                <p>
                  <span className="font-semibold">Warning:</span> the transfer to {personLabel(stale)} no longer applies — they are no longer an
                  active Admin of {ctx.org.name}. Until you choose another Admin, deletions are refused while the person owns surveys or subscribes
                  to a plan.
                </p>
              </div>
            ) : null}
            <DeprovisioningForm
              orgSlug={slug}
              admins={admins.map((a) => ({ userId: a.userId, label: personLabel(a) }))}
              current={{
                mode: transferTo && transferTo.applies ? "transfer" : "refuse",
                transferToUserId: transferTo && transferTo.applies ? transferTo.userId : null,
              }}
            />
          </div>
        </Section>

        <Section
          id="provisioning-events"
          title="Recent provisioning events"
          description={`The last ${PROVISIONING_EVENTS_SHOWN} requests from your identity provider that changed something or were refused, newest first.`}
        >
          {events.length === 0 ? (
            <EmptyState title="No provisioning events yet">They appear here once your identity provider starts sending changes.</EmptyState>
          ) : (
            <Table aria-label="Recent provisioning events">
              <thead className="bg-gray-50">
                <tr>
                  <Th>Result</Th>
                  <Th>Request</Th>
                  <Th>What happened</Th>
                  <Th>Time</Th>
                  <Th>Token</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {events.map((e) => {
                  const failed = e.status >= 400;
                  return (
                    <tr key={e.id} className={failed ? "bg-red-50/60" : undefined}>
                      {/* First, so a phone shows whether it failed before the table scrolls. */}
                      <Td>{failed ? <Badge tone="red">Error {e.status}</Badge> : <Badge tone="green">OK {e.status}</Badge>}</Td>
                      <Td className="font-mono text-xs">
                        {e.method} {e.path}
                      </Td>
                      <Td className={failed ? "min-w-64 whitespace-normal text-red-800" : "min-w-64 whitespace-normal"}>{e.summary}</Td>
                      <Td>
                        <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                      </Td>
                      <Td>{e.tokenName ?? "A deleted token"}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}
        </Section>
      </div>
    </>
  );
}
