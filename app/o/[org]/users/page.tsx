import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { displayName } from "@/lib/format";
import { listMembers } from "@/lib/members/queries";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { buttonClass } from "@/components/ui/button";
import { assignableRoles, canDeleteMember, canEditProfile, canManageUsers, canSuspendMember, roleLabels } from "@/lib/permissions";
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
          <Table aria-label="Members">
            <thead className="bg-gray-50">
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Phone</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {rows.map((m) => {
                const target = { userId: m.userId, role: m.role, status: m.status };
                return (
                <tr key={m.userId}>
                  <Td className="font-medium text-gray-900">
                    {displayName(m)}
                    {m.userId === ctx.user.id ? <span className="ml-2 text-xs font-normal text-gray-500">(you)</span> : null}
                  </Td>
                  <Td>{m.email}</Td>
                  <Td>{m.phone ?? <span className="text-gray-400">—</span>}</Td>
                  <Td>
                    <Badge tone={m.role === "admin" ? "indigo" : "gray"}>{roleLabels[m.role]}</Badge>
                  </Td>
                  <Td>
                    <Badge tone={m.status === "active" ? "green" : "amber"}>{m.status === "active" ? "Active" : "Suspended"}</Badge>
                  </Td>
                  <Td className="text-right">
                    <MemberRowActions
                      orgSlug={ctx.org.slug}
                      orgName={ctx.org.name}
                      member={{ userId: m.userId, label: displayName(m), status: m.status, planCount: m.planCount }}
                      canEdit={canEditProfile(actor, target) || assignableRoles(actor, target).length > 1}
                      canDelete={canDeleteMember(actor, target)}
                      canSuspend={canSuspendMember(actor, target)}
                      deleteBlockedReason={m.deleteBlockedReason}
                      ownedSurveysHref={m.dependents.surveys ? `/o/${ctx.org.slug}/surveys?owner=${m.userId}` : null}
                    />
                  </Td>
                </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <Pagination page={page} pageCount={pageCount} href={pageHref} summary={`${total} members`} />
      </Card>
    </>
  );
}
