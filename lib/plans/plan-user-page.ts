import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePlanManagerPage } from "./pages";
import { findPlanUser } from "./queries";

/** A plan user's pages (P4): the plan's managers only; another plan's or organization's place is 404. */
export async function requirePlanUserPage(orgSlug: string, planId: string, planUserId: string) {
  const { ctx, plan } = await requirePlanManagerPage(orgSlug, planId);
  if (!z.uuid().safeParse(planUserId).success) notFound();
  const place = await findPlanUser(ctx, plan.id, planUserId);
  if (!place) notFound();
  return { ctx, plan, place, isSubscriber: place.userId === plan.subscriberId };
}
