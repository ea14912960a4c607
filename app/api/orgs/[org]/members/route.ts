// GET /api/orgs/:org/members?q=…&notOnPlan=…&onPlan=…&exclude=…&invitees=1 – the member picker's search-as-you-type
import { z } from "zod";
import { searchInvitees } from "@/lib/invitations/queries";
import { MEMBER_SEARCH_LIMIT, searchMembers } from "@/lib/members/queries";
import { canInvite } from "@/lib/permissions";
import { memberRoute } from "@/lib/route";
import { parseSearchParams, textParam, uuidParam } from "@/lib/search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: textParam(100),
  notOnPlan: uuidParam,
  onPlan: uuidParam,
  exclude: z
    .preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(z.uuid()).max(20))
    .catch([]),
  /** Issue 14.5: also people with a live invitation (Add User To Plan, Transfer Ownership). */
  invitees: z.enum(["1"]).optional().catch(undefined),
});

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const params = parseSearchParams(querySchema, {
    q: url.searchParams.get("q") ?? undefined,
    notOnPlan: url.searchParams.get("notOnPlan") ?? undefined,
    onPlan: url.searchParams.get("onPlan") ?? undefined,
    exclude: url.searchParams.getAll("exclude"),
    invitees: url.searchParams.get("invitees") ?? undefined,
  });
  const members = await searchMembers(ctx, { q: params.q, notOnPlanId: params.notOnPlan, onPlanId: params.onPlan, excludeUserIds: params.exclude });
  // Invitees only for those who may invite (R1): picking one changes her invitation.
  const invitees =
    params.invitees && !params.onPlan && canInvite(ctx.membership.role, "user")
      ? await searchInvitees(ctx, { q: params.q, notOnPlanId: params.notOnPlan, limit: MEMBER_SEARCH_LIMIT - members.length })
      : [];
  return Response.json({ members: [...members, ...invitees] }, { headers: { "Cache-Control": "private, no-store" } });
});
