// GET /api/orgs/:org/members/:userId/surveys.csv – S3: download a member's surveys and responses as CSV, streamed
import { db } from "@/db/client";
import { memberRoute } from "@/lib/route";
import { memberSurveysExportResponse } from "@/lib/surveys/export";

export const dynamic = "force-dynamic";

export const GET = memberRoute<{ org: string; userId: string }>(async (_request, ctx, params) =>
  memberSurveysExportResponse(db, ctx, params.userId, "csv"),
);
