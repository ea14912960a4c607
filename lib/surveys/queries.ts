import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { surveyResponses, surveys, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";

/** The organization's surveys with owner, check-out holder and response count (SPEC §7). */
export async function listSurveys(ctx: MemberContext) {
  const owner = alias(users, "owner");
  const holder = alias(users, "holder");
  const responses = db
    .select({ surveyId: surveyResponses.surveyId, n: count().as("n") })
    .from(surveyResponses)
    .groupBy(surveyResponses.surveyId)
    .as("responses");
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      ownerId: surveys.ownerId,
      ownerName: owner.name,
      ownerEmail: owner.email,
      checkedOutByName: holder.name,
      checkedOutByEmail: holder.email,
      updatedAt: surveys.updatedAt,
      responses: responses.n,
    })
    .from(surveys)
    .innerJoin(owner, eq(owner.id, surveys.ownerId))
    .leftJoin(holder, eq(holder.id, surveys.checkedOutById))
    .leftJoin(responses, eq(responses.surveyId, surveys.id))
    .where(eq(surveys.orgId, ctx.org.id))
    .orderBy(desc(surveys.updatedAt));
}
