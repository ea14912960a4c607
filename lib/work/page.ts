import "server-only";
import { and, eq } from "drizzle-orm";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/client";
import { plans } from "@/db/schema";
import { requireMemberPage } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { requirePlanUser } from "./plan-access";

/**
 * A product-area page (§6): the member, then their place on the plan. A plan of another
 * organization (or none) answers 404; a plan of their own organization they are not on answers
 * 403 inside the shell, saying the area is for the plan's users (docs/decisions/030).
 */
export async function requirePlanAreaPage(orgSlug: string, planId: string) {
  const ctx = await requireMemberPage(orgSlug);
  if (!z.uuid().safeParse(planId).success) notFound();
  try {
    return { ctx, area: await requirePlanUser(db, ctx.org.id, ctx.user.id, planId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") {
      const [plan] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.id, planId), eq(plans.orgId, ctx.org.id)));
      if (plan) forbidden();
      notFound();
    }
    throw error;
  }
}
