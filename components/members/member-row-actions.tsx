"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MoreVertical, Pencil } from "lucide-react";
import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { deleteMemberAction, setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

export type MemberRowActionsProps = {
  orgSlug: string;
  orgName: string;
  member: { userId: string; label: string; status: "active" | "suspended"; planCount: number };
  canEdit: boolean;
  canDelete: boolean;
  canSuspend: boolean;
  /** R5: why Delete User is disabled, if it is. */
  deleteBlockedReason: string | null;
};

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-400";

/** The pencil (Edit user) and ⋮ (More Options → Suspend, Delete User) of one Users row. */
export function MemberRowActions(props: MemberRowActionsProps) {
  const { member, orgSlug } = props;
  const [confirm, setConfirm] = useState<null | "delete" | "suspend">(null);
  const showMenu = props.canDelete || props.canSuspend;
  return (
    <div className="flex items-center justify-end gap-1">
      {props.canEdit ? (
        <Link
          href={`/o/${orgSlug}/users/${member.userId}`}
          className="rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
          aria-label={`Edit ${member.label}`}
          title="Edit user"
        >
          <Pencil aria-hidden className="h-4 w-4" />
        </Link>
      ) : null}
      {showMenu ? (
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
            aria-label={`More options for ${member.label}`}
          >
            <MoreVertical aria-hidden className="h-4 w-4" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 w-72 rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200">
              {props.canSuspend ? (
                <DropdownMenu.Item className={itemClass} onSelect={() => setConfirm("suspend")}>
                  {member.status === "active" ? "Suspend" : "Re-activate"}
                </DropdownMenu.Item>
              ) : null}
              {props.canDelete ? (
                <>
                  <DropdownMenu.Item
                    className={`${itemClass} text-red-700`}
                    disabled={!!props.deleteBlockedReason}
                    onSelect={() => setConfirm("delete")}
                  >
                    Delete User
                  </DropdownMenu.Item>
                  {props.deleteBlockedReason ? (
                    <p className="px-2 pb-1.5 text-xs text-gray-500">{props.deleteBlockedReason}</p>
                  ) : null}
                </>
              ) : null}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : null}
      {confirm === "delete" ? (
        <DeleteDialog {...props} onClose={() => setConfirm(null)} />
      ) : confirm === "suspend" ? (
        <SuspendDialog {...props} onClose={() => setConfirm(null)} />
      ) : null}
    </div>
  );
}

function DeleteDialog(props: MemberRowActionsProps & { onClose: () => void }) {
  const [state, action, pending] = useActionState(deleteMemberAction, initialFormState);
  const { member } = props;
  useEffect(() => {
    if (state.ok) props.onClose();
  }, [state.ok, props]);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Delete ${member.label}?`}
      description={
        <ul className="list-disc space-y-1 pl-5">
          <li>They immediately lose access to {props.orgName}, in every browser.</li>
          <li>Their seat becomes available for someone else.</li>
          {member.planCount ? (
            <li>
              They are removed from {member.planCount} plan{member.planCount === 1 ? "" : "s"}: their workflows there are deleted
              and their open tasks move to each plan&apos;s subscriber.
            </li>
          ) : null}
          <li>Their work in other organizations is untouched. This cannot be undone.</li>
        </ul>
      }
    >
      <form action={action} className="space-y-4">
        <input type="hidden" name="org" value={props.orgSlug} />
        <input type="hidden" name="userId" value={member.userId} />
        <FormMessage state={state} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete User"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SuspendDialog(props: MemberRowActionsProps & { onClose: () => void }) {
  const [state, action, pending] = useActionState(setMemberStatusAction, initialFormState);
  const { member } = props;
  const suspending = member.status === "active";
  useEffect(() => {
    if (state.ok) props.onClose();
  }, [state.ok, props]);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={suspending ? `Suspend ${member.label}?` : `Re-activate ${member.label}?`}
      description={
        suspending
          ? `They keep their seat and their work, but cannot use ${props.orgName} until re-activated.`
          : `They can use ${props.orgName} again from their next click.`
      }
    >
      <form action={action} className="space-y-4">
        <input type="hidden" name="org" value={props.orgSlug} />
        <input type="hidden" name="userId" value={member.userId} />
        <input type="hidden" name="status" value={suspending ? "suspended" : "active"} />
        <FormMessage state={state} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={suspending ? "danger" : "primary"} disabled={pending}>
            {suspending ? "Suspend" : "Re-activate"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
