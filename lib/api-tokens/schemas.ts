import { z } from "zod";
import { roles } from "@/lib/permissions";

/** K1: at most a year. */
export const MAX_TOKEN_DAYS = 365;
export const tokenExpiryChoices = ["7", "30", "90", "365", "never"] as const;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token, for example “HR sync”.").max(80, "Keep the name under 80 characters."),
  role: z.enum(roles, { error: "Choose a role: Admin, Manager or User." }),
  /** Days until it expires (1–365), or "never". */
  expiresIn: z
    .string()
    .trim()
    .default("90")
    .refine((v) => v === "never" || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_TOKEN_DAYS), {
      message: `Choose an expiry of at most ${MAX_TOKEN_DAYS} days, or none.`,
    }),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("That token id is not valid.") });
