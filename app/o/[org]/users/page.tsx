import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { requireMemberPage } from "@/lib/auth/session";
import { displayName } from "@/lib/format";
import { listMembers } from "@/lib/members/queries";
import { MembersTable, type MemberRowData } from "@/components/members/members-table";
import { buttonClass } from "@/components/ui/button";
import { assignableRoles, canDeleteMember, canEditProfile, canManageUsers, canSuspendMember } from "@/lib/permissions";
import { tierLabels } from "@/lib/tiers";
import { pageParam, parseSearchParams, textParam } from "@/lib/search-params";
import { z } from "zod";

const paramsSchema = z.object({ q: textParam(100), page: pageParam });

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  const query = parseSearchParams(paramsSchema, sp);
  const { rows, total, page, pageCount, q, seats } = await listMembers(ctx, { q: query.q, page: query.page });
  const base = `/o/${ctx.org.slug}/users`;
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const meter =
    seats.limit === null
      ? `${seats.used} seats used (${tierLabels[seats.tier]}: unlimited)`
      : `${seats.used} of ${seats.limit} seats used`;
  return (
    <>
      <PageHeader
        title="Users"
        description={
          <span data-testid="seat-meter">
            {meter} — {seats.members} member{seats.members === 1 ? "" : "s"}, {seats.pendingInvitations} pending invitation
            {seats.pendingInvitations === 1 ? "" : "s"} · {tierLabels[seats.tier]} tier
          </span>
        }
        actions={
          canManageUsers(ctx.membership.role) ? (
            <>
              <Link href={`/o/${ctx.org.slug}/invites`} className={buttonClass("secondary")}>
                Manage Invites
              </Link>
              <Link href={`/o/${ctx.org.slug}/users/invite`} className={buttonClass("primary")}>
                Invite Teammate
              </Link>
            </>
          ) : null
        }
      />
      <Card>
        <form role="search" className="flex gap-2 border-b border-gray-200 p-4" action={base}>
          <label htmlFor="member-search" className="sr-only">
            Search by name or email
          </label>
          <input
            id="member-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder="Search by name or email"
            className={`${inputClass} max-w-sm`}
          />
          <button type="submit" className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
            Search
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={q ? "No members match your search" : "No members yet"}>
            {q ? "Try another name or email." : "Invite teammates to share the work."}
          </EmptyState>
        ) : (
          <MembersTable
            orgSlug={ctx.org.slug}
            orgName={ctx.org.name}
            rows={rows.map((m): MemberRowData => {
              const target = { userId: m.userId, role: m.role, status: m.status };
              return {
                userId: m.userId,
                name: displayName(m),
                email: m.email,
                phone: m.phone,
                role: m.role,
                status: m.status,
                you: m.userId === ctx.user.id,
                canEdit: canEditProfile(actor, target) || assignableRoles(actor, target).length > 1,
                canSuspend: canSuspendMember(actor, target),
                canDelete: canDeleteMember(actor, target),
                blocked: m.deleteBlockedReason,
                ownsSurveys: m.dependents.surveys > 0,
                planCount: m.planCount,
              };
            })}
          />
        )}
        <Pagination page={page} pageCount={pageCount} href={pageHref} summary={`${total} members`} />
      </Card>
    </>
  );
}
