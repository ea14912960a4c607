import { Download } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { MemberContext } from "@/lib/auth/session";
import { canExportMemberSurveys } from "@/lib/permissions";
import { countMemberSurveys } from "@/lib/surveys/queries";

/**
 * SPEC S3 on a member's profile: an Admin or Manager downloads the member's surveys and their
 * responses (CSV or JSON) — the Ecobot pre-deletion checklist's "Download necessary data". A
 * server component of its own, beside the profile form.
 */
export async function MemberSurveysExport({ ctx, member }: { ctx: MemberContext; member: { userId: string; label: string } }) {
  if (!canExportMemberSurveys(ctx.membership.role)) return null;
  const owned = await countMemberSurveys(ctx, member.userId);
  const api = `/api/orgs/${ctx.org.slug}/members/${member.userId}/surveys`;
  const link = "inline-flex items-center gap-1.5 rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50";
  return (
    <Card className="mt-6 max-w-2xl p-6">
      <section aria-labelledby="member-surveys-heading" className="space-y-3">
        <h2 id="member-surveys-heading" className="text-base font-semibold text-gray-900">
          Surveys
        </h2>
        <p className="text-sm text-gray-600">
          {member.label} owns {owned} survey{owned === 1 ? "" : "s"} here.{" "}
          {owned ? (
            <>
              Before deleting {member.label}, download {owned === 1 ? "it" : "them"} with every response, or{" "}
              <Link href={`/o/${ctx.org.slug}/surveys?owner=${member.userId}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                see and transfer their surveys
              </Link>
              .
            </>
          ) : (
            "There is nothing to download."
          )}
        </p>
        {owned ? (
          <div className="flex flex-wrap gap-2">
            <a href={`${api}.csv`} download className={link}>
              <Download aria-hidden className="h-4 w-4" /> Download CSV
            </a>
            <a href={`${api}.json`} download className={link}>
              <Download aria-hidden className="h-4 w-4" /> Download JSON
            </a>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
