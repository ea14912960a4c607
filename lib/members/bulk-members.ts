import "server-only";
import { z } from "zod";
import type { MemberContext } from "@/lib/auth/session";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { personOpKind, roleLabels, roles, type PersonOp } from "@/lib/permissions";
import { deleteMember } from "./delete-member";
import { setMemberStatus } from "./set-member-status";
import { changeMemberRole } from "./update-member";

export const bulkOperations = ["suspend", "reactivate", "delete", "role", "resend", "revoke"] as const satisfies readonly PersonOp[];
export type BulkOperation = (typeof bulkOperations)[number];

/** Which kind of row each operation acts on (members, or pending invitations): the role table's answer. */
export const bulkOperationKind: Record<BulkOperation, "member" | "invitation"> = personOpKind;

export const MAX_BULK = 50;

/** A row of the Users page as the bulk form posts it: "member:<id>" or "invitation:<id>". */
const rowRef = z
  .string()
  .regex(/^(member|invitation):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "That row is not valid.")
  .transform((v) => {
    const [kind, id] = v.split(":") as ["member" | "invitation", string];
    return { kind, id };
  });

export const bulkMembersSchema = z
  .object({
    op: z.enum(bulkOperations, { error: "Choose what to do with the selected rows." }),
    role: z.enum(roles, { error: "Choose a role." }).optional(),
    rows: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(rowRef).min(1, "Select at least one row.").max(MAX_BULK, `Select at most ${MAX_BULK} rows.`),
    ),
  })
  .refine((v) => v.op !== "role" || v.role, { path: ["role"], message: "Choose the new role." });

export type BulkMembersInput = z.output<typeof bulkMembersSchema>;

/**
 * One row's result. `code` (issue 14.25) says why a row was refused — the AppError code of its
 * service, or WRONG_KIND for a row the operation does not apply to — so callers and tests need
 * not read the wording; absent on success.
 */
export type BulkRowResult = { kind: "member" | "invitation"; id: string; ok: boolean; message: string; code?: ErrorCode | "WRONG_KIND" };

/**
 * Bulk actions of the Users page: each selected row goes through the very service its own menu
 * uses — its own transaction, the same rules (R3, R4, R9, R1 for invitations, T3 for
 * re-activation) checked for that row — so each row is done or refused as a whole, never half,
 * and gets its own result. Rows of another kind than the operation's are skipped and say so.
 */
export async function applyBulk(ctx: MemberContext, input: BulkMembersInput, options: { baseUrl: string }): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = [];
  const seen = new Set<string>();
  for (const row of input.rows) {
    const key = `${row.kind}:${row.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.kind !== bulkOperationKind[input.op]) {
      results.push({ ...row, ok: false, code: "WRONG_KIND", message: row.kind === "invitation" ? "An invitation: not a member." : "A member: not an invitation." });
      continue;
    }
    try {
      results.push({ ...row, ok: true, message: await applyOne(ctx, input, row.id, options) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ ...row, ok: false, code: error.code, message: error.message });
    }
  }
  return results;
}

async function applyOne(ctx: MemberContext, input: BulkMembersInput, id: string, options: { baseUrl: string }): Promise<string> {
  switch (input.op) {
    case "suspend":
      await setMemberStatus(ctx, id, "suspended");
      return "Suspended.";
    case "reactivate":
      await setMemberStatus(ctx, id, "active");
      return "Active again.";
    case "delete":
      await deleteMember(ctx, id);
      return "Deleted; their seat is free.";
    case "role": {
      const changed = await changeMemberRole(ctx, id, input.role!, options);
      return `Now ${roleLabels[changed.to]}.`;
    }
    case "resend":
      await resendInvitation(ctx, id, options);
      return "Sent again with a new link.";
    case "revoke":
      await revokeInvitation(ctx, id);
      return "Revoked; its seat is free.";
  }
}
