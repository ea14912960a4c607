"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { TransferAllSurveysDialog } from "@/components/surveys/survey-dialogs";
import { Button } from "@/components/ui/button";

/**
 * On the Surveys page filtered by one owner: export their surveys (S3), transfer them all (S2, R5).
 * Stays mounted when the count drops to 0, so the transfer dialog can say that it worked.
 */
export function OwnerFilterActions(props: {
  orgSlug: string;
  owner: { userId: string; name: string };
  count: number;
  canTransferAll: boolean;
  /** `/api/orgs/…/members/…/surveys` when the caller may export (S3); `.csv` / `.json` follow. */
  exportBase: string | null;
}) {
  // The count as it was when the dialog opened: after the transfer the page says 0.
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {props.exportBase && props.count > 0 ? (
        <>
          <a href={`${props.exportBase}.csv`} download className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
            <Download aria-hidden className="h-4 w-4" /> Export CSV
          </a>
          <a href={`${props.exportBase}.json`} download className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
            <Download aria-hidden className="h-4 w-4" /> Export JSON
          </a>
        </>
      ) : null}
      {props.canTransferAll && props.count > 0 ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen(props.count)}>
          Transfer all {props.count} survey{props.count === 1 ? "" : "s"}…
        </Button>
      ) : null}
      {open !== null ? <TransferAllSurveysDialog orgSlug={props.orgSlug} from={props.owner} count={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
