"use client";

import { useActionState, useState } from "react";
import {
  cancelTransferAction,
  reassignPlanAction,
  requestTransferAction,
  transferToNewPersonAction,
} from "@/app/o/[org]/plans/actions";
import { MemberPicker } from "@/components/members/member-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** O1: pick a member; they receive a notification and an email asking them to accept. */
export function RequestTransferForm(props: { orgSlug: string; planId: string; subscriberId: string; disabled?: boolean; mayInvite?: boolean }) {
  const [state, action, pending] = useActionState(requestTransferAction, initialFormState);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <MemberPicker
        orgSlug={props.orgSlug}
        name="toUserId"
        label="New subscriber"
        hint="They get a notification and an email, and accept or decline within 7 days."
        excludeUserIds={[props.subscriberId]}
        includeInvitees={props.mayInvite}
        emptyHint={
          props.mayInvite ? (
            <>
              Not a member yet? Use{" "}
              <a href="#transfer-new-user" className="font-medium text-indigo-600 underline hover:text-indigo-500">
                Transfer Ownership to a New User
              </a>{" "}
              to invite them.
            </>
          ) : (
            "Only members are listed. Ask an Admin or Manager to invite someone new first."
          )
        }
        error={state.fieldErrors?.toUserId?.[0]}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending || props.disabled}>
        {pending ? "Sending…" : "Transfer Ownership"}
      </Button>
    </form>
  );
}

/** O3: invite a new person (Send Invitation), optionally with the transfer attached. */
export function TransferToNewPersonForm(props: { orgSlug: string; planId: string; productName: string; attachRequired: boolean; disabled?: boolean }) {
  const [state, action, pending] = useActionState(transferToNewPersonAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.message : "form"}>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <Field label="Email" name="email" id="transfer-email" type="email" autoComplete="off" defaultValue={values.email} error={error("email")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" id="transfer-first-name" defaultValue={values.firstName} error={error("firstName")} />
        <Field label="Last name" name="lastName" id="transfer-last-name" defaultValue={values.lastName} error={error("lastName")} />
      </div>
      <div className="flex items-start gap-3">
        <input
          id="transfer-attach"
          type="checkbox"
          name="attachTransfer"
          value="on"
          defaultChecked={props.attachRequired || values.attachTransfer === "on"}
          aria-describedby="transfer-attach-hint"
          className="mt-0.5 h-4 w-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-600"
        />
        <label htmlFor="transfer-attach" className="text-sm">
          <span className="font-medium text-gray-900">Attach the transfer</span>
          <span id="transfer-attach-hint" className="block text-gray-500">
            The request to become the subscriber of {props.productName} reaches their Inbox the moment they join.
          </span>
        </label>
      </div>
      {error("attachTransfer") ? <p className="text-sm text-red-600">{error("attachTransfer")}</p> : null}
      <FormMessage state={{ ...state, formError: error("email") || error("attachTransfer") ? undefined : state.formError }} />
      <Button type="submit" disabled={pending || props.disabled}>
        {pending ? "Sending…" : "Send Invitation"}
      </Button>
    </form>
  );
}

/** O1: the subscriber cancels their live transfer. */
export function CancelTransferForm(props: { orgSlug: string; transferId: string; toName: string }) {
  const [state, action, pending] = useActionState(cancelTransferAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="transferId" value={props.transferId} />
      <FormMessage state={state} />
      {state.ok ? null : (
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Cancel the transfer to ${props.toName}`}>
          {pending ? "Cancelling…" : "Cancel transfer"}
        </Button>
      )}
    </form>
  );
}

/** O4: an Admin reassigns the plan at once, after a confirm that says what that means. */
export function ReassignPlanForm(props: { orgSlug: string; planId: string; subscriberId: string; productName: string }) {
  const [state, action, pending] = useActionState(reassignPlanAction, initialFormState);
  const [picked, setPicked] = useState<{ userId: string; label: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [round, setRound] = useState(0);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    if (state.ok) {
      setConfirming(false);
      setPicked(null);
      setRound((r) => r + 1);
    }
  }
  return (
    <div className="space-y-4">
      <MemberPicker
        key={round}
        orgSlug={props.orgSlug}
        name="pickedUserId"
        label="Reassign to"
        hint="Takes effect at once, without acceptance; both people are notified and the Activity log records it."
        excludeUserIds={[props.subscriberId]}
        onChange={(m) => setPicked(m ? { userId: m.userId, label: m.name ?? m.email } : null)}
      />
      {state.ok ? <FormMessage state={state} /> : null}
      <Button variant="secondary" disabled={!picked} onClick={() => setConfirming(true)}>
        Reassign now
      </Button>
      {confirming && picked ? (
        <Dialog
          open
          onOpenChange={(open) => !open && setConfirming(false)}
          title={`Reassign ${props.productName} to ${picked.label}?`}
          description={`${picked.label} becomes the subscriber at once, without accepting. The current subscriber stays on the plan as a regular user.`}
        >
          <form action={action} className="space-y-4">
            <input type="hidden" name="org" value={props.orgSlug} />
            <input type="hidden" name="planId" value={props.planId} />
            <input type="hidden" name="toUserId" value={picked.userId} />
            <FormMessage state={state} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Reassigning…" : "Reassign now"}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
