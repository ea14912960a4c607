// GET|POST /api/v1/orgs/{org}/plans/{planId}/users – Manage Users (P4, P7); Add User To Plan (P3)
import { addPlanUser as addPlanUserEndpoint, listPlanUsers } from "@/lib/api/endpoints";
import { presentPlanUser } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { listManagedPlanUsers } from "@/lib/plans/place-of-user";

export const GET = apiRoute(listPlanUsers, async (ctx, { params, query }) => {
  const list = await listManagedPlanUsers(ctx, params.planId, query);
  return { data: list.rows.map(presentPlanUser), page: list.page, pageCount: list.pageCount, total: list.total };
});

export const POST = apiRoute(addPlanUserEndpoint, async (ctx, { params, body }) => {
  const { planUserId } = await addPlanUser(ctx, params.planId, body.userId);
  return { userId: body.userId, planUserId };
});
