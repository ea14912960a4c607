import { z } from "zod";
import { emailSchema } from "@/lib/invitations/schemas";
import { planCapabilities } from "@/lib/permissions";

/** Shared by the server actions and the forms of plans, the product area and transfers. */
export const MAX_PLAN_SEATS = 10_000;

const optionalName = z
  .string()
  .trim()
  .max(80, "Keep names under 80 characters.")
  .transform((v) => (v ? v : undefined))
  .optional();

/** A count of plan seats typed in a form: a whole number from 1 to MAX_PLAN_SEATS. */
export const seatsSchema = z.coerce
  .number({ error: "Enter a number of seats." })
  .int("Seats are a whole number.")
  .min(1, "A plan has at least 1 seat.")
  .max(MAX_PLAN_SEATS, `A plan has at most ${MAX_PLAN_SEATS.toLocaleString("en")} seats.`);

const planId = z.uuid("That plan id is not valid.");

/**
 * A person picked in the Add User To Plan or Transfer Ownership picker: a member's user id, or
 * (issue 14.5) `invitation:<id>` for someone with a live invitation.
 */
const pickedPerson = (message: string) =>
  z.union([
    z.uuid(message).transform((userId) => ({ userId, invitationId: null as string | null })),
    z
      .string()
      .regex(/^invitation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message)
      .transform((v) => ({ userId: null as string | null, invitationId: v.slice("invitation:".length) })),
  ], { error: message });

export const subscribeSchema = z.object({
  productId: z.string({ error: "Choose a product." }).trim().min(1, "Choose a product.").max(64, "That product does not exist."),
  seats: z.preprocess((v) => (v === "" ? undefined : v), seatsSchema.optional()),
});
export type SubscribeInput = z.output<typeof subscribeSchema>;

export const changePlanSeatsSchema = z.object({ planId, seats: seatsSchema });

export const addPlanUserSchema = z.object({
  planId,
  userId: pickedPerson("Choose a member from the list."),
});

export const invitePlanUserSchema = z.object({
  planId,
  email: emailSchema,
  firstName: optionalName,
  lastName: optionalName,
});
export type InvitePlanUserInput = z.output<typeof invitePlanUserSchema>;

export const planUserSchema = z.object({
  planId,
  planUserId: z.uuid("That plan user id is not valid."),
});

export const updatePlanUserPermissionsSchema = planUserSchema.extend({
  permissions: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(planCapabilities, { error: "That permission does not exist." })).max(planCapabilities.length * 2))
    .transform((keys) => [...new Set(keys)]),
});

export const requestTransferSchema = z.object({
  planId,
  toUserId: pickedPerson("Choose the member who will become the subscriber."),
});

export const transferToNewPersonSchema = z.object({
  planId,
  email: emailSchema,
  firstName: optionalName,
  lastName: optionalName,
  /** O3: attach the transfer to the invitation, so it reaches their inbox when they join. */
  attachTransfer: z
    .enum(["on", "true", "1"], { error: "Tick the box or leave it empty." })
    .optional()
    .transform((v) => v !== undefined),
});
export type TransferToNewPersonInput = z.output<typeof transferToNewPersonSchema>;

export const transferIdSchema = z.object({ transferId: z.uuid("That transfer id is not valid.") });

/** O4 reassigns to a member only: an invitee cannot be made subscriber at once. */
export const reassignPlanSchema = z.object({
  planId,
  toUserId: z.uuid("Choose the member who will become the subscriber."),
});

const title = z
  .string({ error: "Enter a title." })
  .trim()
  .min(2, "The title needs at least 2 characters.")
  .max(160, "Keep the title under 160 characters.");

export const createWorkflowSchema = z.object({ planId, title });

export const sendTaskSchema = z.object({
  planId,
  workflowId: z.uuid("That workflow id is not valid."),
  assigneeId: z.uuid("Choose the plan user who gets the task."),
  title,
});

export const completeTaskSchema = z.object({ planId, taskId: z.uuid("That task id is not valid.") });
