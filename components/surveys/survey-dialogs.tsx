"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import {
  checkInSurveyAction,
  forceCheckInSurveyAction,
  mergeSurveysAction,
  transferAllSurveysAction,
  transferSurveyAction,
} from "@/app/o/[org]/surveys/actions";
import { MemberPicker } from "@/components/members/member-picker";
import { SurveyPicker, type PickedSurvey } from "@/components/surveys/survey-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";

/** What the survey dialogs need to know of a survey: plain data from the server. */
export type SurveyRef = {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  checkedOutById: string | null;
  checkedOutByName: string | null;
  /** Already formatted ("23 Nov 2026, 10:32 UTC"). */
  checkedOutSince: string | null;
  responses: number;
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The end of every dialog: Cancel and the action, or, once it worked, its message and Done. */
function DialogForm(props: {
  action: Action;
  fields: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  disabled?: boolean;
  onClose: () => void;
  children?: React.ReactNode;
}) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.ok) close.current?.focus();
  }, [state.ok]);
  return (
    <form action={action} className="space-y-4">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.ok ? null : props.children}
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        {state.ok ? (
          <Button ref={close} variant="primary" onClick={props.onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" variant={props.variant ?? "primary"} disabled={pending || props.disabled}>
              {pending ? props.pendingLabel : props.submitLabel}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}

/**
 * S1, #14.1: Check in while the editor holds unsaved edits. Save and check in (one transaction),
 * Discard and check in, or Cancel (the default focus, so one Enter loses nothing).
 */
export function CheckInUnsavedDialog(props: {
  orgSlug: string;
  survey: SurveyRef;
  onSave: () => void;
  onDiscard: () => void;
  onClose: () => void;
}) {
  const [state, action, pending] = useActionState(checkInSurveyAction, initialFormState);
  const { onClose } = props;
  useEffect(() => {
    if (state.ok) onClose();
  }, [state.ok, onClose]);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title="Check in with unsaved changes?"
      description={<p>You changed &quot;{props.survey.title}&quot; since you last saved. Checking in without saving loses those changes.</p>}
    >
      <form action={action} onSubmit={props.onDiscard} className="space-y-4">
        <input type="hidden" name="org" value={props.orgSlug} />
        <input type="hidden" name="surveyId" value={props.survey.id} />
        <FormMessage state={state} />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Checking in…" : "Discard and check in"}
          </Button>
          <Button variant="primary" onClick={props.onSave}>
            Save and check in
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** SPEC S2 force check-in: release the holder's check-out, after saying whose and since when. */
export function ForceCheckInDialog(props: { orgSlug: string; survey: SurveyRef; onClose: () => void }) {
  // #14.13: the page re-renders without a holder once the check-in worked; the dialog keeps
  // saying whose check-out it released, as it was when opened.
  const [survey] = useState(props.survey);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Force check-in of "${survey.title}"?`}
      description={
        <p>
          {survey.checkedOutByName ?? "A member"} has had it checked out since {survey.checkedOutSince}. Checking it in
          releases it, so anyone can check it out; changes they have not saved are not kept.
        </p>
      }
    >
      <DialogForm
        action={forceCheckInSurveyAction}
        fields={{ org: props.orgSlug, surveyId: survey.id, holderId: survey.checkedOutById ?? "" }}
        submitLabel="Force check-in"
        pendingLabel="Checking in…"
        variant="danger"
        onClose={props.onClose}
      />
    </Dialog>
  );
}

/** SPEC S2 transfer: pick the member who will own the survey; they are notified. */
export function TransferSurveyDialog(props: { orgSlug: string; survey: SurveyRef; onClose: () => void }) {
  const { survey } = props;
  const [picked, setPicked] = useState(false);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Transfer "${survey.title}"`}
      description={<p>It is owned by {survey.ownerName}. The new owner is told in their inbox and by email.</p>}
    >
      <DialogForm
        action={transferSurveyAction}
        fields={{ org: props.orgSlug, surveyId: survey.id }}
        submitLabel="Transfer"
        pendingLabel="Transferring…"
        disabled={!picked}
        onClose={props.onClose}
      >
        <MemberPicker
          orgSlug={props.orgSlug}
          name="toUserId"
          label="New owner"
          placeholder="Type a name or email"
          excludeUserIds={[survey.ownerId]}
          onChange={(member) => setPicked(!!member)}
        />
      </DialogForm>
    </Dialog>
  );
}

/** SPEC S2 transfer of every survey one member owns (the pre-deletion checklist, R5). */
export function TransferAllSurveysDialog(props: {
  orgSlug: string;
  from: { userId: string; name: string };
  count: number;
  onClose: () => void;
}) {
  const [picked, setPicked] = useState(false);
  const surveys = `${props.count} survey${props.count === 1 ? "" : "s"}`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Transfer all ${surveys} of ${props.from.name}`}
      description={<p>Every survey {props.from.name} owns gets the new owner, who is told in their inbox and by email.</p>}
    >
      <DialogForm
        action={transferAllSurveysAction}
        fields={{ org: props.orgSlug, fromUserId: props.from.userId }}
        submitLabel={`Transfer ${surveys}`}
        pendingLabel="Transferring…"
        disabled={!picked}
        onClose={props.onClose}
      >
        <MemberPicker
          orgSlug={props.orgSlug}
          name="toUserId"
          label="New owner"
          excludeUserIds={[props.from.userId]}
          onChange={(member) => setPicked(!!member)}
        />
      </DialogForm>
    </Dialog>
  );
}

type Preview = {
  source: { id: string; title: string; responses: number };
  target: { id: string; title: string; responses: number };
  questionsAdded: string[];
  questionsMatched: number;
  /** What becomes of the merged-away survey's share link (#14.10). */
  shareLink: "none" | "carried" | "ends";
  blockedBy: Array<{ title: string; holderName: string; since: string | null }>;
};

const since = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC" : "";

/**
 * SPEC S2 merge: pick the survey to merge into, see what moves (responses, questions) and what
 * is deleted, then merge. Refused while either survey is checked out by someone else — the
 * preview says so, and the server decides again.
 */
export function MergeSurveyDialog(props: { orgSlug: string; survey: SurveyRef; mineOnly: boolean; onClose: () => void }) {
  const { survey, orgSlug } = props;
  const [target, setTarget] = useState<PickedSurvey | null>(null);
  const [preview, setPreview] = useState<{ for: string; data: Preview | null; failed?: boolean } | null>(null);

  useEffect(() => {
    if (!target) return;
    const controller = new AbortController();
    const params = new URLSearchParams({ source: survey.id, target: target.id });
    fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/surveys/merge-preview?${params}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { preview: Preview };
        setPreview({ for: target.id, data: body.preview });
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError") setPreview({ for: target.id, data: null, failed: true });
      });
    return () => controller.abort();
  }, [target, survey.id, orgSlug]);

  const current = target && preview?.for === target.id ? preview : null;
  const data = current?.data ?? null;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Merge "${survey.title}" into another survey`}
      description={
        <p>
          Its {survey.responses} response{survey.responses === 1 ? " moves" : "s move"} to the survey you pick, and &quot;{survey.title}&quot; is
          deleted.
        </p>
      }
    >
      <DialogForm
        action={mergeSurveysAction}
        fields={{ org: orgSlug, sourceId: survey.id, targetId: target?.id ?? "" }}
        submitLabel="Merge"
        pendingLabel="Merging…"
        variant="danger"
        disabled={!data || data.blockedBy.length > 0}
        onClose={props.onClose}
      >
        <SurveyPicker
          orgSlug={orgSlug}
          name="targetPicker"
          label="Merge into"
          excludeIds={[survey.id]}
          mineOnly={props.mineOnly}
          hint={props.mineOnly ? "You can merge only into surveys you own." : undefined}
          onChange={setTarget}
          inlineList
        />
        {target && !current ? (
          <p role="status" className="text-sm text-gray-600">
            Preparing the preview…
          </p>
        ) : null}
        {current?.failed ? (
          <p role="alert" className="text-sm text-red-700">
            The preview could not be loaded. Pick the survey again.
          </p>
        ) : null}
        {data ? (
          <section aria-label="What the merge does" className="space-y-2 rounded-md bg-gray-50 p-3 text-sm text-gray-700 ring-1 ring-inset ring-gray-200">
            <h3 className="font-semibold text-gray-900">What moves</h3>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                {data.source.responses} response{data.source.responses === 1 ? " moves" : "s move"} into &quot;{data.target.title}&quot; (which has{" "}
                {data.target.responses} now).
              </li>
              {data.questionsAdded.length ? (
                <li>
                  {data.questionsAdded.length} question{data.questionsAdded.length === 1 ? " is" : "s are"} added to &quot;{data.target.title}&quot;:{" "}
                  {data.questionsAdded.map((q) => `“${q}”`).join(", ")}.
                </li>
              ) : null}
              {data.questionsMatched ? (
                <li>
                  {data.questionsMatched} question{data.questionsMatched === 1 ? "" : "s"} already asked there: those answers join them.
                </li>
              ) : null}
              {data.shareLink === "carried" ? (
                <li>
                  The share link of &quot;{data.source.title}&quot; keeps working: it opens &quot;{data.target.title}&quot;, which has no link of its own.
                </li>
              ) : data.shareLink === "ends" ? (
                <li className="font-medium text-amber-900">
                  The share link of &quot;{data.source.title}&quot; stops working. &quot;{data.target.title}&quot; keeps its own link; send that one to
                  respondents instead.
                </li>
              ) : null}
              <li>&quot;{data.source.title}&quot; is deleted. This cannot be undone.</li>
            </ul>
            {data.blockedBy.length ? (
              <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-inset ring-amber-200">
                Cannot merge now:{" "}
                {data.blockedBy.map((b) => `"${b.title}" is checked out by ${b.holderName} since ${since(b.since)}`).join("; ")}. It must be checked in
                first.
              </p>
            ) : null}
          </section>
        ) : null}
      </DialogForm>
    </Dialog>
  );
}
