"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import type { SurveyQuestion } from "@/db/schema/work";
import { initialFormState } from "@/lib/form-state";
import { SURVEY_LIMITS } from "@/lib/surveys/schemas";
import { answerSurveyAction } from "./actions";

/** One box per question; the server checks every answer again (length, NUL, required). */
export function AnswerForm({ token, questions }: { token: string; questions: SurveyQuestion[] }) {
  const [state, action, pending] = useActionState(answerSurveyAction, initialFormState);
  if (state.ok) {
    return (
      <div className="mt-6 space-y-3">
        <FormMessage state={state} />
        <p className="text-sm text-gray-600">You can close this page.</p>
      </div>
    );
  }
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="mt-6 space-y-6">
      <input type="hidden" name="token" value={token} />
      {questions.some((q) => q.required) ? (
        <p className="text-xs text-gray-500">
          Questions marked <span className="text-red-600">*</span> need an answer.
        </p>
      ) : null}
      {questions.map((q, index) => {
        const name = `answer.${q.id}`;
        const id = `answer-${index}`;
        const message = error(name);
        return (
          <div key={q.id} className="space-y-1.5">
            <label htmlFor={id} className="block text-sm font-medium text-gray-900">
              {index + 1}. {q.text}
              {q.required ? <span className="ml-1 text-red-600" aria-hidden>*</span> : null}
              {q.required ? <span className="sr-only"> (required)</span> : null}
            </label>
            <textarea
              id={id}
              name={name}
              rows={3}
              required={q.required}
              maxLength={SURVEY_LIMITS.answer}
              defaultValue={state.values?.[name] ?? ""}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-error` : undefined}
              className={inputClass}
            />
            {message ? (
              <p id={`${id}-error`} className="text-sm text-red-600">
                {message}
              </p>
            ) : null}
          </div>
        );
      })}
      <Field
        label="Your name or email (optional)"
        name="respondent"
        maxLength={SURVEY_LIMITS.respondent}
        autoComplete="name"
        defaultValue={state.values?.respondent ?? ""}
        error={error("respondent")}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send answers"}
      </Button>
    </form>
  );
}
