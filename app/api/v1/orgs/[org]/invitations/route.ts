// GET|POST /api/v1/orgs/{org}/invitations – Manage Invites; Invite Teammate, one result per address (I1, R1, T3, T5)
import { createInvitations, listInvitations } from "@/lib/api/endpoints";
import { presentInvitation } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { listManagedInvitations } from "@/lib/invitations/list-managed-invitations";
import { publicBaseUrl } from "@/lib/url";

export const GET = apiRoute(listInvitations, async (ctx) => ({ data: (await listManagedInvitations(ctx)).map(presentInvitation) }));

export const POST = apiRoute(createInvitations, async (ctx, { body }) => ({
  results: await inviteMembers(
    ctx,
    { emails: body.emails, role: body.role, firstName: body.firstName || undefined, lastName: body.lastName || undefined, planIds: body.planIds ?? [] },
    { baseUrl: publicBaseUrl() },
  ),
}));
