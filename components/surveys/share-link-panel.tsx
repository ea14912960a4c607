"use client";

import { Check, Copy } from "lucide-react";
import { useActionState, useState } from "react";
import { disableShareLinkAction, rotateShareLinkAction } from "@/app/o/[org]/surveys/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/**
 * The survey's share link: anyone with it answers without signing in. Those who manage the survey
 * see it and copy it whenever they come back (#14.9, docs/decisions/060); replacing it ends the
 * old one. A link made before links were kept (hash only) cannot be shown: Replace gives one.
 */
export function ShareLinkPanel(props: {
  orgSlug: string;
  surveyId: string;
  active: boolean;
  activeSince: string | null;
  canManage: boolean;
  hasQuestions: boolean;
  /** The current link, for those who manage it; null otherwise or for a link made before it was kept. */
  url: string | null;
}) {
  const [rotateState, rotate, rotating] = useActionState(rotateShareLinkAction, initialFormState);
  const [disableState, disable, disabling] = useActionState(disableShareLinkAction, initialFormState);
  const [copied, setCopied] = useState(false);
  const made = rotateState.ok ? (rotateState.data as { url?: string } | undefined)?.url : undefined;
  // The page's link is the current one; right after Replace, the action's answer may be newer.
  const url = props.active ? (made ?? props.url) : null;
  const legacy = props.active && props.canManage && !url;
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
      {url ? (
        <div className="space-y-1.5 rounded-md bg-green-50 p-3 ring-1 ring-inset ring-green-200">
          <label htmlFor="share-url" className="block font-medium text-green-900">
            Current share link
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
        </div>
      ) : legacy ? (
        <p className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-inset ring-amber-200">
          This link was created before links could be shown again. Replace it to get one you can copy; the current link then stops working.
        </p>
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
      {props.active && rotateState.ok ? <FormMessage state={rotateState} /> : null}
      {!props.active && disableState.ok ? <FormMessage state={disableState} /> : null}
    </div>
  );
}
