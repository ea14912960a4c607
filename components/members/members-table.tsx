"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { bulkMembersAction, changeRoleAction, deleteMemberAction, setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";
import {
  assignableRoles,
  canDeleteMember,
  canEditProfile,
  canManageInvitation,
  canSuspendMember,
  roleLabels,
  type Actor,
  type Role,
} from "@/lib/permissions";

/**
 * One row of the Users page: a member, or a pending invitation (listed with the members, as
 * GitHub and Linear do). Plain data only; what the viewer may do with it is worked out here
 * from lib/permissions (the same functions the server runs again on every action).
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

type Op = "suspend" | "reactivate" | "delete" | "role" | "resend" | "revoke";
type Opened = { row: PersonRowData; anchor: HTMLButtonElement };
type Confirm = { op: Op; rows: PersonRowData[]; anchor: HTMLElement | null };

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-500";

const statusBadge: Record<"active" | NonNullable<PersonRowData["status"]>, [string, string]> = {
  active: ["Active", "badge badge-green"],
  suspended: ["Suspended", "badge badge-amber"],
  invited: ["Invited", "badge badge-indigo"],
  expired: ["Invitation expired", "badge badge-red"],
};

const rowKey = (row: PersonRowData) => `${row.kind ?? "member"}:${row.id}`;
const statusOf = (row: PersonRowData) => row.status ?? "active";

/** What the viewer may do with a row, by the role table (the server checks again). */
function allowed(viewer: Actor, row: PersonRowData) {
  if (row.kind === "invitation") {
    const manage = canManageInvitation(viewer.role, row.role);
    return { edit: false, roles: [] as Role[], suspend: false, delete: false, resend: manage, revoke: manage };
  }
  const target = { userId: row.id, role: row.role, status: row.status === "suspended" ? ("suspended" as const) : ("active" as const) };
  const roles = assignableRoles(viewer, target);
  return {
    edit: canEditProfile(viewer, target) || roles.length > 1,
    roles: roles.length > 1 ? roles : [],
    suspend: canSuspendMember(viewer, target),
    delete: canDeleteMember(viewer, target),
    resend: false,
    revoke: false,
  };
}

/**
 * The Users table (SPEC §3): one client component for the whole table — rows rendered from
 * plain data, one ⋮ menu, one confirm dialog and one bulk bar shared by every row — so a page of
 * 50 ships no component per row (issue 9). Bulk actions send the selected rows to one server
 * action that applies each by its own rules and answers per row.
 */
export function MembersTable({ orgSlug, orgName, viewer, rows }: { orgSlug: string; orgName: string; viewer: Actor; rows: PersonRowData[] }) {
  const [menu, setMenu] = useState<Opened | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = viewer.role !== "user";
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
      <IconSprite />
      <div role="status" aria-live="polite" className={notice ? "border-b border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900" : "sr-only"}>
        {notice}
      </div>
      {selectable && picked.length ? (
        <BulkBar viewer={viewer} rows={picked} onChoose={(op, anchor) => setConfirm({ op, rows: picked, anchor })} onClear={() => setSelected(new Set())} />
      ) : null}
      <div className="overflow-x-auto" role="region" aria-label="Members (scrollable)" tabIndex={0}>
        <table aria-label="Members" className="people min-w-full divide-y divide-gray-200 text-sm">
          <thead className="bg-gray-50">
            <tr>
              {selectable ? (
                <th scope="col" className="w-8">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    checked={rows.length > 0 && picked.length === rows.length}
                    onChange={(event) => setSelected(event.target.checked ? new Set(rows.map(rowKey)) : new Set())}
                  />
                </th>
              ) : null}
              <th scope="col">Name</th>
              <th scope="col" className="max-lg:hidden">
                Phone
              </th>
              <th scope="col">Role</th>
              <th scope="col" className="max-sm:hidden">
                Status
              </th>
              <th scope="col" className="max-md:hidden">
                Joined
              </th>
              <th scope="col" className="max-lg:hidden">
                Last active
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 bg-white">
            {rows.map((row) => {
              const can = allowed(viewer, row);
              const key = rowKey(row);
              const [statusLabel, statusClass] = statusBadge[statusOf(row)];
              const hasMenu = can.roles.length > 0 || can.suspend || can.delete || can.resend || can.revoke;
              return (
                <tr key={key}>
                  {selectable ? (
                    <td>
                      <input type="checkbox" aria-label={`Select ${row.name}`} checked={selected.has(key)} onChange={(e) => toggle(key, e.target.checked)} />
                    </td>
                  ) : null}
                  <td className="name">
                    <span className="font-medium text-gray-900">{row.name}</span>
                    {!row.kind && row.id === viewer.userId ? <span className="ml-2 text-xs text-gray-500">(you)</span> : null}
                    {row.name !== row.email ? <span className="sub">{row.email}</span> : null}
                  </td>
                  <td className="max-lg:hidden">{row.phone ?? "—"}</td>
                  <td>
                    <span className={row.role === "admin" ? "badge badge-indigo" : "badge badge-gray"}>{roleLabels[row.role]}</span>
                    {/* On a phone the status rides under the role, so the row's actions stay on screen. */}
                    {row.status ? (
                      <span className="mt-1 block sm:hidden">
                        <span className={statusClass}>{statusLabel}</span>
                      </span>
                    ) : null}
                  </td>
                  <td className="max-sm:hidden">
                    <span className={statusClass}>{statusLabel}</span>
                  </td>
                  <td className="max-md:hidden">{row.since}</td>
                  <td className="max-lg:hidden">{row.lastActive ?? "—"}</td>
                  <td>
                    <div className="relative flex items-center justify-end gap-1">
                      {can.edit ? (
                        <Link href={`/o/${orgSlug}/users/${row.id}`} prefetch={false} className="icon-button" aria-label={`Edit ${row.name}`}>
                          <Icon name="pencil" />
                        </Link>
                      ) : null}
                      {hasMenu ? (
                        <button
                          type="button"
                          className="icon-button"
                          aria-haspopup="menu"
                          aria-expanded={menu ? rowKey(menu.row) === key : false}
                          aria-label={`More options for ${row.name}`}
                          onClick={(event) => setMenu({ row, anchor: event.currentTarget })}
                        >
                          <Icon name="more" />
                        </button>
                      ) : null}
                    </div>
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
          can={allowed(viewer, menu.row)}
          onClose={() => setMenu(null)}
          onChoose={(op) => {
            setConfirm({ op, rows: [menu.row], anchor: menu.anchor });
            setMenu(null);
          }}
        />
      ) : null}
      {confirm ? (
        <ConfirmDialog
          orgSlug={orgSlug}
          orgName={orgName}
          viewer={viewer}
          confirm={confirm}
          onClose={(message) => {
            setConfirm(null);
            if (message) {
              setNotice(message);
              if (confirm.rows.length > 1) setSelected(new Set());
            }
          }}
        />
      ) : null}
    </>
  );
}

/** The bar over the table while rows are selected: the bulk actions the viewer may take. */
function BulkBar({ viewer, rows, onChoose, onClear }: { viewer: Actor; rows: PersonRowData[]; onChoose: (op: Op, anchor: HTMLElement) => void; onClear: () => void }) {
  const members = rows.filter((r) => !r.kind).length;
  const invitations = rows.length - members;
  const ops: Array<[Op, string, boolean]> = [
    ["suspend", "Suspend", members > 0],
    ["reactivate", "Re-activate", members > 0],
    ["role", "Change role", members > 0 && viewer.role === "admin"],
    ["delete", "Delete", members > 0],
    ["resend", "Resend", invitations > 0],
    ["revoke", "Revoke", invitations > 0],
  ];
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm">
      <span className="font-medium text-indigo-900">
        {rows.length} selected{invitations && members ? ` (${members} member${members === 1 ? "" : "s"}, ${invitations} invitation${invitations === 1 ? "" : "s"})` : ""}
      </span>
      {ops
        .filter(([, , shown]) => shown)
        .map(([op, label]) => (
          <Button key={op} size="sm" variant={op === "delete" || op === "revoke" ? "danger" : "secondary"} onClick={(event) => onChoose(op, event.currentTarget)}>
            {label}
          </Button>
        ))}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}

/**
 * The row icons, drawn once per table and referenced by every row (<use>): inline SVG per row
 * costs about 700 bytes of HTML each (issue 9). Paths are lucide's pencil and ellipsis-vertical.
 */
function IconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <symbol id="icon-pencil" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21.174 6.812a1 1 0 0 0-3.986-3.987L3.842 16.174a2 2 0 0 0-.5.83l-1.321 4.352a.5.5 0 0 0 .623.622l4.353-1.32a2 2 0 0 0 .83-.497z" />
        <path d="m15 5 4 4" />
      </symbol>
      <symbol id="icon-more" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="12" r="1" />
        <circle cx="12" cy="5" r="1" />
        <circle cx="12" cy="19" r="1" />
      </symbol>
    </svg>
  );
}

function Icon({ name }: { name: "pencil" | "more" }) {
  return (
    <svg aria-hidden className="h-4 w-4">
      <use href={`#icon-${name}`} />
    </svg>
  );
}

/** The ⋮ (More Options) menu of one row, anchored to that row's button; one instance for the table. */
function RowMenu(props: {
  orgSlug: string;
  opened: Opened;
  can: ReturnType<typeof allowed>;
  onClose: () => void;
  onChoose: (op: Op) => void;
}) {
  const { row, anchor } = props.opened;
  const { can } = props;
  const choosing = useRef(false);
  const choose = (op: Op) => {
    choosing.current = true;
    props.onChoose(op);
  };
  // The trigger is an invisible box over the row's own ⋮ button, in the same cell, so the menu
  // follows the button when the page scrolls or resizes.
  const box = (
    <span
      aria-hidden
      style={{ position: "absolute", left: anchor.offsetLeft, top: anchor.offsetTop, width: anchor.offsetWidth, height: anchor.offsetHeight, pointerEvents: "none" }}
    />
  );
  return (
    <DropdownMenu.Root open modal={false} onOpenChange={(open) => !open && props.onClose()}>
      {anchor.parentElement ? createPortal(<DropdownMenu.Trigger asChild>{box}</DropdownMenu.Trigger>, anchor.parentElement) : null}
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label={`More options for ${row.name}`}
          className="z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200"
          onCloseAutoFocus={(event) => {
            // Back to the row's ⋮ button, unless a dialog takes the focus now.
            event.preventDefault();
            if (!choosing.current) anchor.focus();
          }}
        >
          {can.roles.length ? (
            <DropdownMenu.Item className={itemClass} onSelect={() => choose("role")}>
              Change role…
            </DropdownMenu.Item>
          ) : null}
          {can.suspend ? (
            <DropdownMenu.Item className={itemClass} onSelect={() => choose(row.status === "suspended" ? "reactivate" : "suspend")}>
              {row.status === "suspended" ? "Re-activate" : "Suspend"}
            </DropdownMenu.Item>
          ) : null}
          {can.delete ? (
            <>
              <DropdownMenu.Item
                className={`${itemClass} text-red-700`}
                disabled={!!row.blocked}
                aria-describedby={row.blocked ? "member-delete-reason" : undefined}
                onSelect={() => choose("delete")}
              >
                Delete User
              </DropdownMenu.Item>
              {row.blocked ? (
                <p id="member-delete-reason" className="px-2 pb-1.5 text-xs text-gray-600">
                  {row.blocked}
                </p>
              ) : null}
              {row.ownsSurveys ? (
                <DropdownMenu.Item asChild className={`${itemClass} text-indigo-700`}>
                  <Link href={`/o/${props.orgSlug}/surveys?owner=${row.id}`} prefetch={false}>
                    Show their surveys
                  </Link>
                </DropdownMenu.Item>
              ) : null}
            </>
          ) : null}
          {can.resend ? (
            <DropdownMenu.Item className={itemClass} onSelect={() => choose("resend")}>
              Resend invitation
            </DropdownMenu.Item>
          ) : null}
          {can.revoke ? (
            <DropdownMenu.Item className={`${itemClass} text-red-700`} onSelect={() => choose("revoke")}>
              Revoke invitation
            </DropdownMenu.Item>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type BulkResult = { kind: "member" | "invitation"; id: string; ok: boolean; message: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What each operation says before it runs, for one row or several. */
function describe(op: Op, rows: PersonRowData[], orgName: string) {
  const one = rows.length === 1 ? rows[0] : null;
  const who = one ? one.name : plural(rows.length, "selected row");
  switch (op) {
    case "suspend":
      return { title: `Suspend ${who}?`, body: `They keep their seat and their work, but cannot use ${orgName} until re-activated.`, submit: "Suspend", danger: true };
    case "reactivate":
      return { title: `Re-activate ${who}?`, body: `They can use ${orgName} again from their next click, if a seat is free.`, submit: "Re-activate", danger: false };
    case "delete":
      return {
        title: `Delete ${who}?`,
        body: (
          <ul className="list-disc space-y-1 pl-5">
            <li>They immediately lose access to {orgName}, in every browser.</li>
            <li>{one ? "Their seat becomes" : "Their seats become"} available for someone else.</li>
            {one?.planCount ? (
              <li>
                They are removed from {plural(one.planCount, "plan")}: their workflows there are deleted and their open tasks move to each plan&apos;s
                subscriber.
              </li>
            ) : !one ? (
              <li>They are removed from their plans: their workflows there are deleted and their open tasks move to each plan&apos;s subscriber.</li>
            ) : null}
            <li>Their work in other organizations is untouched. This cannot be undone.</li>
          </ul>
        ),
        submit: "Delete User",
        danger: true,
      };
    case "role":
      return { title: `Change the role of ${who}`, body: "Only Admins promote or demote. The change applies from their next click.", submit: "Change role", danger: false };
    case "resend":
      return { title: `Resend the invitation to ${one ? one.email : who}?`, body: "A new link with a new 7-day expiry; the old link stops working.", submit: "Resend", danger: false };
    case "revoke":
      return { title: `Revoke the invitation to ${one ? one.email : who}?`, body: "The link stops working and the seat is free at once.", submit: "Revoke", danger: true };
  }
}

/** One operation confirmed, on the row whose menu chose it or on the selected rows (bulk). */
function ConfirmDialog(props: { orgSlug: string; orgName: string; viewer: Actor; confirm: Confirm; onClose: (message?: ReactNode) => void }) {
  const { op, rows, anchor } = props.confirm;
  const single = rows.length === 1 ? rows[0] : null;
  const text = describe(op, rows, props.orgName);
  const roleChoices = single ? allowed(props.viewer, single).roles.filter((r) => r !== single.role) : (["admin", "manager", "user"] as Role[]);
  const singleAction: Record<Op, Action> = {
    suspend: setMemberStatusAction,
    reactivate: setMemberStatusAction,
    delete: deleteMemberAction,
    role: changeRoleAction,
    resend: resendInvitationAction,
    revoke: revokeInvitationAction,
  };
  const fields: Record<string, string | string[]> = single
    ? {
        ...(single.kind === "invitation" ? { invitationId: single.id } : { userId: single.id }),
        ...(op === "suspend" ? { status: "suspended" } : op === "reactivate" ? { status: "active" } : {}),
      }
    : { op, rows: rows.map(rowKey) };
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={text.title} description={text.body} returnFocus={() => anchor}>
      <ConfirmForm
        action={single ? singleAction[op] : bulkMembersAction}
        orgSlug={props.orgSlug}
        fields={fields}
        roleChoices={op === "role" ? roleChoices : null}
        submitLabel={text.submit}
        danger={text.danger}
        onCancel={() => props.onClose()}
        onDone={(state) => {
          const results = (state.data as BulkResult[] | undefined) ?? null;
          if (!results) return props.onClose(state.message);
          const names = new Map(rows.map((r) => [rowKey(r), r.name]));
          props.onClose(
            <div>
              <p className="font-medium">{state.message}</p>
              <ul aria-label="Results per row" className="mt-1 space-y-0.5">
                {results.map((r) => (
                  <li key={`${r.kind}:${r.id}`} className={r.ok ? "" : "text-amber-900"}>
                    {names.get(`${r.kind}:${r.id}`) ?? r.id}: {r.message}
                  </li>
                ))}
              </ul>
            </div>,
          );
        }}
      />
    </Dialog>
  );
}

function ConfirmForm(props: {
  action: Action;
  orgSlug: string;
  fields: Record<string, string | string[]>;
  roleChoices: Role[] | null;
  submitLabel: string;
  danger: boolean;
  onCancel: () => void;
  onDone: (state: FormState) => void;
}) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  const finished = useRef(false);
  const { onDone } = props;
  useEffect(() => {
    if (state.ok && !finished.current) {
      finished.current = true;
      onDone(state);
    }
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={props.orgSlug} />
      {Object.entries(props.fields).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}:${v}`} type="hidden" name={name} value={v} />),
      )}
      {props.roleChoices ? (
        <div className="space-y-1.5">
          <label htmlFor="bulk-role" className="block text-sm font-medium text-gray-900">
            New role
          </label>
          <select id="bulk-role" name="role" className={inputClass} defaultValue={props.roleChoices[0]}>
            {props.roleChoices.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FormMessage state={state} />
      <DialogActions onCancel={props.onCancel} label={props.submitLabel} pendingLabel="Working…" pending={pending} danger={props.danger} />
    </form>
  );
}
