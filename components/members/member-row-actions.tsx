"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MoreVertical, Pencil } from "lucide-react";
import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { deleteMemberAction, setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";

export type MemberRowActionsProps = {
  orgSlug: string;
  orgName: string;
  member: { userId: string; label: string; status: "active" | "suspended"; planCount: number };
  canEdit: boolean;
  canDelete: boolean;
  canSuspend: boolean;
  /** R5: why Delete User is disabled, if it is. */
  deleteBlockedReason: string | null;
  /** R5: the Surveys page filtered to the surveys this member owns, when they own any. */
  ownedSurveysHref?: string | null;
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
                    aria-describedby={props.deleteBlockedReason ? `delete-reason-${member.userId}` : undefined}
                    onSelect={() => setConfirm("delete")}
                  >
                    Delete User
                  </DropdownMenu.Item>
                  {props.deleteBlockedReason ? (
                    <p id={`delete-reason-${member.userId}`} className="px-2 pb-1.5 text-xs text-gray-500">
                      {props.deleteBlockedReason}
                    </p>
                  ) : null}
                  {props.ownedSurveysHref ? (
                    <DropdownMenu.Item asChild className={`${itemClass} text-indigo-700`}>
                      <Link href={props.ownedSurveysHref}>Show their surveys</Link>
                    </DropdownMenu.Item>
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

type MemberAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** The body every confirm dialog of a row shares: the member's ids, the answer, Cancel and go. */
function ConfirmForm(props: {
  action: MemberAction;
  orgSlug: string;
  userId: string;
  fields?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant: "danger" | "primary";
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
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant={props.variant} disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}

function DeleteDialog(props: MemberRowActionsProps & { onClose: () => void }) {
  const { member } = props;
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
      <ConfirmForm
        action={deleteMemberAction}
        orgSlug={props.orgSlug}
        userId={member.userId}
        submitLabel="Delete User"
        pendingLabel="Deleting…"
        variant="danger"
        onDone={props.onClose}
      />
    </Dialog>
  );
}

function SuspendDialog(props: MemberRowActionsProps & { onClose: () => void }) {
  const { member } = props;
  const suspending = member.status === "active";
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
      <ConfirmForm
        action={setMemberStatusAction}
        orgSlug={props.orgSlug}
        userId={member.userId}
        fields={{ status: suspending ? "suspended" : "active" }}
        submitLabel={suspending ? "Suspend" : "Re-activate"}
        pendingLabel={suspending ? "Suspending…" : "Re-activating…"}
        variant={suspending ? "danger" : "primary"}
        onDone={props.onClose}
      />
    </Dialog>
  );
}
