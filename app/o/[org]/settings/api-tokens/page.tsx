import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/api-tokens/api-token-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TokensTable } from "@/components/api-tokens/tokens-table";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { requireMemberPage } from "@/lib/auth/session";
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
          <TokensTable
            label="API tokens"
            tokens={tokens}
            now={now}
            showRole
            revoke={(t) => <RevokeApiTokenButton orgSlug={ctx.org.slug} tokenId={t.id} name={t.name} />}
          />
        )}
      </Card>
    </>
  );
}
