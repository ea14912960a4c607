import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { joinRequests, memberships, notifications, orgDomains, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";
import type { MemberContext, SessionUser } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canAnswerJoinRequests } from "@/lib/permissions";
import { lockOrganization, reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { domainOfEmail } from "./domain-token";

/** What a person at a verified domain is offered (I5 with D2): join, or ask to join. */
export type JoinOffer = {
  domainId: string;
  domain: string;
  orgName: string;
  policy: "join" | "ask";
  /** A request of theirs already waiting for an Admin. */
  requested: boolean;
};

/**
 * The organizations a signed-in person may join or ask to join through the domain of their own
 * address (D2): verified domains with a policy other than off, of organizations they are not in.
 */
export async function listJoinOffers(user: SessionUser): Promise<JoinOffer[]> {
  const domain = domainOfEmail(user.email);
  const rows = await db
    .select({
      domainId: orgDomains.id,
      domain: orgDomains.domain,
      orgName: organizations.name,
      policy: orgDomains.joinPolicy,
      requested: sql<boolean>`exists (select 1 from ${joinRequests} jr where jr.org_id = ${orgDomains.orgId} and jr.user_id = ${user.id} and jr.status = 'pending')`,
    })
    .from(orgDomains)
    .innerJoin(organizations, eq(organizations.id, orgDomains.orgId))
    .leftJoin(memberships, and(eq(memberships.orgId, orgDomains.orgId), eq(memberships.userId, user.id)))
    .where(and(eq(orgDomains.domain, domain), eq(orgDomains.status, "verified"), inArray(orgDomains.joinPolicy, ["join", "ask"]), isNull(memberships.id)));
  return rows.map((r) => ({ ...r, policy: r.policy as "join" | "ask", requested: Boolean(r.requested) }));
}

/** The verified domain with this id, if the person's address is at it (D1: only then does it admit them). */
async function domainForPerson(tx: Tx, domainId: string, userId: string) {
  const [person] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!person) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  const [domain] = await tx.select().from(orgDomains).where(eq(orgDomains.id, domainId));
  // Another domain, an unverified one, or one of an address not at it: like a domain that does not exist.
  if (!domain || domain.status !== "verified" || domainOfEmail(person.email) !== domain.domain) throw notFound("This organization");
  return { person, domain };
}

/**
 * D2 (T3, T5): makes the person a member with the User role, within seats, under the
 * organization's lock, in the caller's transaction. The one admission used by "join" from
 * onboarding and by just-in-time sign-in through SSO (`source` says which, for Activity).
 */
export async function admitByDomainInTx(
  tx: Tx,
  args: { orgId: string; domain: { id: string; domain: string }; person: { id: string; email: string }; source: "domain" | "sso" },
) {
  await reserveSeats(tx, args.orgId, 1);
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, args.orgId), eq(memberships.userId, args.person.id)));
  if (already) throw new AppError("ALREADY_MEMBER", "You are already a member of this organization.");
  const [membership] = await tx.insert(memberships).values({ orgId: args.orgId, userId: args.person.id, role: "user" }).returning();
  await emitMemberCreated(tx, args.orgId, args.person.id, args.source);
  await recordAudit(tx, {
    orgId: args.orgId,
    actor: { id: args.person.id, email: args.person.email },
    action: "member.joined_by_domain",
    target: { id: args.person.id, email: args.person.email },
    subject: { type: "domain", id: args.domain.id },
    after: { role: "user", domain: args.domain.domain, source: args.source },
  });
  return membership;
}

/** Why the person could not join, for the Admins' notice: through a verified domain, or pushed by SCIM. */
export type SeatNoticeSource = "domain" | "scim";

const seatNoticeBodies: Record<SeatNoticeSource, string> = {
  domain: "They have an address at one of your verified domains. Free a seat or move to a larger tier, then ask them to try again.",
  scim: "Your identity provider (SCIM) tried to add them. Free a seat or move to a larger tier; the provider retries on its next sync.",
};

/**
 * D2, C1: when a person could not join for want of seats, each Admin gets one inbox notice per
 * address (not one per attempt), written in its own transaction after the refused one rolled back.
 */
export async function notifyAdminsSeatsFull(orgId: string, email: string, source: SeatNoticeSource = "domain") {
  const title = `${email} could not join: every seat is taken`;
  await transaction(async (tx) => {
    const admins = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
    for (const admin of admins) {
      const [unread] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, admin.userId), eq(notifications.orgId, orgId), eq(notifications.title, title), isNull(notifications.readAt)));
      if (unread) continue;
      await writeNotifications(tx, { userId: admin.userId, orgId, kind: "join_refused_seats", title, body: seatNoticeBodies[source] });
    }
  });
}

/** Runs an admission; a SEAT_LIMIT refusal tells the Admins (D2, C1) and is passed on unchanged. */
export async function withSeatNotice<T>(orgId: string | null, email: string, run: () => Promise<T>, source: SeatNoticeSource = "domain"): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (orgId && error instanceof AppError && error.code === "SEAT_LIMIT") await notifyAdminsSeatsFull(orgId, email, source);
    throw error;
  }
}

/** D2 "join as User": the person joins the organization holding the domain of their address. */
export async function joinByDomain(user: SessionUser, domainId: string): Promise<{ orgSlug: string }> {
  const [target] = await db.select({ orgId: orgDomains.orgId }).from(orgDomains).where(eq(orgDomains.id, domainId));
  return withSeatNotice(target?.orgId ?? null, user.email, () =>
    transaction(async (tx) => {
      const { person, domain } = await domainForPerson(tx, domainId, user.id);
      if (domain.joinPolicy !== "join") throw forbidden("This organization does not let people join by themselves.");
      await admitByDomainInTx(tx, { orgId: domain.orgId, domain, person, source: "domain" });
      const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, domain.orgId));
      return { orgSlug: org.slug };
    }),
  );
}

/** D2 "may ask to join": a request lands in each Admin's inbox. Asking twice keeps the one request. */
export async function requestToJoin(user: SessionUser, domainId: string): Promise<{ requestId: string; already: boolean }> {
  return transaction(async (tx) => {
    const { person, domain } = await domainForPerson(tx, domainId, user.id);
    if (domain.joinPolicy !== "ask") throw forbidden("This organization does not take requests to join.");
    await lockOrganization(tx, domain.orgId);
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, domain.orgId), eq(memberships.userId, person.id)));
    if (member) throw new AppError("ALREADY_MEMBER", "You are already a member of this organization.");
    const [pending] = await tx
      .select({ id: joinRequests.id })
      .from(joinRequests)
      .where(and(eq(joinRequests.orgId, domain.orgId), eq(joinRequests.userId, person.id), eq(joinRequests.status, "pending")));
    if (pending) return { requestId: pending.id, already: true };
    const [request] = await tx.insert(joinRequests).values({ orgId: domain.orgId, domainId: domain.id, userId: person.id }).returning();
    const admins = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, domain.orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
    const who = person.name ? `${person.name} (${person.email})` : person.email;
    for (const admin of admins) {
      await writeNotifications(tx, {
        userId: admin.userId,
        orgId: domain.orgId,
        kind: "join_requested",
        title: `${who} asks to join`,
        body: `Their address is at ${domain.domain}, one of your verified domains. Approve to add them as a User (it takes a seat), or decline.`,
        joinRequestId: request.id,
      });
    }
    await recordAudit(tx, {
      orgId: domain.orgId,
      actor: { id: person.id, email: person.email },
      action: "join_request.created",
      target: { id: person.id, email: person.email },
      subject: { type: "join_request", id: request.id },
      after: { domain: domain.domain, status: "pending" },
    });
    return { requestId: request.id, already: false };
  });
}

/** Pending requests to join, oldest first (the Domains page and the inbox link there). */
export async function listJoinRequests(ctx: MemberContext) {
  if (!canAnswerJoinRequests(ctx.membership.role)) throw forbidden();
  return db
    .select({ id: joinRequests.id, email: users.email, name: users.name, createdAt: joinRequests.createdAt, domain: orgDomains.domain })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .leftJoin(orgDomains, eq(orgDomains.id, joinRequests.domainId))
    .where(and(eq(joinRequests.orgId, ctx.org.id), eq(joinRequests.status, "pending")))
    .orderBy(asc(joinRequests.createdAt));
}

/**
 * D2: an Admin approves (a User membership within seats, T3/T5) or declines a request. Claimed
 * with a conditional update, so a second answer changes nothing; another organization's request
 * is NOT_FOUND. The inbox notices about it are marked read for every Admin.
 */
export async function answerJoinRequest(ctx: MemberContext, input: { requestId: string; answer: "approve" | "decline" }) {
  if (!canAnswerJoinRequests(ctx.membership.role)) throw forbidden("Only Admins answer requests to join.");
  return transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [request] = await tx
      .select()
      .from(joinRequests)
      .where(and(eq(joinRequests.id, input.requestId), eq(joinRequests.orgId, ctx.org.id)))
      .for("update");
    if (!request) throw notFound("This request");
    if (request.status !== "pending") throw new AppError("ALREADY_USED", `This request was already ${request.status}.`);
    const [person] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, request.userId));
    if (input.answer === "approve") {
      await reserveSeats(tx, ctx.org.id, 1);
      const [already] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, person.id)));
      if (!already) {
        await tx.insert(memberships).values({ orgId: ctx.org.id, userId: person.id, role: "user" });
        await emitMemberCreated(tx, ctx.org.id, person.id, "join_request");
      }
    }
    const status = input.answer === "approve" ? "approved" : "declined";
    const claimed = await tx
      .update(joinRequests)
      .set({ status, decidedById: ctx.user.id, decidedAt: new Date() })
      .where(and(eq(joinRequests.id, request.id), eq(joinRequests.status, "pending")))
      .returning({ id: joinRequests.id });
    if (!claimed.length) throw new AppError("ALREADY_USED", "This request was already answered.");
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.joinRequestId, request.id), isNull(notifications.readAt)));
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: input.answer === "approve" ? "join_request.approved" : "join_request.declined",
      target: { id: person.id, email: person.email },
      subject: { type: "join_request", id: request.id },
      before: { status: "pending" },
      after: { status, ...(input.answer === "approve" ? { role: "user" } : {}) },
    });
    return { status, email: person.email };
  });
}

/** W1: `member.created` for a person admitted as User without an invitation, with how they came in (issues 17, 18). */
export async function emitMemberCreated(tx: Tx, orgId: string, userId: string, source: "domain" | "sso" | "join_request" | "scim") {
  const [person] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  await emitEvent(tx, { orgId, type: "member.created", data: { userId, email: person.email, name: person.name, role: "user", status: "active", source } });
}
