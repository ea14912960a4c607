// GET /api/orgs/:org/members/:userId/surveys.json – S3: download a member's surveys and responses as JSON, streamed
import { db } from "@/db/client";
import { memberRoute } from "@/lib/route";
import { memberSurveysExportResponse } from "@/lib/surveys/export";

export const dynamic = "force-dynamic";

export const GET = memberRoute<{ org: string; userId: string }>(async (_request, ctx, params) =>
  memberSurveysExportResponse(db, ctx, params.userId, "json"),
);
