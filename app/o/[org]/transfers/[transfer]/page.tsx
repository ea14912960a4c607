import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CancelTransferForm } from "@/components/plans/transfer-forms";
import { AnswerTransfer } from "@/components/transfers/answer-transfer";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { enumParam, parseSearchParams } from "@/lib/search-params";
import { findTransfer } from "@/lib/transfers/queries";
import { transferStateLabels } from "@/lib/transfers/transfer-state";

export const metadata: Metadata = { title: "Transfer request" };

/**
 * The page a transfer email's Accept and Decline open (O1, O2): it shows the request and asks for
 * the answer with a POST (a link in an email never changes anything by itself). The recipient
 * answers; the subscriber who sent it can cancel it. Anyone else gets 404.
 */
export default async function TransferPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; transfer: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, transfer: transferId }, raw] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  if (!z.uuid().safeParse(transferId).success) notFound();
  const transfer = await findTransfer(ctx, transferId);
  if (!transfer) notFound();
  const { answer } = parseSearchParams(z.object({ answer: enumParam(["accept", "decline"] as const) }), raw);
  const fromName = transfer.fromName ?? transfer.fromEmail;
  const toName = transfer.toName ?? transfer.toEmail ?? `${transfer.invitedEmail} (invited)`;
  const isRecipient = transfer.toUserId === ctx.user.id;
  const live = transfer.effectiveState === "pending";
  const planHref = `/o/${ctx.org.slug}/plans/${transfer.planId}`;
  return (
    <>
      <PageHeader
        title={`Transfer of ${transfer.productName}`}
        description={isRecipient ? `${fromName} asks you to become the subscriber of ${transfer.productName}.` : `You asked ${toName} to take over ${transfer.productName}.`}
        actions={
          <Link href={`/o/${ctx.org.slug}/inbox`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Inbox
          </Link>
        }
      />
      <Card className="max-w-2xl p-6">
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-3 text-sm">
          <dt className="text-gray-500">Plan</dt>
          <dd className="font-medium text-gray-900">{transfer.productName}</dd>
          <dt className="text-gray-500">From</dt>
          <dd className="text-gray-900">{fromName}</dd>
          <dt className="text-gray-500">To</dt>
          <dd className="text-gray-900">{toName}</dd>
          <dt className="text-gray-500">Sent</dt>
          <dd className="text-gray-900">{formatDateTime(transfer.createdAt)}</dd>
          {live || transfer.effectiveState === "expired" ? (
            <>
              <dt className="text-gray-500">{live ? "Expires" : "Expired on"}</dt>
              <dd className="text-gray-900">{formatDate(transfer.expiresAt)}</dd>
            </>
          ) : transfer.resolvedAt ? (
            <>
              <dt className="text-gray-500">Answered</dt>
              <dd className="text-gray-900">{formatDateTime(transfer.resolvedAt)}</dd>
            </>
          ) : null}
          <dt className="text-gray-500">Status</dt>
          <dd>
            <Badge tone={live ? "amber" : transfer.effectiveState === "accepted" ? "green" : "gray"}>{transferStateLabels[transfer.effectiveState]}</Badge>
          </dd>
        </dl>
        <div className="mt-6 border-t border-gray-100 pt-5">
          {live && isRecipient ? (
            <>
              <p className="mb-3 text-sm text-gray-600">
                As the subscriber you manage the plan&apos;s users and their permissions. {fromName} stays on it as a regular user.
              </p>
              <AnswerTransfer orgSlug={ctx.org.slug} transferId={transfer.id} planHref={planHref} intent={answer ?? null} />
            </>
          ) : live ? (
            <CancelTransferForm orgSlug={ctx.org.slug} transferId={transfer.id} toName={toName} />
          ) : isRecipient && transfer.effectiveState === "accepted" ? (
            <p role="status" className="text-sm text-gray-700">
              You are now the subscriber of {transfer.productName}.{" "}
              <Link href={planHref} className="font-medium text-indigo-600 hover:text-indigo-500">
                Open the plan
              </Link>
            </p>
          ) : isRecipient && transfer.effectiveState === "declined" ? (
            <p role="status" className="text-sm text-gray-700">
              You declined {transfer.productName}. {fromName} remains its subscriber.
            </p>
          ) : (
            <p className="text-sm text-gray-600">This request can no longer be answered.</p>
          )}
        </div>
      </Card>
    </>
  );
}
