import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EditMemberForm } from "@/components/members/edit-member-form";
import { MemberSurveysExport } from "@/components/surveys/member-surveys-export";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { displayName } from "@/lib/format";
import { findMember } from "@/lib/members/queries";
import { assignableRoles, canEditProfile, roleLabels } from "@/lib/permissions";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditMemberPage({ params }: { params: Promise<{ org: string; userId: string }> }) {
  const { org, userId } = await params;
  const ctx = await requireMemberPage(org);
  if (!z.uuid().safeParse(userId).success) notFound();
  const member = await findMember(ctx, userId);
  if (!member) notFound();
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const target = { userId: member.userId, role: member.role };
  const roles = assignableRoles(actor, target);
  const profile = canEditProfile(actor, target);
  if (!profile && roles.length < 2) notFound();
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
