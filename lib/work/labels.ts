import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { productPermissions } from "@/db/schema";

/** A product's permission labels by key (P5), for "your part" lines. One statement. */
export async function productPermissionLabels(productId: string) {
  const rows = await db
    .select({ key: productPermissions.key, label: productPermissions.label })
    .from(productPermissions)
    .where(eq(productPermissions.productId, productId))
    .orderBy(productPermissions.sortOrder);
  return new Map(rows.map((r) => [r.key, r.label]));
}
