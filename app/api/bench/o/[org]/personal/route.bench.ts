// POST /api/bench/o/[org]/personal – benchmark only: one personal write by the signed-in member
import { z } from "zod";
import { requireBench } from "@/lib/bench";
import { markNotificationRead } from "@/lib/notifications/mark-read";
import { memberRoute } from "@/lib/route";
import { checkInSurvey } from "@/lib/surveys/check-in-survey";
import { checkOutSurvey } from "@/lib/surveys/check-out-survey";
import { completeTask } from "@/lib/work/complete-task";

export const dynamic = "force-dynamic";

const writeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("read"), id: z.uuid() }),
  z.object({ op: z.literal("checkout"), id: z.uuid() }),
  z.object({ op: z.literal("checkin"), id: z.uuid() }),
  z.object({ op: z.literal("task"), id: z.uuid(), planId: z.uuid() }),
]);

/**
 * `writes.personal` of the bench (#15.3): the member's own session (memberRoute: cookie, then the
 * membership of the organization in the URL), then the same lib/ function the page's action
 * calls. Exists only in the bench build (docs/decisions/067).
 */
export const POST = memberRoute<{ org: string }>(async (request, ctx) => {
  requireBench();
  const write = writeSchema.parse(await request.json());
  if (write.op === "read") await markNotificationRead(ctx, write.id);
  else if (write.op === "checkout") await checkOutSurvey(ctx, write.id);
  else if (write.op === "checkin") await checkInSurvey(ctx, write.id);
  else await completeTask(ctx, write.planId, write.id);
  return Response.json({ ok: true });
});
