import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, scimIdentities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { emitMemberCreated, withSeatNotice } from "@/lib/domains/join";
import { kickEmailSender } from "@/lib/email";
import { lockPendingInvitation } from "@/lib/invitations/lookups";
import { revokeInvitationInTx } from "@/lib/invitations/revoke-invitation";
import { lockActor, type ActingMember } from "@/lib/members/actor";
import { setMemberStatusInTx } from "@/lib/members/set-member-status";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { publicBaseUrl } from "@/lib/url";
import { ScimError } from "./errors";
import { readUserResource, type ScimUserState } from "./patch";
import type { ScimAnswer } from "./route";
import { applyUserState, checkUserState, identityDisplayName, upsertIdentity } from "./user-apply";
import { findScimUserRow, readScimUser } from "./users";

type Candidate = {
  id: string;
  email: string;
  membershipId: string | null;
  status: "active" | "suspended" | null;
  identityUserName: string | null;
  externalId: string | null;
};

/**
 * Who a POST /Users names, read under the organization's lock: the person of this organization
 * with that userName (their identity's, or the sign-in email of a member without one) or that
 * externalId, or a member — or an earlier member with an identity kept — at that email. Several
 * different people named at once is a conflict. An account of that email that is neither is no one
 * this organization knows: it simply becomes a member (accountFor; docs/decisions/086).
 */
async function findExisting(tx: Tx, orgId: string, wanted: ScimUserState) {
  const userName = wanted.userName.toLowerCase();
  const email = wanted.email.toLowerCase();
  const rows: Candidate[] = await tx
    .select({
      id: users.id,
      email: users.email,
      membershipId: memberships.id,
      status: memberships.status,
      identityUserName: scimIdentities.userName,
      externalId: scimIdentities.externalId,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.orgId, orgId), eq(memberships.userId, users.id)))
    .leftJoin(scimIdentities, and(eq(scimIdentities.orgId, orgId), eq(scimIdentities.userId, users.id)))
    .where(
      sql`"users"."id" in (
        select si.user_id from scim_identities si where si.org_id = ${orgId} and lower(si.user_name) = ${userName}
        union all select si.user_id from scim_identities si where si.org_id = ${orgId} and si.external_id = ${wanted.externalId}
        union all select u2.id from users u2 where lower(u2.email) in (${email}, ${userName}))`,
    );
  const named = rows.filter((row) => {
    const hasIdentity = row.identityUserName !== null;
    const rowEmail = row.email.toLowerCase();
    if (hasIdentity && (row.identityUserName!.toLowerCase() === userName || (wanted.externalId !== null && row.externalId === wanted.externalId))) return true;
    if (!hasIdentity && row.membershipId && (rowEmail === userName || rowEmail === email)) return true;
    return hasIdentity && rowEmail === email;
  });
  const people = [...new Map(named.map((row) => [row.id, row])).values()];
  if (people.length > 1) {
    throw new ScimError(409, `This userName, externalId and email name ${people.length} different users of this organization: ${people.map((p) => p.id).join(", ")}.`, "uniqueness");
  }
  return people[0] ?? null;
}

/**
 * C1 with T2: a seat for a new member. A live invitation of this organization to the same
 * address is revoked first — its seat passes to the membership instead of being counted twice —
 * then the seat is reserved under the organization's lock (T5): none free, nothing is written.
 */
async function takeSeat(tx: Tx, actor: ActingMember, email: string) {
  const invitation = await lockPendingInvitation(tx, actor.orgId, "member", email.toLowerCase());
  if (invitation) await revokeInvitationInTx(tx, actor, invitation);
  await reserveSeats(tx, actor.orgId, 1);
}

async function addMembership(tx: Tx, actor: ActingMember, person: { id: string; email: string }, restored: boolean) {
  const [membership] = await tx.insert(memberships).values({ orgId: actor.orgId, userId: person.id, role: "user" }).returning({ id: memberships.id });
  await emitMemberCreated(tx, actor.orgId, person.id, "scim");
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "member.provisioned",
    target: { id: person.id, email: person.email },
    subject: { type: "membership", id: membership.id },
    after: { role: "user", status: "active", ...(restored ? { restored: true } : {}) },
  });
}

/**
 * The account of this address, made when there is none; another organization making it at the
 * same moment is no error (the insert waits on the address's unique index, then does nothing).
 * `made` says whether this request made it. An account found, not made, is locked after the
 * organization (one lock order): a direct email change elsewhere checks who shares the person.
 */
async function accountFor(tx: Tx, wanted: ScimUserState): Promise<{ id: string; email: string; made: boolean }> {
  const name = [wanted.givenName, wanted.familyName].filter(Boolean).join(" ") || wanted.displayName || null;
  const [made] = await tx
    .insert(users)
    .values({ email: wanted.email, firstName: wanted.givenName, lastName: wanted.familyName, name, phone: wanted.phone })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  if (made) return { ...made, made: true };
  const [found] = await tx.select({ id: users.id, email: users.email }).from(users).where(sql`lower(${users.email}) = ${wanted.email}`).for("no key update");
  return { ...found, made: false };
}

export type CreateOutcome = "created" | "reactivated" | "restored";

/**
 * POST /Users (SPEC C1, T3, T5; issue 17), in one transaction under the organization's lock:
 * - the person this organization already knows by that userName, externalId or email: active →
 *   409 `uniqueness` (a retried create makes one member); suspended → re-activated within seats
 *   (R9, T3) and updated; removed earlier (the identity is kept) → a member again, within seats;
 * - otherwise a new member with the User role, within seats (T5), on the account of that address
 *   — made if there is none; an existing account's owner still signs in only by proving it.
 * No free seat: a SCIM error naming the tier and the limit, nothing written, nobody evicted, and
 * the Admins told once. Audited "by SCIM", with `member.created` (source "scim").
 */
export async function createScimUser(ctx: MemberContext, body: unknown, baseUrl: string): Promise<ScimAnswer> {
  const wanted = checkUserState(readUserResource(body));
  const appUrl = publicBaseUrl();
  const run = () =>
    transaction(async (tx) => {
      const actor = await lockActor(tx, ctx);
      const person = await findExisting(tx, actor.orgId, wanted);
      let outcome: CreateOutcome;
      let userId: string;
      if (person?.status === "active") {
        throw new ScimError(409, `${wanted.userName} is already an active member of this organization (id ${person.id}).`, "uniqueness");
      } else if (person?.status === "suspended") {
        await setMemberStatusInTx(tx, actor, person.id, "active");
        outcome = "reactivated";
        userId = person.id;
      } else if (person) {
        await takeSeat(tx, actor, person.email);
        await tx.select({ id: users.id }).from(users).where(eq(users.id, person.id)).for("no key update");
        await addMembership(tx, actor, person, true);
        await tx
          .update(scimIdentities)
          .set({ deprovisionedAt: null, updatedAt: new Date() })
          .where(and(eq(scimIdentities.orgId, actor.orgId), eq(scimIdentities.userId, person.id)));
        outcome = "restored";
        userId = person.id;
      } else {
        await takeSeat(tx, actor, wanted.email);
        const created = await accountFor(tx, wanted);
        await addMembership(tx, actor, created, false);
        outcome = "created";
        userId = created.id;
        if (created.made) {
          // A new person: the account has the request's names, and findExisting found this
          // userName and externalId free under the organization's lock. Only the identity is left.
          await upsertIdentity(tx, actor.orgId, userId, { userName: wanted.userName, externalId: wanted.externalId, displayName: identityDisplayName(wanted) });
          if (!wanted.active) await setMemberStatusInTx(tx, actor, userId, "suspended");
          return { outcome, resource: await readScimUser(tx, actor.orgId, userId, baseUrl) };
        }
      }
      const row = await findScimUserRow(tx, actor.orgId, userId);
      await applyUserState(tx, actor, row, wanted, { baseUrl: appUrl, keepMissing: true });
      return { outcome, resource: await readScimUser(tx, actor.orgId, userId, baseUrl) };
    });
  try {
    const { outcome, resource } = await withSeatNotice(ctx.org.id, wanted.email, run, "scim");
    kickEmailSender();
    const verb = outcome === "created" ? "Created" : outcome === "reactivated" ? "Re-activated (was suspended)" : "Restored (was deprovisioned)";
    return { status: 201, body: resource, headers: { location: resource.meta.location }, summary: `${verb} ${wanted.userName}` };
  } catch (error) {
    // Another request took this userName, externalId or address between our read and our write.
    if (isUniqueViolation(error)) throw new ScimError(409, `${wanted.userName} already exists.`, "uniqueness");
    throw error;
  }
}
