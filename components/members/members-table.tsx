"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { canSelectMembers, personRowActions, roleLabels, type Actor } from "@/lib/permissions";
import { BulkBar } from "./bulk-bar";
import { MemberActionDialog, type Confirm, type Outcome } from "./member-action-dialog";
import { rowKey, personTarget, type PersonRowData } from "./person-row";
import { RowMenu, type Opened } from "./row-menu";

export type { PersonRowData } from "./person-row";

const statusBadge: Record<"active" | NonNullable<PersonRowData["status"]>, [string, string]> = {
  active: ["Active", "badge badge-green"],
  suspended: ["Suspended", "badge badge-amber"],
  invited: ["Invited", "badge badge-indigo"],
  expired: ["Invitation expired", "badge badge-red"],
};

const noticeClass: Record<Outcome["tone"], string> = {
  ok: "border-b border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900",
  partial: "border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900",
  error: "border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900",
};

/**
 * The Users table (SPEC §3): one client component for the whole table — rows rendered from
 * plain data sent once, one ⋮ menu, one dialog and one bulk bar shared by every row — so a page
 * of 50 ships no component per row (issue 9) and as few elements per row as it can (issue 15.4:
 * icons are CSS masks, column visibility and the phone layout are classes of globals.css). What
 * the viewer may do is asked of lib/permissions; the server asks again on every action.
 */
export function MembersTable({ orgSlug, orgName, viewer, rows }: { orgSlug: string; orgName: string; viewer: Actor; rows: PersonRowData[] }) {
  const [menu, setMenu] = useState<Opened | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [notice, setNotice] = useState<{ tone: Outcome["tone"]; content: ReactNode } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = canSelectMembers(viewer.role);
  const picked = rows.filter((row) => selected.has(rowKey(row)));
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <>
      <div role="status" aria-live="polite" className={notice ? noticeClass[notice.tone] : "sr-only"} data-tone={notice?.tone}>
        {notice?.content}
      </div>
      {selectable && picked.length ? (
        <BulkBar viewer={viewer} rows={picked} onChoose={(op, anchor) => setConfirm({ op, rows: picked, anchor, bulk: true })} onClear={() => setSelected(new Set())} />
      ) : null}
      <div className="people-scroll">
        <table aria-label="Members" className={cn("people", selectable && "selectable")}>
          <thead>
            <tr>
              {selectable ? (
                <th scope="col" className="sel">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    checked={rows.length > 0 && picked.length === rows.length}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.map(rowKey)) : new Set())}
                  />
                </th>
              ) : null}
              <th scope="col">Name</th>
              <th scope="col" className="c-phone">
                Phone
              </th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col" className="c-joined">
                Joined
              </th>
              <th scope="col" className="c-last">
                Last active
              </th>
              <th scope="col" className="acts">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const can = personRowActions(viewer, personTarget(row));
              const key = rowKey(row);
              const [statusLabel, statusClass] = statusBadge[row.status ?? "active"];
              const hasMenu = can.roles.length > 0 || can.suspend || can.delete || can.resend || can.revoke;
              return (
                <tr key={key} className={row.kind ? "inv" : undefined}>
                  {selectable ? (
                    <td className="sel">
                      <input type="checkbox" aria-label={`Select ${row.name}`} checked={selected.has(key)} onChange={(e) => toggle(key, e.target.checked)} />
                    </td>
                  ) : null}
                  <td className="name">
                    <b>{row.name}</b>
                    {!row.kind && row.id === viewer.userId ? <i> (you)</i> : null}
                    {row.name !== row.email ? <small>{row.email}</small> : null}
                  </td>
                  <td className="c-phone">{row.phone ?? "—"}</td>
                  <td>
                    <span className={row.role === "admin" ? "badge badge-indigo" : "badge badge-gray"}>{roleLabels[row.role]}</span>
                  </td>
                  <td>
                    <span className={statusClass}>{statusLabel}</span>
                  </td>
                  <td className="c-joined">{row.since}</td>
                  <td className="c-last">{row.lastActive ?? "—"}</td>
                  <td className="acts">
                    {can.edit ? <Link href={`/o/${orgSlug}/users/${row.id}`} prefetch={false} className="icon-button i-edit" aria-label={`Edit ${row.name}`} /> : null}
                    {hasMenu ? (
                      <button
                        type="button"
                        className="icon-button i-more"
                        aria-haspopup="menu"
                        aria-expanded={menu ? rowKey(menu.row) === key : false}
                        aria-label={`More options for ${row.name}`}
                        onClick={(event) => setMenu({ row, anchor: event.currentTarget })}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {menu ? (
        <RowMenu
          orgSlug={orgSlug}
          opened={menu}
          can={personRowActions(viewer, personTarget(menu.row))}
          onClose={() => setMenu(null)}
          onChoose={(op) => {
            setConfirm({ op, rows: [menu.row], anchor: menu.anchor, bulk: false });
            setMenu(null);
          }}
        />
      ) : null}
      {confirm ? (
        <MemberActionDialog
          orgSlug={orgSlug}
          orgName={orgName}
          viewer={viewer}
          confirm={confirm}
          onClose={(outcome) => {
            setConfirm(null);
            if (outcome) {
              setNotice(outcome);
              if (confirm.bulk) setSelected(new Set());
            }
          }}
        />
      ) : null}
    </>
  );
}
