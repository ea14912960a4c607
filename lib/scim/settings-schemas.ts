import { z } from "zod";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { roles, type Role } from "@/lib/permissions";

/**
 * Settings → Provisioning (SCIM) and `POST /api/v1/orgs/{org}/scim/tokens` (issue 17). Each
 * schema's output parses again to itself, so a service can check its input once more whichever
 * door it came through (the action, the API, a test).
 */

/** A SCIM token: a name and an expiry; its role is always Admin (C4: the directory acts as one). */
export const createScimTokenSchema = createApiTokenSchema.omit({ role: true });
export type CreateScimTokenInput = z.output<typeof createScimTokenSchema>;

export const scimTokenIdSchema = z.object({ tokenId: z.uuid("That token id is not valid.") });

/** A SCIM group's displayName as an identity provider pushes it (Okta and Entra allow 255). */
export const groupNameSchema = z
  .string({ error: "Enter the group's name as your identity provider pushes it." })
  .trim()
  .min(1, "Enter the group's name as your identity provider pushes it.")
  .max(255, "Use a group name of at most 255 characters.");

const targetPattern = new RegExp(`^(role:(${roles.join("|")})|plan:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, "i");

/**
 * C4: what a group means — `role:manager`, or `plan:<plan id>` for that plan's users. One value, so
 * the form's one "Maps to" select says it; `readMappingTarget` reads it.
 */
export const setGroupMappingSchema = z.object({
  groupName: groupNameSchema,
  target: z.string({ error: "Choose a role or a plan." }).trim().regex(targetPattern, "Choose a role or a plan."),
});
export type SetGroupMappingInput = z.output<typeof setGroupMappingSchema>;

export type MappingTarget = { role: Role; planId: null } | { role: null; planId: string };

export function readMappingTarget(target: string): MappingTarget {
  const [kind, value] = [target.slice(0, target.indexOf(":")).toLowerCase(), target.slice(target.indexOf(":") + 1)];
  return kind === "role" ? { role: value as Role, planId: null } : { role: null, planId: value.toLowerCase() };
}

export const groupMappingIdSchema = z.object({ mappingId: z.uuid("That mapping id is not valid.") });

/**
 * C3: on deprovisioning (a SCIM delete of someone who owns surveys or subscribes to a plan),
 * refuse (R5), or transfer their surveys and plans to the chosen active Admin, then delete.
 */
export const deprovisioningSchema = z
  .object({
    mode: z.enum(["refuse", "transfer"], { error: "Choose what happens when your identity provider deletes someone." }),
    transferToUserId: z.preprocess((v) => (v === "" ? null : v), z.string().nullish()),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "transfer" && !z.uuid().safeParse(value.transferToUserId).success) {
      ctx.addIssue({ code: "custom", path: ["transferToUserId"], message: "Choose the Admin who receives their surveys and plans." });
    }
  })
  .transform((value) => ({ mode: value.mode, transferToUserId: value.mode === "transfer" ? (value.transferToUserId as string).toLowerCase() : null }));
export type DeprovisioningInput = z.output<typeof deprovisioningSchema>;
