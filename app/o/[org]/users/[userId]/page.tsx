import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { EditMemberForm } from "@/components/members/edit-member-form";
import { MemberSurveysExport } from "@/components/surveys/member-surveys-export";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { displayName } from "@/lib/format";
import { findMember } from "@/lib/members/queries";
import { findPendingEmailChange } from "@/lib/account/email-change";
import { ActionButton } from "@/components/ui/action-button";
import { formatDateTime } from "@/lib/format";
import { cancelEmailChangeAction } from "../actions";
import { assignableRoles, canEditProfile, roleLabels } from "@/lib/permissions";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditMemberPage({ params }: { params: Promise<{ org: string; userId: string }> }) {
  const { org, userId } = await params;
  const ctx = await requireMemberPage(org);
  if (!z.uuid().safeParse(userId).success) notFound();
  const member = await findMember(ctx, userId);
  if (!member) notFound();
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const target = { userId: member.userId, role: member.role, status: member.status };
  const roles = assignableRoles(actor, target);
  const profile = canEditProfile(actor, target);
  // A member of this organization they may not edit (R2, R3): 403 inside the shell, saying why.
  if (!profile && roles.length < 2) forbidden();
  const pending = profile ? await findPendingEmailChange(member.userId) : null;
  return (
    <>
      <PageHeader
        title={`Edit ${displayName(member)}`}
        description={
          <span className="inline-flex items-center gap-2">
            {member.email} <Badge tone={member.role === "admin" ? "indigo" : "gray"}>{roleLabels[member.role]}</Badge>
          </span>
        }
        actions={
          <Link href={`/o/${ctx.org.slug}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Users
          </Link>
        }
      />
      {pending ? (
        <div
          role="status"
          className="mb-4 flex max-w-2xl flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
        >
          <p>
            Email change pending confirmation to <strong>{pending.newEmail}</strong>. Until that link is followed by{" "}
            {member.userId === ctx.user.id ? "you" : displayName(member)}, signed in, the sign-in email stays {member.email}.{" "}
            <span className="text-amber-800">Link expires {formatDateTime(pending.expiresAt)}.</span>
          </p>
          <ActionButton action={cancelEmailChangeAction} fields={{ org: ctx.org.slug, userId: member.userId }} size="sm">
            Cancel email change
          </ActionButton>
        </div>
      ) : null}
      <Card className="max-w-2xl p-6">
        <EditMemberForm
          orgSlug={ctx.org.slug}
          member={{
            userId: member.userId,
            firstName: member.firstName ?? member.name ?? "",
            lastName: member.lastName ?? "",
            email: member.email,
            phone: member.phone ?? "",
            role: member.role,
          }}
          canEditProfile={profile}
          roles={roles}
          isSelf={member.userId === ctx.user.id}
        />
      </Card>
      <MemberSurveysExport ctx={ctx} member={{ userId: member.userId, label: displayName(member) }} />
    </>
  );
}
