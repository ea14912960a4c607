import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  invitations,
  memberships,
  organizations,
  ownershipTransfers,
  planUsers,
  plans,
  products,
  users,
  type Invitation,
} from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { recordAudit } from "@/lib/audit";
import { insertDatabaseSession } from "@/lib/auth/database-session";
import { AppError, notFound } from "@/lib/errors";
import { createOrganizationInTx } from "@/lib/orgs/create-organization";
import { roleLabels } from "@/lib/permissions";
import { insertPlanPlace } from "@/lib/plans/plan-places";
import { reservePlanSeats } from "@/lib/plans/plan-seats";
import { lockOrganization, reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { findReplacedInvitation, replacedLinkMessage } from "./replace-token";
import { hashInvitationToken } from "./token";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";


export type AcceptInvitationOptions = {
  token: string;
  /** The person signed in in this browser, if anyone. */
  signedIn: { id: string; email: string } | null;
};

export type AcceptInvitationResult = {
  orgSlug: string;
  userId: string;
  /** Where the person lands: the welcome page of the organization they joined (its plans linked there). */
  landingPath: string;
  /** A new database session when nobody was signed in: the link proves the email (I4). */
  session: { token: string; expires: Date } | null;
};

/**
 * SPEC I4, in one transaction and in better-auth's order: the invitation's state (already
 * accepted, revoked), its expiry, that the signed-in email is the invited one, the seat limit
 * again (T3, T5); then the account (made if there is none), the membership, the plan places,
 * transfers attached to the invitation (O3), and the claim — a conditional update from pending,
 * so of any number of simultaneous accepts exactly one wins.
 */
export async function acceptInvitation(options: AcceptInvitationOptions): Promise<AcceptInvitationResult> {
  try {
    return await acceptInvitationInTx(options);
  } catch (error) {
    // The account was created a moment ago by a sign-in of the same address: nothing was written
    // here (the transaction rolled back), and a second try finds the account.
    if (!isUniqueViolation(error, "users_email_lower_key")) throw error;
    return acceptInvitationInTx(options);
  }
}

async function acceptInvitationInTx(options: AcceptInvitationOptions): Promise<AcceptInvitationResult> {
  const tokenHash = hashInvitationToken(options.token);
  return transaction(async (tx) => {
    const [found] = await tx
      .select({ id: invitations.id, orgId: invitations.orgId })
      .from(invitations)
      .where(eq(invitations.tokenHash, tokenHash));
    if (!found) {
      // I2: a link Resend replaced says so (issue 14.2), one never issued is not found.
      const replaced = await findReplacedInvitation(tx, options.token);
      if (replaced) throw new AppError("EXPIRED", replacedLinkMessage(replaced.email));
      throw notFound("This invitation");
    }
    // Locks in the same order as every other seat path: the organization, then the invitation.
    await lockOrganization(tx, found.orgId);
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, found.id)).for("update");
    if (!invitation || invitation.tokenHash !== tokenHash) {
      throw new AppError("EXPIRED", "This invitation link is no longer valid: a newer one was sent.");
    }
    if (invitation.status === "accepted") throw new AppError("ALREADY_USED", "This invitation was already accepted.");
    if (invitation.status === "revoked") throw new AppError("REVOKED", "This invitation was revoked by the organization.");
    if (invitation.status === "declined") throw new AppError("REVOKED", "This invitation was declined: it can no longer be accepted.");
    if (invitation.expiresAt <= new Date()) {
      throw new AppError("EXPIRED", "This invitation has expired. Ask the person who invited you to send it again.");
    }
    if (options.signedIn && options.signedIn.email.toLowerCase() !== invitation.email) {
      throw new AppError(
        "WRONG_ACCOUNT",
        `This invitation is for ${invitation.email}, but you are signed in as ${options.signedIn.email}. Sign out and open the link again.`,
      );
    }
    // The invitation holds its seat already; acceptance turns it into a member's seat. A supplier
    // invitation (I6) holds no seat here: it makes an organization of its own.
    if (invitation.kind === "member") await reserveSeats(tx, invitation.orgId, 0);

    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${invitation.email}`);
    if (!user) {
      const name = [invitation.firstName, invitation.lastName].filter(Boolean).join(" ") || null;
      [user] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          firstName: invitation.firstName,
          lastName: invitation.lastName,
          name,
          emailVerified: new Date(),
        })
        .returning();
    } else {
      // Issue 14.3: the names the inviter typed become hers when she has none yet; hers win.
      const noName = !user.name && !user.firstName && !user.lastName;
      const named = noName && (invitation.firstName || invitation.lastName);
      if (named || !user.emailVerified) {
        const set = {
          ...(named
            ? {
                firstName: invitation.firstName,
                lastName: invitation.lastName,
                name: [invitation.firstName, invitation.lastName].filter(Boolean).join(" "),
              }
            : {}),
          ...(!user.emailVerified ? { emailVerified: new Date() } : {}),
        };
        [user] = await tx.update(users).set(set).where(eq(users.id, user.id)).returning();
      }
    }
    if (invitation.kind === "supplier") return acceptSupplierInvitation(tx, invitation, user, options);
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, invitation.orgId), eq(memberships.userId, user.id)));
    if (already) throw new AppError("ALREADY_MEMBER", "You are already a member of this organization.");

    const claimed = await tx
      .update(invitations)
      .set({ status: "accepted", acceptedAt: new Date(), acceptedById: user.id })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "pending")))
      .returning({ id: invitations.id });
    if (!claimed.length) throw new AppError("ALREADY_USED", "This invitation was already accepted.");

    await tx.insert(memberships).values({ orgId: invitation.orgId, userId: user.id, role: invitation.role });
    // P3: the places the invitee held on plans become theirs — re-checked against each plan's
    // seats like the organization's (T3, T5), in plan order after the organization's lock.
    const places = await tx
      .select({ planId: planUsers.planId, productName: products.name })
      .from(planUsers)
      .innerJoin(plans, eq(plans.id, planUsers.planId))
      .innerJoin(products, eq(products.id, plans.productId))
      .where(eq(planUsers.invitationId, invitation.id))
      .orderBy(planUsers.planId);
    for (const place of places) await reservePlanSeats(tx, { orgId: invitation.orgId, id: place.planId }, 0);
    await tx
      .update(planUsers)
      .set({ userId: user.id, invitationId: null })
      .where(eq(planUsers.invitationId, invitation.id));
    for (const place of places) {
      await writeNotifications(tx, {
        userId: user.id,
        orgId: invitation.orgId,
        planId: place.planId,
        kind: "plan_added",
        title: `You are on ${place.productName}`,
        body: "You were added to the plan with your invitation. Open it from My Subscriptions.",
      });
    }
    // O3: a transfer attached to the invitation reaches the new member's inbox now.
    const transfers = await tx
      .update(ownershipTransfers)
      .set({ toUserId: user.id })
      // Issue 14.23: only a transfer still within its expiry is handed over, whether or not the
      // sweep has run; an expired one is left for the sweep to close and report (O1).
      .where(
        and(
          eq(ownershipTransfers.toInvitationId, invitation.id),
          eq(ownershipTransfers.state, "pending"),
          gt(ownershipTransfers.expiresAt, new Date()),
        ),
      )
      .returning({ id: ownershipTransfers.id, planId: ownershipTransfers.planId, fromUserId: ownershipTransfers.fromUserId, expiresAt: ownershipTransfers.expiresAt });
    for (const transfer of transfers) {
      const [about] = await tx
        .select({ productName: products.name, fromName: users.name, fromEmail: users.email })
        .from(plans)
        .innerJoin(products, eq(products.id, plans.productId))
        .innerJoin(users, eq(users.id, transfer.fromUserId))
        .where(eq(plans.id, transfer.planId));
      const fromName = about.fromName ?? about.fromEmail;
      await writeNotifications(tx, {
        userId: user.id,
        orgId: invitation.orgId,
        planId: transfer.planId,
        kind: "transfer_requested",
        title: `${fromName} asks you to become the subscriber of ${about.productName}`,
        body: `Accept to manage the plan's users; ${fromName} stays on it as a regular user.`,
        transferId: transfer.id,
      });
    }

    // The inviter is told in their inbox (N1); not by email: nothing is asked of them (docs/decisions/034).
    const [org] = await tx.select({ slug: organizations.slug, name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.orgId));
    if (invitation.invitedById !== user.id) {
      const joinedName = user.name || [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email;
      await writeNotifications(tx, {
        userId: invitation.invitedById,
        orgId: invitation.orgId,
        kind: "member_joined",
        title: `${joinedName} joined ${org.name}`,
        body: `${user.email} accepted your invitation and joined as ${roleLabels[invitation.role]}.`,
      });
    }
    const session = await sessionFor(tx, user.id, options);
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actor: { id: user.id, email: user.email },
      action: "invitation.accepted",
      target: { id: user.id, email: user.email },
      subject: { type: "invitation", id: invitation.id },
      before: { status: "pending" },
      after: { status: "accepted", role: invitation.role },
    });
    const joined = { userId: user.id, email: user.email, name: user.name, role: invitation.role, status: "active" as const, source: "invitation" as const };
    await emitEvent(tx, { orgId: invitation.orgId, type: "member.created", data: joined });
    await emitEvent(tx, {
      orgId: invitation.orgId,
      type: "invitation.accepted",
      data: { invitationId: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), userId: user.id },
    });
    // "You joined …": the welcome page says so, with the plans they are on and where to go next.
    const landingPath = `/o/${org.slug}/welcome`;
    return { orgSlug: org.slug, userId: user.id, landingPath, session };
  });
}

/** A database session when nobody was signed in: the link proves the email (I4). */
async function sessionFor(tx: Tx, userId: string, options: AcceptInvitationOptions): Promise<AcceptInvitationResult["session"]> {
  if (options.signedIn) return null;
  return insertDatabaseSession(tx, userId);
}

/** Seats of the Service plan a new supplier organization starts with (I6): its tier's seats. */
export const SUPPLIER_SERVICE_SEATS = 4;

/**
 * SPEC I6, after the checks every invitation makes: the supplier invitation is claimed, the
 * supplier organization is created with the invitee as its Admin (Free tier, linked to the client
 * that invited it), subscribed to Service with the invitee as subscriber (docs/decisions/014),
 * and the client's inviter is told. One transaction.
 */
async function acceptSupplierInvitation(
  tx: Tx,
  invitation: Invitation,
  user: { id: string; email: string },
  options: AcceptInvitationOptions,
): Promise<AcceptInvitationResult> {
  const claimed = await tx
    .update(invitations)
    .set({ status: "accepted", acceptedAt: new Date(), acceptedById: user.id })
    .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "pending")))
    .returning({ id: invitations.id });
  if (!claimed.length) throw new AppError("ALREADY_USED", "This invitation was already accepted.");
  const [client] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.orgId));
  const org = await createOrganizationInTx(tx, {
    userId: user.id,
    name: invitation.companyName ?? `${user.email.split("@")[1]} (supplier)`,
    kind: "supplier",
    invitedByOrgId: invitation.orgId,
  });
  const [service] = await tx
    .insert(plans)
    .values({ orgId: org.id, productId: "service", subscriberId: user.id, seats: SUPPLIER_SERVICE_SEATS })
    .returning();
  await insertPlanPlace(tx, service, { userId: user.id }, { addedById: user.id, permissions: "all" });
  await recordAudit(tx, {
    orgId: org.id,
    actor: { id: user.id, email: user.email },
    action: "plan.subscribed",
    target: { id: user.id, email: user.email },
    subject: { type: "plan", id: service.id },
    after: { product: "Service", seats: SUPPLIER_SERVICE_SEATS, subscriberId: user.id, invitedBy: client.name },
  });
  await writeNotifications(tx, {
    userId: invitation.invitedById,
    orgId: invitation.orgId,
    kind: "supplier_joined",
    title: `${org.name} joined Seatwise as your supplier`,
    body: `${user.email} accepted your supplier invitation and is the Admin of ${org.name}.`,
  });
  await recordAudit(tx, {
    orgId: invitation.orgId,
    actor: { id: user.id, email: user.email },
    action: "supplier.joined",
    target: { id: user.id, email: user.email },
    subject: { type: "invitation", id: invitation.id },
    before: { status: "pending" },
    after: { status: "accepted", supplierOrgId: org.id, supplierName: org.name },
  });
  const session = await sessionFor(tx, user.id, options);
  return { orgSlug: org.slug, userId: user.id, landingPath: `/o/${org.slug}/plans/${service.id}`, session };
}
