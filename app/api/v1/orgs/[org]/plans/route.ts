// GET /api/v1/orgs/{org}/plans – the organization's plans with seat usage and live transfer
import { listPlans } from "@/lib/api/endpoints";
import { presentPlan } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { listOrgPlans } from "@/lib/plans/queries";

export const GET = apiRoute(listPlans, async (ctx) => ({ data: (await listOrgPlans(ctx)).map(presentPlan) }));
