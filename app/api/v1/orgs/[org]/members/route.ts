// GET /api/v1/orgs/{org}/members – list members, a page after a cursor (filters role, status, q)
import { listMembers } from "@/lib/api/endpoints";
import { presentMember } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { listMembersByCursor } from "@/lib/members/list-members-cursor";

export const GET = apiRoute(listMembers, async (ctx, { query }) => {
  const page = await listMembersByCursor(ctx, query);
  return { data: page.rows.map(presentMember), nextCursor: page.nextCursor };
});
