"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useRef } from "react";
import { createPortal } from "react-dom";
import type { personRowActions } from "@/lib/permissions";
import type { PersonOpChoice, PersonRowData } from "./person-row";

export type Opened = { row: PersonRowData; anchor: HTMLButtonElement };

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-500";

/** The ⋮ (More Options) menu of one row, anchored to that row's button; one instance for the table. */
export function RowMenu(props: {
  orgSlug: string;
  opened: Opened;
  can: ReturnType<typeof personRowActions>;
  onClose: () => void;
  onChoose: (op: PersonOpChoice) => void;
}) {
  const { row, anchor } = props.opened;
  const { can } = props;
  const choosing = useRef(false);
  const choose = (op: PersonOpChoice) => {
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
            // Back to the row's ⋮ button, unless a dialog takes the focus now; never scroll the
            // table sideways to reach it (issue 14.4: the row's name stays in view).
            event.preventDefault();
            if (!choosing.current) anchor.focus({ preventScroll: true });
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
