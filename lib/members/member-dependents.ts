import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans, products, surveys } from "@/db/schema";

export type MemberDependents = { surveys: number; subscribedPlans: string[] };

/** SPEC R5: what must be transferred before a member can be deleted. */
export async function memberDependents(db: DbOrTx, orgId: string, userId: string): Promise<MemberDependents> {
  const [[{ n }], subscribed] = await Promise.all([
    db.select({ n: count() }).from(surveys).where(and(eq(surveys.orgId, orgId), eq(surveys.ownerId, userId))),
    db
      .select({ name: products.name })
      .from(plans)
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(plans.orgId, orgId), eq(plans.subscriberId, userId))),
  ]);
  return { surveys: n, subscribedPlans: subscribed.map((p) => p.name) };
}

/** The sentence the disabled Delete User control and the refusal both show (R5): "Transfer 2 surveys first." */
export function dependentsMessage(d: MemberDependents): string | null {
  const parts: string[] = [];
  if (d.surveys) parts.push(`${d.surveys} survey${d.surveys === 1 ? "" : "s"}`);
  if (d.subscribedPlans.length) parts.push(`ownership of ${d.subscribedPlans.join(", ")}`);
  return parts.length ? `Transfer ${parts.join(" and ")} first.` : null;
}
