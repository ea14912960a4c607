"use server";

import { memberAction } from "@/lib/action";
import { addDomain } from "@/lib/domains/add-domain";
import { answerJoinRequest } from "@/lib/domains/join";
import { removeDomain, setJoinPolicy } from "@/lib/domains/manage-domains";
import { addDomainSchema, answerJoinRequestSchema, domainIdSchema, joinPolicySchema } from "@/lib/domains/schemas";
import { refreshOrganization } from "@/lib/revalidate";

const policyWords = { off: "Nobody joins by themselves", join: "People at this domain may join as User", ask: "People at this domain may ask to join" };

// POST (server action) – add a domain and email its verification link (D1).
export const addDomainAction = memberAction(addDomainSchema, async (input, ctx) => {
  const result = await addDomain(ctx, input);
  refreshOrganization(ctx.org.slug);
  return `${result.resent ? "A new verification link was sent" : "Verification link sent"} to ${result.verificationEmail}. ${result.domain} is verified once it is opened.`;
});

// POST (server action) – remove a domain (D1).
export const removeDomainAction = memberAction(domainIdSchema, async ({ domainId }, ctx) => {
  const removed = await removeDomain(ctx, domainId);
  refreshOrganization(ctx.org.slug);
  return `${removed.domain} was removed.`;
});

// POST (server action) – set a verified domain's join policy (D2).
export const setJoinPolicyAction = memberAction(joinPolicySchema, async (input, ctx) => {
  const domain = await setJoinPolicy(ctx, input);
  refreshOrganization(ctx.org.slug);
  return `${domain.domain}: ${policyWords[domain.joinPolicy]}.`;
});

// POST (server action) – approve (within seats) or decline a request to join (D2).
export const answerJoinRequestAction = memberAction(answerJoinRequestSchema, async (input, ctx) => {
  const result = await answerJoinRequest(ctx, input);
  refreshOrganization(ctx.org.slug);
  return result.status === "approved" ? `${result.email} joined as User.` : `The request of ${result.email} was declined.`;
});
