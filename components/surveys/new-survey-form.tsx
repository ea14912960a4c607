"use client";

import { createSurveyAction } from "@/app/o/[org]/surveys/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { createSurveySchema, SURVEY_LIMITS } from "@/lib/surveys/schemas";

/** New survey (S1): the same zod schema checks the fields here and on the server. */
export function NewSurveyForm({ orgSlug }: { orgSlug: string }) {
  const { form, state, pending, onSubmit, errorFor } = useActionForm<{ title: string; description: string }>(
    createSurveySchema,
    createSurveyAction,
    // No default values: react-hook-form then reads what is in the fields, so text typed before
    // the page finished loading is kept instead of being reset to "".
    {},
  );
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      <Field label="Title" maxLength={SURVEY_LIMITS.title} error={errorFor("title")} {...form.register("title")} />
      <Field label="Description (optional)" name="description" error={errorFor("description")} hint="Shown to respondents above the questions.">
        <textarea
          id="field-description"
          rows={4}
          maxLength={SURVEY_LIMITS.description}
          aria-invalid={errorFor("description") ? true : undefined}
          className={inputClass}
          {...form.register("description")}
        />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create survey"}
      </Button>
    </form>
  );
}
