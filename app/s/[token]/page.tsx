import type { Metadata } from "next";
import { findSurveyByShareToken } from "@/lib/surveys/queries";
import { AnswerForm } from "./answer-form";

export const metadata: Metadata = { title: "Survey", referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2">
        <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">S</span>
        <span className="text-xl font-semibold tracking-tight">Seatwise</span>
      </div>
      <div className="w-full max-w-2xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">{children}</div>
    </main>
  );
}

/**
 * A survey's public answer page: whoever has the share link answers, without signing in. A link
 * that was replaced or turned off reads like one that never existed. GET changes nothing.
 */
export default async function AnswerSurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const survey = await findSurveyByShareToken(token);
  if (!survey) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold text-gray-900">This survey link is not valid</h1>
        <p className="mt-3 text-sm text-gray-600">
          It may have been replaced by a newer link, turned off, or mistyped. Ask the person who sent it to you for the current link.
        </p>
      </Shell>
    );
  }
  return (
    <Shell>
      <p className="text-sm font-medium text-indigo-600">{survey.orgName}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">{survey.title}</h1>
      {survey.description ? <p className="mt-2 whitespace-pre-line text-sm text-gray-600">{survey.description}</p> : null}
      {survey.questions.length ? (
        <AnswerForm token={token} questions={survey.questions} />
      ) : (
        <p className="mt-6 text-sm text-gray-600">This survey has no questions yet. Please come back later.</p>
      )}
    </Shell>
  );
}
