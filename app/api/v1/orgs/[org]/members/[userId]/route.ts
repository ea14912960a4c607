// GET|PATCH|DELETE /api/v1/orgs/{org}/members/{userId} – read a member; change role or status (R3, R9); Delete User (R4–R6)
import { deleteMember as deleteMemberEndpoint, getMember, updateMember } from "@/lib/api/endpoints";
import { presentMember } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { deleteMember } from "@/lib/members/delete-member";
import { getMemberOfOrg } from "@/lib/members/list-members-cursor";
import { setMemberStatus } from "@/lib/members/set-member-status";
import { changeMemberRole } from "@/lib/members/update-member";
import { publicBaseUrl } from "@/lib/url";

export const GET = apiRoute(getMember, async (ctx, { params }) => presentMember(await getMemberOfOrg(ctx, params.userId)));

export const PATCH = apiRoute(updateMember, async (ctx, { params, body }) => {
  if (body.role) await changeMemberRole(ctx, params.userId, body.role, { baseUrl: publicBaseUrl() });
  else if (body.status) await setMemberStatus(ctx, params.userId, body.status);
  return presentMember(await getMemberOfOrg(ctx, params.userId));
});

export const DELETE = apiRoute(deleteMemberEndpoint, async (ctx, { params }) => {
  await deleteMember(ctx, params.userId);
});
