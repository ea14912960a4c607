import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, organizations, ownershipTransfers, planUsers, plans, products, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email";
import { formatDate } from "@/lib/format";
import { roleLabels, type Role } from "@/lib/permissions";
import { invitationUrl } from "./token";

/** SPEC §3 in one line per role, for the invitation email (issue 14.15). */
const roleMeanings: Record<Role, string> = {
  admin: "manage the account subscription, the users and every survey",
  manager: "manage the users and every survey",
  user: "create and edit surveys, manage the surveys you own, and use the products you are added to",
};

/**
 * Writes the email of an invitation that was just sent or renewed (E1), in its transaction, from
 * what the invitation holds now: a supplier invitation (I6), an invitation onto plans or with an
 * ownership transfer attached (P3, O3), or a plain teammate invitation (I1).
 */
export async function enqueueInvitationEmail(tx: Tx, options: { invitationId: string; token: string; baseUrl: string }) {
  const [invitation] = await tx
    .select({
      id: invitations.id,
      kind: invitations.kind,
      email: invitations.email,
      role: invitations.role,
      firstName: invitations.firstName,
      companyName: invitations.companyName,
      expiresAt: invitations.expiresAt,
      orgName: organizations.name,
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.id, options.invitationId));
  if (!invitation) throw new Error(`enqueueInvitationEmail: no invitation ${options.invitationId}`);
  const url = invitationUrl(options.baseUrl, options.token);
  const inviterName = invitation.inviterName ?? invitation.inviterEmail;
  const expiresOn = formatDate(invitation.expiresAt);
  if (invitation.kind === "supplier") {
    return enqueueEmail(tx, {
      to: invitation.email,
      invitationId: invitation.id,
      template: "supplier-invitation",
      props: {
        url,
        clientName: invitation.orgName,
        inviterName,
        companyName: invitation.companyName ?? "Your company",
        firstName: invitation.firstName,
        expiresOn,
      },
    });
  }
  const [places, [transfer]] = await Promise.all([
    tx
      .select({ name: products.name })
      .from(planUsers)
      .innerJoin(plans, eq(plans.id, planUsers.planId))
      .innerJoin(products, eq(products.id, plans.productId))
      .where(eq(planUsers.invitationId, invitation.id))
      .orderBy(asc(products.sortOrder)),
    tx
      .select({ name: products.name })
      .from(ownershipTransfers)
      .innerJoin(plans, eq(plans.id, ownershipTransfers.planId))
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(ownershipTransfers.toInvitationId, invitation.id), eq(ownershipTransfers.state, "pending"))),
  ]);
  if (places.length || transfer) {
    return enqueueEmail(tx, {
      to: invitation.email,
      invitationId: invitation.id,
      template: "plan-invitation",
      props: {
        url,
        orgName: invitation.orgName,
        inviterName,
        inviterEmail: invitation.inviterEmail,
        roleLabel: roleLabels[invitation.role],
        roleMeaning: roleMeanings[invitation.role],
        firstName: invitation.firstName,
        planNames: places.map((p) => p.name),
        transferPlanName: transfer?.name ?? null,
        expiresOn,
      },
    });
  }
  return enqueueEmail(tx, {
    to: invitation.email,
    invitationId: invitation.id,
    template: "invitation",
    props: {
      url,
      orgName: invitation.orgName,
      inviterName,
      inviterEmail: invitation.inviterEmail,
      roleLabel: roleLabels[invitation.role],
      roleMeaning: roleMeanings[invitation.role],
      firstName: invitation.firstName,
      expiresOn,
    },
  });
}

/**
 * Issue 14.2: the short notice that a live invitation now holds more (plan places, a transfer).
 * Its link is unchanged, so the notice carries none; it names the email that has it.
 */
export async function enqueueInvitationUpdatedEmail(
  tx: Tx,
  options: {
    invitationId: string;
    changedBy: { name: string | null; email: string };
    addedPlanNames: string[];
    transferPlanName: string | null;
  },
) {
  const [invitation] = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      firstName: invitations.firstName,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
      orgName: organizations.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.id, options.invitationId));
  if (!invitation) throw new Error(`enqueueInvitationUpdatedEmail: no invitation ${options.invitationId}`);
  return enqueueEmail(tx, {
    to: invitation.email,
    invitationId: invitation.id,
    template: "invitation-updated",
    props: {
      orgName: invitation.orgName,
      changedByName: options.changedBy.name ?? options.changedBy.email,
      firstName: invitation.firstName,
      addedPlanNames: options.addedPlanNames,
      transferPlanName: options.transferPlanName,
      sentOn: formatDate(invitation.sentAt),
      expiresOn: formatDate(invitation.expiresAt),
    },
  });
}
