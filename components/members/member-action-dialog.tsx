"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { bulkMembersAction, changeRoleAction, deleteMemberAction, setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { namesList, plural } from "@/lib/format";
import { initialFormState, type FormState } from "@/lib/form-state";
import { personOpRefusal, personRowActions, roles, type Actor, type Role } from "@/lib/permissions";
import { bulkOutcomeTone, personTarget, rowKey, type PersonOpChoice, type PersonRowData } from "./person-row";
import { RoleChoice } from "./role-choice";

/** An operation to confirm: from a row's menu (one row), or from the bulk bar (the selected rows, however many). */
export type Confirm = { op: PersonOpChoice; rows: PersonRowData[]; anchor: HTMLElement | null; bulk: boolean };
/** What the table says after an action: green only when every row was done (issue 14.6). */
export type Outcome = { tone: "ok" | "partial" | "error"; content: ReactNode };

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
/** One row's answer from the bulk action (lib/members/bulk-members.ts); `code` when the service gives one. */
type BulkResult = { kind: "member" | "invitation"; id: string; ok: boolean; message: string; code?: string };

const singleAction: Record<PersonOpChoice, Action> = {
  suspend: setMemberStatusAction,
  reactivate: setMemberStatusAction,
  delete: deleteMemberAction,
  role: changeRoleAction,
  resend: resendInvitationAction,
  revoke: revokeInvitationAction,
};

const verbs: Record<PersonOpChoice, { verb: string; done: string }> = {
  suspend: { verb: "Suspend", done: "suspended" },
  reactivate: { verb: "Re-activate", done: "re-activated" },
  delete: { verb: "Delete", done: "deleted" },
  role: { verb: "Change the role of", done: "changed" },
  resend: { verb: "Resend the invitation to", done: "resent" },
  revoke: { verb: "Revoke the invitation to", done: "revoked" },
};

const label = (row: PersonRowData) => (row.kind ? row.email : row.name);

/** What each operation says before it runs. */
function consequences(op: PersonOpChoice, rows: PersonRowData[], orgName: string): { body: ReactNode; submit: string; danger: boolean } {
  const one = rows.length === 1 ? rows[0] : null;
  switch (op) {
    case "suspend":
      return { body: `They keep their seat and their work, but cannot use ${orgName} until re-activated.`, submit: "Suspend", danger: true };
    case "reactivate":
      return { body: `They can use ${orgName} again from their next click, if a seat is free.`, submit: "Re-activate", danger: false };
    case "delete":
      return {
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
      return { body: "Only Admins promote or demote. The change applies from their next click.", submit: "Change role", danger: false };
    case "resend":
      return { body: "A new link with a new 7-day expiry; the old link stops working.", submit: "Resend", danger: false };
    case "revoke":
      return { body: "The link stops working and the seat is free at once.", submit: "Revoke", danger: true };
  }
}

/**
 * One operation confirmed, on the row whose menu chose it or on the selected rows (bulk). A bulk
 * dialog names the people it acts on, and says before anything runs which selected rows it
 * cannot apply to and why (lib/permissions' personOpRefusal); only the others are sent, and the
 * server applies each by its own rules again.
 */
export function MemberActionDialog(props: { orgSlug: string; orgName: string; viewer: Actor; confirm: Confirm; onClose: (outcome?: Outcome) => void }) {
  const { op, rows, anchor, bulk } = props.confirm;
  const single = bulk ? null : rows[0];
  // Change role: a single member's dialog starts at their current role (issue 14.7); a bulk one at none.
  const [role, setRole] = useState<Role | null>(op === "role" && single ? single.role : null);
  // Until a bulk role is chosen, only the rows that are no member at all are known to be refused.
  const undecided = op === "role" && !role;
  const refusals = rows.map((row) => ({
    row,
    reason: single ? null : undecided ? (row.kind ? "An invitation, not a member." : null) : personOpRefusal(props.viewer, op, personTarget(row), role ?? undefined),
  }));
  const applies = refusals.filter((r) => !r.reason).map((r) => r.row);
  const skipped = refusals.filter((r) => r.reason);
  const text = consequences(op, applies, props.orgName);
  const title = single
    ? op === "role"
      ? `Change the role of ${label(single)}`
      : `${verbs[op].verb} ${label(single)}?`
    : applies.length
      ? `${verbs[op].verb} ${namesList(applies.map(label))}${op === "role" ? "" : "?"}`
      : `None of the ${rows.length} selected can be ${verbs[op].done}`;
  const roleChoices = single ? personRowActions(props.viewer, personTarget(single)).roles : [...roles];
  const fields: Record<string, string | string[]> = single
    ? {
        ...(single.kind === "invitation" ? { invitationId: single.id } : { userId: single.id }),
        ...(op === "suspend" ? { status: "suspended" } : op === "reactivate" ? { status: "active" } : {}),
      }
    : { op, rows: applies.map(rowKey) };
  const names = new Map(rows.map((r) => [rowKey(r), label(r)]));

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={title}
      description={
        <>
          {applies.length ? text.body : null}
          {skipped.length ? (
            <div className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
              <p className="font-medium">
                {applies.length ? `Not for ${plural(skipped.length, "selected row")}:` : "Why:"}
              </p>
              <ul aria-label="Rows this cannot apply to" className="mt-1 space-y-0.5">
                {skipped.slice(0, 10).map(({ row, reason }) => (
                  <li key={rowKey(row)}>
                    {label(row)}: {reason}
                  </li>
                ))}
                {skipped.length > 10 ? <li>and {skipped.length - 10} more</li> : null}
              </ul>
            </div>
          ) : null}
        </>
      }
      returnFocus={() => anchor}
    >
      <ConfirmForm
        action={single ? singleAction[op] : bulkMembersAction}
        orgSlug={props.orgSlug}
        fields={fields}
        roleField={
          op === "role" ? <RoleChoice current={single && !single.kind ? single.role : null} choices={roleChoices} value={role} onChange={setRole} who={single ? label(single) : null} /> : null
        }
        submitLabel={text.submit}
        danger={text.danger}
        disabled={!applies.length || (op === "role" && (!role || (single !== null && role === single.role)))}
        onCancel={() => props.onClose()}
        onDone={(state) => {
          const results = (state.data as BulkResult[] | undefined) ?? null;
          if (!results) return props.onClose({ tone: "ok", content: state.message });
          const all = [
            ...results.map((r) => ({ key: `${r.kind}:${r.id}`, ok: r.ok, message: r.message })),
            ...skipped.map(({ row, reason }) => ({ key: rowKey(row), ok: false, message: reason! })),
          ];
          const done = all.filter((r) => r.ok).length;
          props.onClose({
            tone: bulkOutcomeTone(all),
            content: (
              <div>
                <p className="font-medium">
                  {done} of {all.length} done.{done < all.length ? ` ${all.length - done} not done.` : ""}
                </p>
                <ul aria-label="Results per row" className="mt-1 space-y-0.5">
                  {all.map((r) => (
                    <li key={r.key} className={r.ok ? "" : "font-medium"}>
                      {names.get(r.key) ?? r.key}: {r.message}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          });
        }}
      />
    </Dialog>
  );
}

function ConfirmForm(props: {
  action: Action;
  orgSlug: string;
  fields: Record<string, string | string[]>;
  roleField: ReactNode;
  submitLabel: string;
  danger: boolean;
  disabled: boolean;
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
      {props.roleField}
      <FormMessage state={state} />
      <DialogActions
        onCancel={props.onCancel}
        label={props.submitLabel}
        pendingLabel="Working…"
        pending={pending}
        disabled={props.disabled}
        danger={props.danger}
      />
    </form>
  );
}
