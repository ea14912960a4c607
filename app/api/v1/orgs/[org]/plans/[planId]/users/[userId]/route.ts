// DELETE|PATCH /api/v1/orgs/{org}/plans/{planId}/users/{userId} – Remove from plan (P6; ?preview=true changes nothing); Edit User Permissions (P5)
import { removePlanUser as removePlanUserEndpoint, updatePlanUserPermissions as updatePermissionsEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { planPlaceOfUser, previewPlanUserRemoval } from "@/lib/plans/place-of-user";
import { removePlanUser } from "@/lib/plans/remove-plan-user";
import { updatePlanUserPermissions } from "@/lib/plans/update-plan-user-permissions";
import { publicBaseUrl } from "@/lib/url";

export const DELETE = apiRoute(removePlanUserEndpoint, async (ctx, { params, query }) => {
  if (query.preview === "true") return { preview: true, effects: await previewPlanUserRemoval(ctx, params.planId, params.userId) };
  const done = await removePlanUser(ctx, params.planId, await planPlaceOfUser(ctx, params.planId, params.userId), { baseUrl: publicBaseUrl() });
  return { preview: false, effects: { workflows: done.workflowsDeleted, toInbox: done.movedToInbox, toOutbox: done.movedToOutbox } };
});

export const PATCH = apiRoute(updatePermissionsEndpoint, async (ctx, { params, body }) => {
  await updatePlanUserPermissions(ctx, params.planId, await planPlaceOfUser(ctx, params.planId, params.userId), body.permissions);
  return { permissions: [...new Set(body.permissions)] };
});
