"use client";

import { Check, Copy } from "lucide-react";
import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { createWebhookEndpointAction } from "./actions";

type EventOption = { type: string; description: string };

/**
 * Add an endpoint (W1): its URL and the events it wants. The signing secret comes back once, in
 * the action's answer, and is shown here with Copy; it is never shown again.
 */
export function AddEndpointForm({ orgSlug, events }: { orgSlug: string; events: EventOption[] }) {
  const [state, action, pending] = useActionState(createWebhookEndpointAction, initialFormState);
  const [copied, setCopied] = useState(false);
  const created = state.ok ? (state.data as { secret: string; endpointId: string } | undefined) : undefined;
  // Controlled, so a refused form keeps what was typed and ticked; a success clears it.
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.ok) {
      setUrl("");
      setChosen(new Set());
    }
  }
  const toggle = (type: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const eventsError = state.ok ? undefined : state.fieldErrors?.events?.[0];

  return (
    <div className="space-y-5">
      {created ? (
        <div className="space-y-2 rounded-md bg-green-50 p-4 text-sm ring-1 ring-inset ring-green-200" role="status">
          <p className="font-medium text-green-900">{state.message}</p>
          <label htmlFor="webhook-secret" className="block font-medium text-green-900">
            Signing secret
          </label>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <input id="webhook-secret" readOnly value={created.secret} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.target.select()} />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.secret);
                setCopied(true);
              }}
              aria-label="Copy signing secret"
            >
              {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-green-900">
            Verify each delivery with it (the standardwebhooks library does). Seatwise keeps it encrypted and will not show it again.
          </p>
        </div>
      ) : null}
      <form
        className="space-y-5"
        onSubmit={(event) => {
          // Sent by hand, not through `action=`: React resets a form after its action, which would
          // untick the controlled checkboxes of a refused form.
          event.preventDefault();
          setCopied(false);
          const data = new FormData(event.currentTarget);
          startTransition(() => action(data));
        }}
      >
        <input type="hidden" name="org" value={orgSlug} />
        <Field
          label="Endpoint URL"
          name="url"
          type="url"
          required
          placeholder="https://hooks.example.com/seatwise"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={state.ok ? undefined : state.fieldErrors?.url}
          hint="Must be https, and reachable on the public internet."
        />
        <fieldset aria-describedby={eventsError ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-gray-900">Events to send</legend>
          <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {events.map((event) => (
              <label key={event.type} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="events"
                  value={event.type}
                  checked={chosen.has(event.type)}
                  onChange={(e) => toggle(event.type, e.target.checked)}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-mono text-xs text-gray-900">{event.type}</span>
                  <span className="block text-xs text-gray-500">{event.description}</span>
                </span>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="events-error" className="mt-2 text-sm text-red-600">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        {!state.ok && state.formError && !state.fieldErrors ? (
          <p role="alert" className="text-sm text-red-600">
            {state.formError}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}
