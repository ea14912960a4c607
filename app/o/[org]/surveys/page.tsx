import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listSurveys } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const surveys = await listSurveys(ctx);
  return (
    <>
      <PageHeader title="Surveys" description="Every survey of the organization, with its owner and who has it checked out." />
      <Card>
        {surveys.length === 0 ? (
          <EmptyState title="No surveys yet" />
        ) : (
          <Table aria-label="Surveys">
            <thead className="bg-gray-50">
              <tr>
                <Th>Title</Th>
                <Th>Owner</Th>
                <Th>Checked out by</Th>
                <Th>Responses</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {surveys.map((s) => (
                <tr key={s.id}>
                  <Td className="font-medium text-gray-900">{s.title}</Td>
                  <Td>{s.ownerName ?? s.ownerEmail}</Td>
                  <Td>
                    {s.checkedOutByEmail ? (
                      <Badge tone="amber">{s.checkedOutByName ?? s.checkedOutByEmail}</Badge>
                    ) : (
                      <span className="text-gray-400">Checked in</span>
                    )}
                  </Td>
                  <Td>{s.responses ?? 0}</Td>
                  <Td>{formatDate(s.updatedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
