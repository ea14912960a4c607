import { z } from "zod";
import { roles } from "@/lib/permissions";

/** Shared by the server actions and the forms (react-hook-form's resolver). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."));

const optionalName = z
  .string()
  .trim()
  .max(80, "Keep names under 80 characters.")
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * Splits a pasted list at commas, semicolons and line breaks — what the form's help says. A space
 * inside an entry is part of it ("ann @example.com" is one malformed address, said so), never a
 * separator that would silently invite half of a typo.
 */
export function splitEmails(raw: string): string[] {
  return raw
    .split(/[,;\r\n]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

/** Why an entry of the list is not an email address, in the words the results show. */
export function malformedReason(raw: string): string {
  if (/\s/.test(raw)) return "Not an email address: it contains a space. Separate addresses with commas or line breaks.";
  if (!raw.includes("@")) return "Not an email address: it has no @.";
  return "Not an email address.";
}

export const MAX_INVITES_AT_ONCE = 50;

export const inviteMembersSchema = z
  .object({
    emails: z
      .string({ error: "Enter at least one email address." })
      .max(20_000, "That list is too long.")
      .transform(splitEmails)
      .pipe(
        z
          .array(z.string())
          .min(1, "Enter at least one email address.")
          .max(MAX_INVITES_AT_ONCE, `Invite at most ${MAX_INVITES_AT_ONCE} people at once.`),
      ),
    role: z.enum(roles, { error: "Choose a role: Admin, Manager or User." }),
    firstName: optionalName,
    lastName: optionalName,
    /** I1: optional plans to join (checkboxes; one value or several). */
    planIds: z
      .preprocess((v) => (v === undefined || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid("That plan id is not valid.")).max(20, "Choose at most 20 plans."))
      .optional(),
  })
  .refine((v) => v.emails.length === 1 || (!v.firstName && !v.lastName), {
    path: ["firstName"],
    message: "First and last name go with a single email address.",
  });

export type InviteMembersInput = z.output<typeof inviteMembersSchema>;

export const idSchema = z.uuid("That id is not valid.");
