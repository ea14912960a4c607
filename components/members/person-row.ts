import type { PersonOp, PersonTarget, Role } from "@/lib/permissions";

/**
 * One row of the Users page: a member, or a pending invitation (listed with the members, as
 * GitHub and Linear do). Plain data only, sent to the browser once (issue 15.4): what the viewer
 * may do with it is asked of lib/permissions, by the same functions the server runs again.
 */
export type PersonRowData = {
  /** Absent for a member: rows travel to the browser once each, so defaults are left out. */
  kind?: "invitation";
  id: string;
  name: string;
  email: string;
  phone?: string;
  role: Role;
  /** Absent when active. */
  status?: "suspended" | "invited" | "expired";
  /** Member: joined on; invitation: sent on (formatted on the server). */
  since: string;
  /** Member: "3 hours ago"; absent when never seen. */
  lastActive?: string;
  /** R5: why Delete User is disabled ("Transfer 2 surveys first."), if it is. */
  blocked?: string;
  ownsSurveys?: boolean;
  planCount?: number;
};

export type PersonOpChoice = PersonOp;

export const rowKey = (row: PersonRowData) => `${row.kind ?? "member"}:${row.id}`;

/** The row as lib/permissions asks about it. */
export function personTarget(row: PersonRowData): PersonTarget {
  return { kind: row.kind ?? "member", id: row.id, role: row.role, status: row.status ?? "active", deleteBlocked: row.blocked ?? null };
}

/**
 * How a bulk result reads (issue 14.6): green only when every selected row was done; amber when
 * some were not (refused beforehand or by the server); red when none was.
 */
export function bulkOutcomeTone(results: Array<{ ok: boolean }>): "ok" | "partial" | "error" {
  const done = results.filter((r) => r.ok).length;
  return done === results.length ? "ok" : done === 0 ? "error" : "partial";
}
