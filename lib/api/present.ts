import "server-only";
import type { listActivityByCursor } from "@/lib/audit/list-activity-cursor";
import type { listOpenInvitations } from "@/lib/invitations/queries";
import type { listMembersByCursor } from "@/lib/members/list-members-cursor";
import type { listOrgPlans, listPlanUsers } from "@/lib/plans/queries";
import type { listSurveys } from "@/lib/surveys/queries";

/** The services' rows as the API's documented shapes (lib/api/endpoints.ts): ISO times, no internals. */

const iso = (d: Date | string) => new Date(d).toISOString();

type MemberRow = Awaited<ReturnType<typeof listMembersByCursor>>["rows"][number];

export function presentMember(row: MemberRow) {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: row.phone,
    role: row.role,
    status: row.status,
    joinedAt: iso(row.joinedAt),
  };
}

export function presentInvitation(row: Awaited<ReturnType<typeof listOpenInvitations>>[number]) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    firstName: row.firstName,
    lastName: row.lastName,
    state: row.state,
    sentAt: iso(row.sentAt),
    expiresAt: iso(row.expiresAt),
    invitedBy: { name: row.invitedByName, email: row.invitedByEmail },
  };
}

export function presentPlan(row: Awaited<ReturnType<typeof listOrgPlans>>[number]) {
  return {
    id: row.id,
    productId: row.productId,
    productName: row.productName,
    userMode: row.userMode,
    seats: row.seats,
    subscriber: { userId: row.subscriberId, name: row.subscriberName, email: row.subscriberEmail },
    usage: { used: row.usage.used, limit: row.usage.limit, users: row.usage.users, pendingInvitations: row.usage.pendingInvitations },
    liveTransfer: row.liveTransfer ? { id: row.liveTransfer.id, toName: row.liveTransfer.toName, expiresAt: iso(row.liveTransfer.expiresAt) } : null,
  };
}

export function presentPlanUser(row: Awaited<ReturnType<typeof listPlanUsers>>["rows"][number]) {
  return {
    userId: row.userId,
    invitationId: row.invitationId,
    email: row.email,
    name: row.displayName,
    role: row.role,
    status: row.status,
    isSubscriber: row.isSubscriber,
    permissions: row.granted,
    addedAt: iso(row.addedAt),
  };
}

export function presentSurvey(row: Awaited<ReturnType<typeof listSurveys>>["rows"][number]) {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    checkedOutById: row.checkedOutById,
    responses: Number(row.responses),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentActivity(row: Awaited<ReturnType<typeof listActivityByCursor>>["rows"][number]) {
  return {
    id: row.id,
    action: row.action,
    sentence: row.sentence,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    targetUserId: row.targetUserId,
    targetEmail: row.targetEmail,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: row.before,
    after: row.after,
    via: (row.via as { door: string; tokenId?: string; name?: string } | null) ?? null,
    createdAt: iso(row.createdAt),
  };
}
