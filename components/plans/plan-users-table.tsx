"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { removePlanUserAction } from "@/app/o/[org]/plans/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { plural } from "@/lib/format";
import { initialFormState } from "@/lib/form-state";

export type PlanUserRow = {
  planUserId: string;
  userId: string | null;
  displayName: string;
  email: string;
  status: "subscriber" | "active" | "suspended" | "invited" | "expired";
  granted: string[];
  preview: { workflows: number; toInbox: number; toOutbox: number } | null;
  canEdit: boolean;
  canRemove: boolean;
};

const statusBadge: Record<PlanUserRow["status"], { label: string; tone: "indigo" | "gray" | "amber" | "red" | "green" }> = {
  subscriber: { label: "Subscriber", tone: "indigo" },
  active: { label: "Plan user", tone: "gray" },
  suspended: { label: "Suspended", tone: "amber" },
  invited: { label: "Invitation pending", tone: "amber" },
  expired: { label: "Invitation expired", tone: "red" },
};

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-400";


/** P6's preview sentence: "3 workflows will be deleted; 5 open tasks move to your Inbox, 2 to your Outbox." */
export function removalSentence(preview: { workflows: number; toInbox: number; toOutbox: number }, whose: string): string {
  const flows = preview.workflows ? `${plural(preview.workflows, "workflow")} will be deleted` : "No workflows will be deleted";
  const moved = preview.toInbox + preview.toOutbox;
  if (!moved) return `${flows}; they have no open tasks in this plan.`;
  return `${flows}; ${plural(preview.toInbox, "open task")} move${preview.toInbox === 1 ? "s" : ""} to ${whose} Inbox, ${preview.toOutbox} to ${whose} Outbox.`;
}

/**
 * Manage Users of a plan (P4): one client component for the whole table — its Actions menus and
 * the Remove from plan dialog — fed by plain rows, so a page of users costs no component per row.
 */
/** Columns shown from `sm` up (a priority-column table on phones). */
const wide = "hidden sm:table-cell";

export function PlanUsersTable(props: {
  orgSlug: string;
  planId: string;
  productName: string;
  /** "your" when the viewer is the subscriber, else "Ada Admin's". */
  subscriberPossessive: string;
  permissionLabels: Record<string, string>;
  rows: PlanUserRow[];
}) {
  const [removing, setRemoving] = useState<PlanUserRow | null>(null);
  const router = useRouter();
  const base = `/o/${props.orgSlug}/plans/${props.planId}/users`;
  return (
    <>
      <Table aria-label="Plan users">
        <thead className="bg-gray-50">
          <tr>
            <Th>Name</Th>
            {/* On a phone the name's cell carries these, and Actions stays on screen. */}
            <Th className={wide}>Email</Th>
            <Th className={wide}>Permissions</Th>
            <Th className={wide}>Status</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {props.rows.map((row) => {
            const badge = statusBadge[row.status];
            return (
              <tr key={row.planUserId}>
                <Td className="whitespace-normal font-medium text-gray-900 sm:whitespace-nowrap">
                  {row.displayName}
                  <span className="mt-0.5 block text-xs font-normal text-gray-500 [overflow-wrap:anywhere] sm:hidden">
                    {row.email} · {badge.label}
                  </span>
                </Td>
                <Td className={wide}>{row.email}</Td>
                <Td className={`${wide} whitespace-normal text-xs`}>
                  {row.status === "subscriber" ? (
                    <span className="text-gray-600">All permissions</span>
                  ) : row.granted.length ? (
                    row.granted.map((key) => props.permissionLabels[key] ?? key).join(", ")
                  ) : (
                    <span className="text-gray-400">None</span>
                  )}
                </Td>
                <Td className={wide}>
                  <Badge tone={badge.tone}>{badge.label}</Badge>
                </Td>
                <Td className="text-right">
                  <DropdownMenu.Root modal={false}>
                    <DropdownMenu.Trigger
                      className="inline-flex items-center gap-1 rounded-md px-2.5 py-1 text-xs font-semibold text-gray-900 ring-1 ring-inset ring-gray-300 hover:bg-gray-50"
                      aria-label={`Actions for ${row.displayName}`}
                    >
                      Actions
                      <ChevronDown aria-hidden className="h-3.5 w-3.5 text-gray-500" />
                    </DropdownMenu.Trigger>
                    <DropdownMenu.Portal>
                      <DropdownMenu.Content align="end" sideOffset={4} className="z-50 w-64 rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200">
                        <DropdownMenu.Item
                          className={itemClass}
                          disabled={!row.userId}
                          onSelect={() => router.push(`${base}/${row.planUserId}/workflows`)}
                        >
                          See workflows for this user
                        </DropdownMenu.Item>
                        <DropdownMenu.Item className={itemClass} onSelect={() => router.push(`${base}/${row.planUserId}`)}>
                          Show User Profile
                        </DropdownMenu.Item>
                        <DropdownMenu.Item
                          className={itemClass}
                          disabled={!row.canEdit}
                          onSelect={() => router.push(`${base}/${row.planUserId}/permissions`)}
                        >
                          Edit User Permissions
                        </DropdownMenu.Item>
                        <DropdownMenu.Item className={`${itemClass} text-red-700`} disabled={!row.canRemove} onSelect={() => setRemoving(row)}>
                          Remove from plan
                        </DropdownMenu.Item>
                        {row.status === "subscriber" ? (
                          <p className="px-2 pb-1.5 text-xs text-gray-500">
                            The subscriber always has every permission and stays on the plan. Transfer ownership first.
                          </p>
                        ) : null}
                      </DropdownMenu.Content>
                    </DropdownMenu.Portal>
                  </DropdownMenu.Root>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {removing ? (
        <RemoveDialog
          key={removing.planUserId}
          row={removing}
          orgSlug={props.orgSlug}
          planId={props.planId}
          productName={props.productName}
          whose={props.subscriberPossessive}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </>
  );
}

function RemoveDialog(props: { row: PlanUserRow; orgSlug: string; planId: string; productName: string; whose: string; onClose: () => void }) {
  const [state, action, pending] = useActionState(removePlanUserAction, initialFormState);
  const { row, onClose } = props;
  useEffect(() => {
    if (state.ok) onClose();
  }, [state.ok, onClose]);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Remove ${row.displayName} from ${props.productName}?`}
      description={
        <ul className="list-disc space-y-1 pl-5">
          {row.preview ? (
            <>
              <li>{removalSentence(row.preview, props.whose)}</li>
              <li>They lose {props.productName} at their next click. Nothing else of theirs changes.</li>
            </>
          ) : (
            <li>Their invitation stays, but it no longer includes {props.productName}, and its plan seat is free at once.</li>
          )}
        </ul>
      }
    >
      <form action={action} className="space-y-4">
        <input type="hidden" name="org" value={props.orgSlug} />
        <input type="hidden" name="planId" value={props.planId} />
        <input type="hidden" name="planUserId" value={row.planUserId} />
        <FormMessage state={state} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Removing…" : "Remove from plan"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
