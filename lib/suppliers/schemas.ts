import { z } from "zod";
import { emailSchema } from "@/lib/invitations/schemas";

const optionalName = z
  .string()
  .trim()
  .max(80, "Keep names under 80 characters.")
  .transform((v) => (v ? v : undefined))
  .optional();

/** I6: the supplier company a client invites, and the person who will be its Admin. */
export const inviteSupplierSchema = z.object({
  companyName: z
    .string({ error: "Enter the supplier company's name." })
    .trim()
    .min(2, "The company name needs at least 2 characters.")
    .max(80, "Keep the company name under 80 characters."),
  email: emailSchema,
  firstName: optionalName,
  lastName: optionalName,
});
export type InviteSupplierInput = z.output<typeof inviteSupplierSchema>;
