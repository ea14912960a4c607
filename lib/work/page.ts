import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/client";
import { requireMemberPage } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { requirePlanUser } from "./plan-access";

/** A product-area page (§6): the member, then their place on the plan; anyone else gets 404. */
export async function requirePlanAreaPage(orgSlug: string, planId: string) {
  const ctx = await requireMemberPage(orgSlug);
  if (!z.uuid().safeParse(planId).success) notFound();
  try {
    return { ctx, area: await requirePlanUser(db, ctx.org.id, ctx.user.id, planId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
