import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiTokenRow } from "@/lib/api-tokens/queries";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format";
import { roleLabels } from "@/lib/permissions";

/**
 * K1: the tokens of one kind (API or SCIM), listed by prefix — never their value — with who made
 * them, when they were last used and when they expire; a live one has the page's Revoke control.
 */
export function TokensTable({
  label,
  tokens,
  now,
  showRole,
  revoke,
}: {
  label: string;
  tokens: ApiTokenRow[];
  now: Date;
  showRole: boolean;
  revoke: (token: ApiTokenRow) => ReactNode;
}) {
  return (
    <Table aria-label={label}>
      <thead className="bg-gray-50">
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          {showRole ? <Th>Role</Th> : null}
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
              {showRole ? <Td>{roleLabels[t.role]}</Td> : null}
              <Td>{t.creatorName || t.creatorEmail || "A former member"}</Td>
              <Td>{formatDate(t.createdAt)}</Td>
              <Td>
                {t.lastUsedAt ? (
                  <time dateTime={t.lastUsedAt.toISOString()} title={formatDateTime(t.lastUsedAt)}>
                    {formatRelative(t.lastUsedAt, now)}
                  </time>
                ) : (
                  "Never"
                )}
              </Td>
              <Td>{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</Td>
              <Td className="text-right">{t.revokedAt ? <Badge tone="red">Revoked</Badge> : expired ? <Badge tone="amber">Expired</Badge> : revoke(t)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
