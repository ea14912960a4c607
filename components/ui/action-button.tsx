"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Button, type ButtonProps } from "./button";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** One button that posts hidden fields to a server action and shows its answer next to it. */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  variant = "secondary",
  className,
  ...button
}: Omit<ButtonProps, "type" | "formAction"> & {
  action: Action;
  fields: Record<string, string>;
  pendingLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} className={className} disabled={pending || button.disabled} {...button}>
        {pending ? (pendingLabel ?? children) : children}
      </Button>
      {state.formError ? (
        <span role="alert" className="max-w-xs whitespace-normal text-xs text-red-600">
          {state.formError}
        </span>
      ) : state.ok && state.message ? (
        <span role="status" className="text-xs text-green-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
