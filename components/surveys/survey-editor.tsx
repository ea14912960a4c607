"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useActionState, useEffect, useRef, useState } from "react";
import { updateSurveyAction } from "@/app/o/[org]/surveys/actions";
import { useUnsavedChanges } from "@/components/surveys/unsaved-changes";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import type { SurveyQuestion } from "@/db/schema/work";
import { initialFormState } from "@/lib/form-state";
import { SURVEY_LIMITS } from "@/lib/surveys/schemas";

type Row = { key: string; id: string; text: string; required: boolean };

let counter = 0;
const toRows = (questions: SurveyQuestion[]): Row[] =>
  questions.map((q) => ({ key: q.id, id: q.id, text: q.text, required: !!q.required }));

/**
 * S1 edit, for the member who has the survey checked out: title, description and the questions
 * (add, reword, reorder, remove, mark required). The server keeps each question's id, so the
 * answers already given stay with their question. Unsaved edits are shared with the page's
 * guard (#14.1): Check in offers to save them, and leaving the page asks first.
 */
export function SurveyEditor(props: {
  orgSlug: string;
  survey: { id: string; title: string; description: string; questions: SurveyQuestion[] };
}) {
  const [state, action, pending] = useActionState(updateSurveyAction, initialFormState);
  const [rows, setRows] = useState<Row[]>(() => toRows(props.survey.questions));
  const { dirty, setDirty, registerSaveAndCheckIn } = useUnsavedChanges();
  const focusKey = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const saveAndCheckIn = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    registerSaveAndCheckIn(() => form.current?.requestSubmit(saveAndCheckIn.current));
    return () => {
      // The editor goes away once the survey is checked in: nothing of it is unsaved any more.
      registerSaveAndCheckIn(null);
      setDirty(false);
    };
  }, [registerSaveAndCheckIn, setDirty]);

  // After a save the server answers with the questions as stored (new ones now have ids): take
  // them while rendering that answer (React's "adjust state when a prop changes" pattern).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    const saved = (state.data as { questions?: SurveyQuestion[] } | undefined)?.questions;
    if (state.ok && saved) setRows(toRows(saved));
  }
  // The guard's state lives in the page's provider: update it after rendering, not during.
  useEffect(() => {
    if (state.ok) setDirty(false);
  }, [state, setDirty]);

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`question-${focusKey.current}`)?.focus();
    focusKey.current = null;
  }, [rows]);

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    change(next);
  };
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  const values = state.ok ? undefined : state.values;

  return (
    <form ref={form} action={action} onChange={() => setDirty(true)} className="space-y-6" aria-label="Edit survey">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="surveyId" value={props.survey.id} />
      <Field
        label="Title"
        name="title"
        required
        maxLength={SURVEY_LIMITS.title}
        defaultValue={values?.title ?? props.survey.title}
        error={error("title")}
      />
      <Field label="Description" name="description" error={error("description")} hint="Shown to respondents above the questions.">
        <textarea
          id="field-description"
          name="description"
          rows={3}
          maxLength={SURVEY_LIMITS.description}
          defaultValue={values?.description ?? props.survey.description}
          aria-invalid={error("description") ? true : undefined}
          className={inputClass}
        />
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-gray-900">Questions</legend>
        {rows.length === 0 ? <p className="text-sm text-gray-500">No questions yet. Add the first one.</p> : null}
        <ol className="space-y-3">
          {rows.map((row, index) => {
            const message = error(`question.${index}`);
            return (
              <li key={row.key} className="rounded-md bg-gray-50 p-3 ring-1 ring-inset ring-gray-200">
                <input type="hidden" name="questionId" value={row.id} />
                <input type="hidden" name="questionRequired" value={row.required ? "true" : "false"} />
                <label htmlFor={`question-${row.key}`} className="block text-xs font-medium text-gray-700">
                  Question {index + 1}
                </label>
                <div className="mt-1 flex items-start gap-2">
                  <input
                    id={`question-${row.key}`}
                    name="questionText"
                    value={row.text}
                    required
                    maxLength={SURVEY_LIMITS.questionText}
                    aria-invalid={message ? true : undefined}
                    aria-describedby={message ? `question-${row.key}-error` : undefined}
                    onChange={(e) => change(rows.map((r) => (r.key === row.key ? { ...r, text: e.target.value } : r)))}
                    className={inputClass}
                  />
                  <Button variant="ghost" size="sm" className="px-1.5 py-1.5" aria-label={`Move question ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    <ArrowUp aria-hidden className="h-4 w-4" />
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="px-1.5 py-1.5"
                    aria-label={`Move question ${index + 1} down`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDown aria-hidden className="h-4 w-4" />
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="px-1.5 py-1.5 text-red-700"
                    aria-label={`Remove question ${index + 1}`}
                    onClick={() => change(rows.filter((r) => r.key !== row.key))}
                  >
                    <Trash2 aria-hidden className="h-4 w-4" />
                  </Button>
                </div>
                <label className="mt-2 inline-flex items-center gap-2 text-sm text-gray-700">
                  <input
                    type="checkbox"
                    checked={row.required}
                    aria-label={`Answer to question ${index + 1} required`}
                    onChange={(e) => change(rows.map((r) => (r.key === row.key ? { ...r, required: e.target.checked } : r)))}
                    className="h-4 w-4 rounded border-gray-300 text-indigo-600"
                  />
                  Answer required
                </label>
                {message ? (
                  <p id={`question-${row.key}-error`} className="mt-1 text-sm text-red-600">
                    {message}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          disabled={rows.length >= SURVEY_LIMITS.questions}
          onClick={() => {
            const key = `new-${++counter}`;
            focusKey.current = key;
            change([...rows, { key, id: "", text: "", required: false }]);
          }}
        >
          <Plus aria-hidden className="h-4 w-4" /> Add question
        </Button>
      </fieldset>

      <FormMessage state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button ref={saveAndCheckIn} type="submit" name="intent" value="check-in" variant="secondary" disabled={pending}>
          Save and check in
        </Button>
        <span className="text-sm text-gray-500" aria-live="polite">
          {dirty ? "Unsaved changes." : ""}
        </span>
      </div>
    </form>
  );
}
