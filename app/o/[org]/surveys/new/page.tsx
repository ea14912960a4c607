import type { Metadata } from "next";
import Link from "next/link";
import { NewSurveyForm } from "@/components/surveys/new-survey-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New survey" };

/** S1: every member creates surveys and becomes their owner. */
export default async function NewSurveyPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  return (
    <>
      <PageHeader
        title="New survey"
        description="You will own it, and it starts checked out to you so you can add its questions right away."
        actions={
          <Link href={`/o/${ctx.org.slug}/surveys`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Surveys
          </Link>
        }
      />
      <Card className="max-w-2xl p-6">
        <NewSurveyForm orgSlug={ctx.org.slug} />
      </Card>
    </>
  );
}
