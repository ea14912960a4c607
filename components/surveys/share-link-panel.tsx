"use client";

import { Check, Copy } from "lucide-react";
import { useActionState, useState } from "react";
import { disableShareLinkAction, rotateShareLinkAction } from "@/app/o/[org]/surveys/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/**
 * The survey's share link: anyone with it answers without signing in. Only a fingerprint of the
 * link is stored, so a new link is shown once, right after it is made; replacing it ends the old
 * one (docs/decisions/022).
 */
export function ShareLinkPanel(props: {
  orgSlug: string;
  surveyId: string;
  active: boolean;
  activeSince: string | null;
  canManage: boolean;
  hasQuestions: boolean;
}) {
  const [rotateState, rotate, rotating] = useActionState(rotateShareLinkAction, initialFormState);
  const [disableState, disable, disabling] = useActionState(disableShareLinkAction, initialFormState);
  const [copied, setCopied] = useState(false);
  const url = rotateState.ok ? (rotateState.data as { url?: string } | undefined)?.url : undefined;
  // The newest answer wins: a link made after turning off shows; turning off hides a shown link.
  const showUrl = url && props.active;
  const fields = (
    <>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="surveyId" value={props.surveyId} />
    </>
  );
  return (
    <div className="space-y-3 text-sm">
      <p className="text-gray-600">
        {props.active
          ? `Anyone with the link can answer, without signing in. Active since ${props.activeSince}; replacing it ends the current link.`
          : "There is no share link: nobody can answer this survey yet."}
        {props.hasQuestions ? "" : " Add questions before sharing it."}
      </p>
      {showUrl ? (
        <div className="space-y-1.5 rounded-md bg-green-50 p-3 ring-1 ring-inset ring-green-200">
          <label htmlFor="share-url" className="block font-medium text-green-900">
            Share link — copy it now
          </label>
          <div className="flex flex-col items-start gap-2">
            <input id="share-url" readOnly value={url} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.target.select()} />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(url);
                setCopied(true);
              }}
              aria-label="Copy share link"
            >
              {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-green-900">
            Only a fingerprint of the link is kept, so it cannot be shown again. If it is lost, create a new one.
          </p>
        </div>
      ) : null}
      {props.canManage ? (
        <div className="flex flex-wrap items-start gap-2">
          <form action={rotate}>
            {fields}
            <Button type="submit" variant={props.active ? "secondary" : "primary"} size="sm" disabled={rotating}>
              {rotating ? "Creating…" : props.active ? "Replace link" : "Create share link"}
            </Button>
          </form>
          {props.active ? (
            <form action={disable}>
              {fields}
              <Button type="submit" variant="ghost" size="sm" disabled={disabling}>
                {disabling ? "Turning off…" : "Turn off link"}
              </Button>
            </form>
          ) : null}
        </div>
      ) : (
        <p className="text-gray-500">The owner, a Manager or an Admin manages the link.</p>
      )}
      {rotateState.formError ? <FormMessage state={rotateState} /> : null}
      {disableState.formError ? <FormMessage state={disableState} /> : null}
      {props.active && rotateState.ok && !url ? <FormMessage state={rotateState} /> : null}
      {!props.active && disableState.ok ? <FormMessage state={disableState} /> : null}
    </div>
  );
}
