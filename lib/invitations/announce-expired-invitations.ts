import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, selectRows, type Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { transaction } from "@/lib/transaction";
import { emitEvent } from "@/lib/webhooks/emit";

type Lapsed = { id: string; orgId: string; email: string; role: "admin" | "manager" | "user"; expiresAt: Date | string };

/**
 * The invitation.expired sweep (W1). An invitation expires by the clock, with no write (T2), so
 * no change can emit the event: this sweep notices each lapsed teammate invitation once. The
 * rows are claimed with FOR UPDATE SKIP LOCKED and marked with the expiry announced, so several
 * servers sweeping at once never announce one expiry twice; a resend gives a new expiry, which is
 * announced again if it lapses too. The event is written in the claim's transaction.
 */
export async function announceExpiredInvitations(options: { db?: Db; now?: Date; limit?: number } = {}) {
  const database = options.db ?? defaultDb;
  const now = (options.now ?? new Date()).toISOString();
  const limit = options.limit ?? 200;
  const announced = await transaction(
    async (tx) => {
      const rows = await selectRows<Lapsed>(
        tx,
        sql`
        update ${invitations}
        set expiry_announced_for = expires_at
        where id in (
          select id from ${invitations}
          where status = 'pending' and kind = 'member' and expires_at <= ${now}::timestamptz
            and expiry_announced_for is distinct from expires_at
          order by expires_at
          limit ${limit}
          for update skip locked
        ) and status = 'pending'
        returning id, org_id as "orgId", email, role, expires_at as "expiresAt"`,
      );
      for (const row of rows) {
        await emitEvent(tx, {
          orgId: row.orgId,
          type: "invitation.expired",
          data: { invitationId: row.id, email: row.email, role: row.role, expiresAt: new Date(row.expiresAt).toISOString() },
        });
      }
      return rows.length;
    },
    { db: database },
  );
  return { announced };
}

/** The sweep's timer, started once per server process from instrumentation.ts. */
export function startInvitationExpirySweep(intervalMs = 60_000) {
  const g = globalThis as unknown as { __seatwiseInvitationSweep?: NodeJS.Timeout };
  if (g.__seatwiseInvitationSweep || process.env.SEATWISE_INVITATION_SWEEP === "off") return;
  g.__seatwiseInvitationSweep = setInterval(() => {
    announceExpiredInvitations().catch((error) => console.warn("[invitations] expiry sweep failed:", (error as Error).message));
  }, intervalMs);
  g.__seatwiseInvitationSweep.unref();
}
