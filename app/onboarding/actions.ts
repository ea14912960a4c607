"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/action";
import { joinByDomain, requestToJoin } from "@/lib/domains/join";
import { joinByDomainSchema } from "@/lib/domains/schemas";
import { createOrganizationSchema, createOwnOrganization } from "@/lib/orgs/create-organization";

// POST (server action) – SPEC I5: create an organization; the creator becomes its Admin (Free tier).
export const createOrganizationAction = userAction(createOrganizationSchema, async ({ name, firstName, lastName }, user) => {
  const org = await createOwnOrganization({ userId: user.id, name, firstName, lastName });
  redirect(`/o/${org.slug}/users`);
});

// POST (server action) – D2: join the organization holding the domain of one's address, as User, within seats.
export const joinByDomainAction = userAction(joinByDomainSchema, async ({ domainId }, user) => {
  const { orgSlug } = await joinByDomain(user, domainId);
  redirect(`/o/${orgSlug}/welcome`);
});

// POST (server action) – D2: ask to join; the organization's Admins approve or decline.
export const requestToJoinAction = userAction(joinByDomainSchema, async ({ domainId }, user) => {
  const { already } = await requestToJoin(user, domainId);
  return already ? "Your request is already with the Admins." : "Request sent. The Admins will approve or decline it; sign in again later to see.";
});
