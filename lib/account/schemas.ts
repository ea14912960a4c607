import { z } from "zod";
import { emailSchema } from "@/lib/invitations/schemas";

const name = z.string().trim().max(80, "Keep names under 80 characters.");

/** The profile page's fields (R2: everyone edits their own name, phone and email). */
export const profileSchema = z.object({
  firstName: name.min(1, "Enter your first name."),
  lastName: name,
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .max(32, "Keep the phone number under 32 characters.")
    .regex(/^[+()0-9 .-]*$/, "Use digits, spaces and + ( ) - . only.")
    .transform((v) => v || null),
});
export type ProfileInput = z.output<typeof profileSchema>;
