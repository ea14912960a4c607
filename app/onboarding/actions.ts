"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/action";
import { createOrganizationSchema, createOwnOrganization } from "@/lib/orgs/create-organization";

// POST (server action) – SPEC I5: create an organization; the creator becomes its Admin (Free tier).
export const createOrganizationAction = userAction(createOrganizationSchema, async ({ name, firstName, lastName }, user) => {
  const org = await createOwnOrganization({ userId: user.id, name, firstName, lastName });
  redirect(`/o/${org.slug}/users`);
});
