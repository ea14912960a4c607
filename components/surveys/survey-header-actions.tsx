"use client";

import { useState } from "react";
import { checkInSurveyAction, checkOutSurveyAction } from "@/app/o/[org]/surveys/actions";
import { CheckInUnsavedDialog, ForceCheckInDialog, MergeSurveyDialog, TransferSurveyDialog, type SurveyRef } from "@/components/surveys/survey-dialogs";
import { useUnsavedChanges } from "@/components/surveys/unsaved-changes";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";

/** The survey page's actions: Check out / Check in (S1), and Force check-in, Transfer, Merge (S2). */
export function SurveyHeaderActions(props: {
  orgSlug: string;
  survey: SurveyRef;
  can: { checkOut: boolean; checkIn: boolean; forceCheckIn: boolean; transfer: boolean; merge: boolean; mergeMineOnly: boolean };
}) {
  const [open, setOpen] = useState<null | "check-in" | "force" | "transfer" | "merge">(null);
  const unsaved = useUnsavedChanges();
  const { survey, can, orgSlug } = props;
  const fields = { org: orgSlug, surveyId: survey.id };
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {can.checkOut ? (
        <ActionButton action={checkOutSurveyAction} fields={fields} variant="primary" pendingLabel="Checking out…">
          Check out
        </ActionButton>
      ) : null}
      {can.checkIn && unsaved.dirty ? (
        // #14.1: with unsaved edits, Check in asks whether to save them first.
        <Button variant="primary" onClick={() => setOpen("check-in")}>
          Check in
        </Button>
      ) : can.checkIn ? (
        <ActionButton action={checkInSurveyAction} fields={fields} variant="primary" pendingLabel="Checking in…">
          Check in
        </ActionButton>
      ) : null}
      {can.forceCheckIn ? (
        <Button variant="danger" onClick={() => setOpen("force")}>
          Force check-in
        </Button>
      ) : null}
      {can.transfer ? (
        <Button variant="secondary" onClick={() => setOpen("transfer")}>
          Transfer
        </Button>
      ) : null}
      {can.merge ? (
        <Button variant="secondary" onClick={() => setOpen("merge")}>
          Merge
        </Button>
      ) : null}
      {open === "check-in" ? (
        <CheckInUnsavedDialog
          orgSlug={orgSlug}
          survey={survey}
          onSave={() => {
            setOpen(null);
            unsaved.saveAndCheckIn();
          }}
          onDiscard={() => unsaved.setDirty(false)}
          onClose={() => setOpen(null)}
        />
      ) : open === "force" ? (
        <ForceCheckInDialog orgSlug={orgSlug} survey={survey} onClose={() => setOpen(null)} />
      ) : open === "transfer" ? (
        <TransferSurveyDialog orgSlug={orgSlug} survey={survey} onClose={() => setOpen(null)} />
      ) : open === "merge" ? (
        <MergeSurveyDialog orgSlug={orgSlug} survey={survey} mineOnly={can.mergeMineOnly} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
