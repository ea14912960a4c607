import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listSurveys } from "@/lib/surveys/queries";
import { canTransferSurvey } from "@/lib/permissions";
import { TransferSurveyForm } from "@/components/surveys/transfer-survey-form";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  const surveys = await listSurveys(ctx);
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
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
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
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
                  <Td>
                    {canTransferSurvey(actor, s.ownerId) ? (
                      <TransferSurveyForm
                        orgSlug={ctx.org.slug}
                        surveyId={s.id}
                        surveyTitle={s.title}
                        ownerId={s.ownerId}
                      />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
