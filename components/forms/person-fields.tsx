"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";

type PersonField = "firstName" | "lastName" | "email" | "phone";

/**
 * A person's name, sign-in email and phone (R2), as the profile page and the pencil's form both ask
 * for them. The email hint says that a new address applies only once its link is followed
 * (docs/decisions/007).
 */
export function PersonFields({
  register,
  errorFor,
  emailHint,
}: {
  register: (name: PersonField) => UseFormRegisterReturn;
  errorFor: (name: PersonField) => string | undefined;
  emailHint: string;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" autoComplete="given-name" error={errorFor("firstName")} {...register("firstName")} />
        <Field label="Last name" autoComplete="family-name" error={errorFor("lastName")} {...register("lastName")} />
      </div>
      <Field label="Email address" type="email" autoComplete="email" error={errorFor("email")} hint={emailHint} {...register("email")} />
      <Field label="Phone number" type="tel" autoComplete="tel" error={errorFor("phone")} {...register("phone")} />
    </>
  );
}
