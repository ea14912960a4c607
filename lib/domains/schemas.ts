import { z } from "zod";
import { emailSchema } from "@/lib/invitations/schemas";
import { isPublicMailDomain } from "./public-domains";

/** A host name as people type it ("Acme.com.", " acme.com"): trimmed, lower-cased, no trailing dot. */
export const domainNameSchema = z
  .string({ error: "Enter a domain, like acme.com." })
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .max(253, "That domain is too long.")
      .regex(
        /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
        "Enter a domain, like acme.com (no @, no https://).",
      )
      .refine((d) => !isPublicMailDomain(d), "Public mail domains (like gmail.com or outlook.com) cannot belong to an organization."),
  );

/** D1: an Admin adds a domain and names an address at it, where the verification link goes. */
export const addDomainSchema = z
  .object({
    domain: domainNameSchema,
    email: z.string({ error: "Enter an address at the domain." }).pipe(emailSchema),
  })
  .superRefine((value, ctx) => {
    if (value.email.split("@")[1] !== value.domain) {
      ctx.addIssue({ code: "custom", path: ["email"], message: `The address must be at ${value.domain} (like it@${value.domain}).` });
    }
  });
export type AddDomainInput = z.infer<typeof addDomainSchema>;

export const domainIdSchema = z.object({ domainId: z.uuid("This domain was not found.") });

/** D2: the join policy of one verified domain. */
export const joinPolicySchema = z.object({
  domainId: z.uuid("This domain was not found."),
  joinPolicy: z.enum(["off", "join", "ask"], { error: "Choose who may join." }),
});
export type JoinPolicyInput = z.infer<typeof joinPolicySchema>;

/** The link's token, as the verification page posts it back. */
export const verifyDomainSchema = z.object({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/) });

export const answerJoinRequestSchema = z.object({
  requestId: z.uuid("This request was not found."),
  answer: z.enum(["approve", "decline"]),
});

export const joinByDomainSchema = z.object({ domainId: z.uuid("This organization was not found.") });
