"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { deleteMemberAction, setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";
import { roleLabels, type Role } from "@/lib/permissions";

/** One row of the Users table: plain data, the rules already applied on the server (R2, R4, R5, R9). */
export type MemberRowData = {
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  status: "active" | "suspended";
  you: boolean;
  canEdit: boolean;
  canSuspend: boolean;
  canDelete: boolean;
  /** R5: why Delete User is disabled ("Transfer 2 surveys first."), if it is. */
  blocked: string | null;
  /** Owns surveys: the menu links their Surveys list, filtered (R5). */
  ownsSurveys: boolean;
  planCount: number;
};

type Opened = { row: MemberRowData; anchor: HTMLButtonElement };

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

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-500";

/**
 * The Users table (SPEC §3): one client component for the whole table — rows rendered from
 * plain data, one ⋮ menu and one confirm dialog shared by every row — so a page of 50 members
 * ships no component per row (issue 9). The server checks every action again.
 */
export function MembersTable({ orgSlug, orgName, rows }: { orgSlug: string; orgName: string; rows: MemberRowData[] }) {
  const [menu, setMenu] = useState<Opened | null>(null);
  const [dialog, setDialog] = useState<(Opened & { kind: "delete" | "suspend" }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <p role="status" aria-live="polite" className={notice ? "border-b border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800" : "sr-only"}>
        {notice}
      </p>
      <IconSprite />
      <div className="overflow-x-auto" role="region" aria-label="Members (scrollable)" tabIndex={0}>
        <table aria-label="Members" className="min-w-full divide-y divide-gray-200 text-sm [&_td]:whitespace-nowrap [&_td]:px-4 [&_td]:py-3 [&_td]:text-gray-700 [&_th]:px-4 [&_th]:py-3 [&_th]:text-left [&_th]:text-xs [&_th]:font-semibold [&_th]:uppercase [&_th]:tracking-wide [&_th]:text-gray-500">
          <thead className="bg-gray-50">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 bg-white">
            {rows.map((row) => (
              <tr key={row.userId}>
                <td className="font-medium text-gray-900">
                  {row.name}
                  {row.you ? <span className="ml-2 text-xs font-normal text-gray-500">(you)</span> : null}
                </td>
                <td>{row.email}</td>
                <td>{row.phone ?? <span className="text-gray-400">—</span>}</td>
                <td>
                  <span className={row.role === "admin" ? "badge badge-indigo" : "badge badge-gray"}>{roleLabels[row.role]}</span>
                </td>
                <td>
                  <span className={row.status === "active" ? "badge badge-green" : "badge badge-amber"}>
                    {row.status === "active" ? "Active" : "Suspended"}
                  </span>
                </td>
                <td>
                  <div className="relative flex items-center justify-end gap-1">
                    {row.canEdit ? (
                      <Link
                        href={`/o/${orgSlug}/users/${row.userId}`}
                        prefetch={false}
                        className="icon-button"
                        aria-label={`Edit ${row.name}`}
                        title="Edit user"
                      >
                        <Icon name="pencil" />
                      </Link>
                    ) : null}
                    {row.canSuspend || row.canDelete ? (
                      <button
                        type="button"
                        className="icon-button"
                        aria-haspopup="menu"
                        aria-expanded={menu?.row.userId === row.userId}
                        aria-label={`More options for ${row.name}`}
                        onClick={(event) => setMenu({ row, anchor: event.currentTarget })}
                      >
                        <Icon name="more" />
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {menu ? (
        <RowMenu
          orgSlug={orgSlug}
          opened={menu}
          onClose={() => setMenu(null)}
          onChoose={(kind) => {
            setDialog({ ...menu, kind });
            setMenu(null);
          }}
        />
      ) : null}
      {dialog ? (
        <ConfirmDialog
          orgSlug={orgSlug}
          orgName={orgName}
          opened={dialog}
          onClose={(message) => {
            setDialog(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
    </>
  );
}

/** The ⋮ (More Options) menu of one row, anchored to that row's button; one instance for the table. */
function RowMenu({
  orgSlug,
  opened,
  onClose,
  onChoose,
}: {
  orgSlug: string;
  opened: Opened;
  onClose: () => void;
  onChoose: (kind: "delete" | "suspend") => void;
}) {
  const { row, anchor } = opened;
  const choosing = useRef(false);
  // The menu's trigger is an invisible box over the row's own ⋮ button, placed in the same cell,
  // so the menu follows the button when the page scrolls or resizes.
  const box = (
    <span
      aria-hidden
      style={{ position: "absolute", left: anchor.offsetLeft, top: anchor.offsetTop, width: anchor.offsetWidth, height: anchor.offsetHeight, pointerEvents: "none" }}
    />
  );
  return (
    <DropdownMenu.Root open modal={false} onOpenChange={(open) => !open && onClose()}>
      {anchor.parentElement ? createPortal(<DropdownMenu.Trigger asChild>{box}</DropdownMenu.Trigger>, anchor.parentElement) : null}
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          aria-label={`More options for ${row.name}`}
          className="z-50 w-72 max-w-[calc(100vw-2rem)] rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200"
          onCloseAutoFocus={(event) => {
            // Back to the row's ⋮ button, unless a dialog takes the focus now.
            event.preventDefault();
            if (!choosing.current) anchor.focus();
          }}
        >
          {row.canSuspend ? (
            <DropdownMenu.Item
              className={itemClass}
              onSelect={() => {
                choosing.current = true;
                onChoose("suspend");
              }}
            >
              {row.status === "active" ? "Suspend" : "Re-activate"}
            </DropdownMenu.Item>
          ) : null}
          {row.canDelete ? (
            <>
              <DropdownMenu.Item
                className={`${itemClass} text-red-700`}
                disabled={!!row.blocked}
                aria-describedby={row.blocked ? "member-delete-reason" : undefined}
                onSelect={() => {
                  choosing.current = true;
                  onChoose("delete");
                }}
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
                  <Link href={`/o/${orgSlug}/surveys?owner=${row.userId}`} prefetch={false}>
                    Show their surveys
                  </Link>
                </DropdownMenu.Item>
              ) : null}
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

type MemberAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Delete User (R4–R6) or Suspend / Re-activate (R9), confirmed, for the row the menu was opened on. */
function ConfirmDialog(props: { orgSlug: string; orgName: string; opened: Opened & { kind: "delete" | "suspend" }; onClose: (message?: string) => void }) {
  const { row, anchor, kind } = props.opened;
  const suspending = row.status === "active";
  const content =
    kind === "delete"
      ? {
          title: `Delete ${row.name}?`,
          description: (
            <ul className="list-disc space-y-1 pl-5">
              <li>They immediately lose access to {props.orgName}, in every browser.</li>
              <li>Their seat becomes available for someone else.</li>
              {row.planCount ? (
                <li>
                  They are removed from {row.planCount} plan{row.planCount === 1 ? "" : "s"}: their workflows there are deleted and
                  their open tasks move to each plan&apos;s subscriber.
                </li>
              ) : null}
              <li>Their work in other organizations is untouched. This cannot be undone.</li>
            </ul>
          ),
          action: deleteMemberAction,
          fields: {} as Record<string, string>,
          submit: "Delete User",
          pending: "Deleting…",
          variant: "danger" as const,
          done: `${row.name} was deleted; their seat is free.`,
        }
      : {
          title: suspending ? `Suspend ${row.name}?` : `Re-activate ${row.name}?`,
          description: suspending
            ? `They keep their seat and their work, but cannot use ${props.orgName} until re-activated.`
            : `They can use ${props.orgName} again from their next click.`,
          action: setMemberStatusAction,
          fields: { status: suspending ? "suspended" : "active" },
          submit: suspending ? "Suspend" : "Re-activate",
          pending: suspending ? "Suspending…" : "Re-activating…",
          variant: suspending ? ("danger" as const) : ("primary" as const),
          done: suspending ? `${row.name} is suspended. Their seat and work are kept.` : `${row.name} is active again.`,
        };
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={content.title} description={content.description} returnFocusTo={anchor}>
      <ConfirmForm
        action={content.action}
        orgSlug={props.orgSlug}
        userId={row.userId}
        fields={content.fields}
        submitLabel={content.submit}
        pendingLabel={content.pending}
        variant={content.variant}
        onCancel={() => props.onClose()}
        onDone={() => props.onClose(content.done)}
      />
    </Dialog>
  );
}

function ConfirmForm(props: {
  action: MemberAction;
  orgSlug: string;
  userId: string;
  fields: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant: "danger" | "primary";
  onCancel: () => void;
  onDone: () => void;
}) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  const { onDone } = props;
  useEffect(() => {
    if (state.ok) onDone();
  }, [state.ok, onDone]);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="userId" value={props.userId} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={props.variant} disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
