// GET /api/orgs/:org/who-to-ask?path=/o/:org/… – who can open a page the caller was refused, by name (#14.12)
import { z } from "zod";
import { whoToAsk } from "@/lib/access/who-to-ask";
import { memberRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

const pathSchema = z.string().max(300).regex(/^\/o\/[a-z0-9-]+(\/[\w-]+)*\/?$/);

export const GET = memberRoute(async (request, ctx) => {
  const path = pathSchema.safeParse(new URL(request.url).searchParams.get("path") ?? "");
  const ask = path.success ? await whoToAsk(ctx, path.data) : null;
  return Response.json({ ask }, { headers: { "Cache-Control": "private, no-store" } });
});
