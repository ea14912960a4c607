import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, plural } from "@/lib/format";
import type { PushedGroup } from "@/lib/scim/settings-queries";

/**
 * The groups the identity provider pushed, with their member counts and what each does here (a
 * role, a plan's users, nothing) — the resolver of lib/scim/group-mapping.ts says it; this table
 * only shows it.
 */
export function PushedGroupsTable({ groups }: { groups: PushedGroup[] }) {
  if (!groups.length) {
    return (
      <EmptyState title="No groups pushed yet">
        Assign groups to the Seatwise app in your identity provider and push them (Okta: Push Groups; Entra ID: assign groups to the app).
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Pushed groups">
      <thead className="bg-gray-50">
        <tr>
          <Th>Group</Th>
          <Th>Members</Th>
          <Th>Means</Th>
          <Th>Pushed</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {groups.map((g) => (
          <tr key={g.id}>
            <Td className="font-medium text-gray-900">{g.displayName}</Td>
            <Td>{plural(g.members, "member")}</Td>
            <Td className="whitespace-normal">{g.meaning}</Td>
            <Td>{formatDate(g.createdAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
