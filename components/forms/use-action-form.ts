"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { initialFormState, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * react-hook-form in front of a server action: the same zod schema checks the fields in the
 * browser (instant messages) and again on the server (the one that counts). Server field errors
 * are shown beside the same fields.
 */
export function useActionForm<T extends FieldValues>(schema: z.ZodType, action: Action, defaultValues: DefaultValues<T>) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = useForm<T>({
    // The resolver's input and output types differ for transforming schemas; fields are strings here.
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: "onSubmit",
  });
  const onSubmit = form.handleSubmit((_values, event) => {
    const data = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(data));
  });
  const errorFor = (name: keyof T & string): string | undefined =>
    (form.formState.errors[name]?.message as string | undefined) ?? state.fieldErrors?.[name]?.[0];
  return { form, state, pending, onSubmit, errorFor };
}
