import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AutoApplyForm } from "@/components/members/auto-apply-form";
import { MembersTable, type PersonRowData } from "@/components/members/members-table";
import { SeatLimitNotice } from "@/components/members/seat-limit-notice";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { Pagination } from "@/components/ui/pagination";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatRelative, plural } from "@/lib/format";
import { listMembers, memberSorts, memberStatusFilters } from "@/lib/members/queries";
import { canManageUsers, roleLabels, roles } from "@/lib/permissions";
import { enumParam, pageParam, parseSearchParams, textParam } from "@/lib/search-params";
import { seatHelp } from "@/lib/seats/seat-help";
import { tierLabels } from "@/lib/tiers";
import { db } from "@/db/client";

export const metadata: Metadata = { title: "Users" };

const paramsSchema = z.object({
  q: textParam(100),
  page: pageParam,
  role: enumParam(roles),
  status: enumParam(memberStatusFilters),
  sort: enumParam(memberSorts),
});

const statusLabels = { active: "Active", suspended: "Suspended", invited: "Invited" } as const;
const sortLabels = { name: "Name", role: "Role", joined: "Joined (newest first)" } as const;

/**
 * Users (SPEC §2–§3): the members and pending invitations of the organization, filtered by role
 * and status, searched, sorted and paginated in the database, with the seat meter; Invite
 * Teammate and Manage Invites; each row's pencil and ⋮ menu; bulk actions; CSV export.
 */
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
  const { rows, total, page, pageCount, q, seats } = await listMembers(ctx, query);
  // #14.8: at the seat limit, the way on (an Admin's upgrade link, or the Admins to ask).
  const help = await seatHelp(db, { orgId: ctx.org.id, orgSlug: ctx.org.slug, role: ctx.membership.role }, seats);
  const base = `/o/${ctx.org.slug}/users`;
  const filters = {
    ...(q ? { q } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.sort && query.sort !== "name" ? { sort: query.sort } : {}),
  };
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ ...filters, page: String(p) })}`;
  const filtered = Object.keys(filters).some((k) => k !== "sort");
  const manage = canManageUsers(ctx.membership.role);
  const now = new Date();
  const meter =
    seats.limit === null
      ? `${seats.used} seats used (${tierLabels[seats.tier]}: unlimited)`
      : `${seats.used} of ${seats.limit} seats used`;
  const people: PersonRowData[] = rows.map((m): PersonRowData => {
    const name = m.name || [m.firstName, m.lastName].filter(Boolean).join(" ") || m.email;
    if (m.kind === "invitation") {
      return {
        kind: "invitation",
        id: m.id,
        name,
        email: m.email,
        role: m.role,
        status: m.expiresAt && m.expiresAt <= now ? "expired" : "invited",
        since: `Invited ${formatDate(m.since)}`,
      };
    }
    return {
      id: m.id,
      name,
      email: m.email,
      role: m.role,
      since: formatDate(m.since),
      ...(m.phone ? { phone: m.phone } : {}),
      ...(m.status === "suspended" ? { status: "suspended" as const } : {}),
      ...(m.lastActiveAt ? { lastActive: formatRelative(m.lastActiveAt, now) } : {}),
      ...(m.deleteBlockedReason ? { blocked: m.deleteBlockedReason } : {}),
      ...(m.dependents.surveys ? { ownsSurveys: true } : {}),
      ...(m.planCount ? { planCount: m.planCount } : {}),
    };
  });
  return (
    <>
      <PageHeader
        title="Users"
        description={
          <span data-testid="seat-meter">
            {meter} — {plural(seats.members, "member")}, {plural(seats.pendingInvitations, "pending invitation")} · {tierLabels[seats.tier]} tier
          </span>
        }
        actions={
          manage ? (
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
      <SeatLimitNotice help={help} className="mb-4" />
      <Card>
        {/* Keyed by the query: after Clear or a link, the controls show the URL's filters, not stale ones. */}
        <AutoApplyForm key={JSON.stringify(filters)} role="search" aria-label="Filter users" className="flex flex-wrap items-end gap-2 border-b border-gray-200 p-4" action={base}>
          <div className="min-w-48 flex-1 basis-60">
            <label htmlFor="member-search" className="sr-only">
              Search by name or email
            </label>
            <input id="member-search" name="q" type="search" defaultValue={q} maxLength={100} placeholder="Search by name or email" className={inputClass} />
          </div>
          <label className="sr-only" htmlFor="filter-role">
            Role
          </label>
          <select id="filter-role" name="role" defaultValue={query.role ?? ""} className={cn(inputClass, "w-auto")}>
            <option value="">All roles</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="filter-status">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={cn(inputClass, "w-auto")}>
            <option value="">Everyone and invitations</option>
            {memberStatusFilters.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="filter-sort">
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={query.sort ?? "name"} className={cn(inputClass, "w-auto")}>
            {memberSorts.map((sort) => (
              <option key={sort} value={sort}>
                Sort: {sortLabels[sort]}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass("secondary")}>
            Apply
          </button>
          {filtered ? (
            <Link href={base} className="px-1 py-2 text-sm font-medium text-indigo-700 hover:text-indigo-600">
              Clear
            </Link>
          ) : null}
          {manage ? (
            <a
              href={`/api/orgs/${ctx.org.slug}/members.csv?${new URLSearchParams(filters)}`}
              className="ml-auto px-1 py-2 text-sm font-medium text-indigo-700 hover:text-indigo-600"
              download
            >
              Export CSV
            </a>
          ) : null}
        </AutoApplyForm>
        {people.length === 0 ? (
          <EmptyState title={filtered ? "No one matches these filters" : "No members yet"}>
            {filtered ? "Try another search, role or status." : "Invite teammates to share the work."}
          </EmptyState>
        ) : (
          <MembersTable orgSlug={ctx.org.slug} orgName={ctx.org.name} viewer={{ userId: ctx.user.id, role: ctx.membership.role }} rows={people} />
        )}
        <Pagination page={page} pageCount={pageCount} href={pageHref} summary={plural(total, "person", "people")} />
      </Card>
    </>
  );
}
