import "server-only";
import { and, count, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { lockOrganization } from "@/lib/seats/reserve-seat";

/**
 * SPEC R7: an organization always has at least one Admin. Call it before a change that takes
 * `userId` out of the Admins (step down); it locks the organization row so that two Admins
 * stepping down at the same moment take turns and the second is refused.
 */
export async function assertAdminRemains(tx: Tx, orgId: string, userId: string) {
  await lockOrganization(tx, orgId);
  const [{ others }] = await tx
    .select({ others: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), ne(memberships.userId, userId), eq(memberships.status, "active")));
  if (others < 1) {
    throw new AppError(
      "LAST_ADMIN",
      "You are the only Admin. Make another member an Admin first: an organization always needs one.",
    );
  }
}
