import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/api-tokens/api-token-forms";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatRelative } from "@/lib/format";
import { canManageApiTokens, roleLabels, roles, roleWithin } from "@/lib/permissions";

export const metadata: Metadata = { title: "API tokens" };

/** SPEC K1: the organization's API tokens, for Admins. */
export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageApiTokens(ctx.membership.role)) forbidden();
  const tokens = await listApiTokens(ctx);
  const now = new Date();
  const grantable = roles.filter((r) => roleWithin(r, ctx.membership.role)).map((r) => ({ value: r, label: roleLabels[r] }));
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let your tools use the Seatwise API for {ctx.org.name}. A token acts as a member of its role — never above yours, and it
            stops working if you leave or lose that role. <Link href="/docs/api" className="font-medium text-indigo-700 underline">API reference</Link>
          </>
        }
      />
      <Card className="mb-6 p-6">
        <h2 className="mb-4 text-base font-semibold text-gray-900">Create a token</h2>
        <CreateApiTokenForm orgSlug={ctx.org.slug} roles={grantable} />
      </Card>
      <Card>
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above to connect a tool.</EmptyState>
        ) : (
          <Table aria-label="API tokens">
            <thead className="bg-gray-50">
              <tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Role</Th>
                <Th>Created by</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Expires</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {tokens.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt <= now;
                return (
                  <tr key={t.id}>
                    <Td className="font-medium text-gray-900">{t.name}</Td>
                    <Td className="font-mono text-xs">{t.prefix}…</Td>
                    <Td>{roleLabels[t.role]}</Td>
                    <Td>{t.creatorName || t.creatorEmail || "A former member"}</Td>
                    <Td>{formatDate(t.createdAt)}</Td>
                    <Td>{t.lastUsedAt ? formatRelative(t.lastUsedAt, now) : "Never"}</Td>
                    <Td>{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</Td>
                    <Td className="text-right">
                      {t.revokedAt ? (
                        <Badge tone="red">Revoked</Badge>
                      ) : expired ? (
                        <Badge tone="amber">Expired</Badge>
                      ) : (
                        <RevokeApiTokenButton orgSlug={ctx.org.slug} tokenId={t.id} name={t.name} />
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
