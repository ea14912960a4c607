import { z } from "zod";
import { tiers } from "@/lib/tiers";
import { roles } from "@/lib/permissions";
import { emailSchema } from "@/lib/invitations/schemas";

const name = z.string().trim().max(80, "Keep names under 80 characters.");

/** Edit user (SPEC R2, R3): every field of the pencil form. */
export const updateMemberSchema = z.object({
  userId: z.uuid("That member id is not valid."),
  firstName: name.min(1, "Enter a first name."),
  lastName: name,
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .max(32, "Keep the phone number under 32 characters.")
    .regex(/^[+()0-9 .-]*$/, "Use digits, spaces and + ( ) - . only.")
    .transform((v) => v || null),
  role: z.enum(roles, { error: "Choose a role: Admin, Manager or User." }),
});
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;

export const memberIdSchema = z.object({ userId: z.uuid("That member id is not valid.") });

export const changeTierSchema = z.object({
  tier: z.enum(tiers as [string, ...string[]], { error: "Choose a tier." }).transform((t) => t as (typeof tiers)[number]),
});
