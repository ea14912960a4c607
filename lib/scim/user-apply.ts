import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, scimIdentities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { forbidden } from "@/lib/errors";
import { emailSchema } from "@/lib/invitations/schemas";
import { targetMember, type ActingMember } from "@/lib/members/actor";
import { updateMemberSchema } from "@/lib/members/schemas";
import { setMemberStatusInTx } from "@/lib/members/set-member-status";
import { canEditProfile } from "@/lib/permissions";
import { emitEvent } from "@/lib/webhooks/emit";
import { ScimError } from "./errors";
import type { ScimUserState } from "./patch";
import { stateOf, type ScimUserRow } from "./users";
import { changeEmailByDirectory, type EmailOutcome } from "./user-email";

/**
 * A SCIM User's attributes checked against the rules the pages apply to the same fields (R2's
 * names and phone, I1's email), before anything is written: a refused part changes nothing.
 */
export function checkUserState(state: ScimUserState): ScimUserState {
  const field = <T>(what: string, result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T => {
    if (result.success) return result.data;
    throw new ScimError(400, `"${what}": ${result.error.issues[0]?.message ?? "not valid."}`, "invalidValue");
  };
  const name = updateMemberSchema.shape.lastName;
  return {
    ...state,
    email: field("emails", emailSchema.safeParse(state.email)),
    givenName: field("name.givenName", name.safeParse(state.givenName ?? "")) || null,
    familyName: field("name.familyName", name.safeParse(state.familyName ?? "")) || null,
    phone: field("phoneNumbers", updateMemberSchema.shape.phone.safeParse(state.phone ?? "")),
  };
}

/** The name the app shows (users.name): given and family names, else the display name. */
function fullName(state: Pick<ScimUserState, "givenName" | "familyName" | "displayName">): string | null {
  return [state.givenName, state.familyName].filter(Boolean).join(" ") || state.displayName || null;
}

/** A display name is kept on the identity only when it says something the names do not: otherwise it follows them. */
export function identityDisplayName(state: Pick<ScimUserState, "givenName" | "familyName" | "displayName">): string | null {
  return state.displayName && state.displayName !== fullName(state) ? state.displayName : null;
}

/**
 * The directory's userName and externalId are labels of the identity provider, unique within the
 * organization: a userName also may not be another member's sign-in email while that member has
 * no identity row (it is their userName then). 409 `uniqueness` otherwise.
 */
async function assertIdentityFree(tx: Tx, orgId: string, userId: string, next: Pick<ScimUserState, "userName" | "externalId">) {
  const userName = next.userName.toLowerCase();
  const [taken] = await tx
    .select({ userId: scimIdentities.userId })
    .from(scimIdentities)
    .where(
      and(
        eq(scimIdentities.orgId, orgId),
        ne(scimIdentities.userId, userId),
        next.externalId
          ? sql`(lower(${scimIdentities.userName}) = ${userName} or ${scimIdentities.externalId} = ${next.externalId})`
          : sql`lower(${scimIdentities.userName}) = ${userName}`,
      ),
    )
    .limit(1);
  const [member] = taken
    ? [taken]
    : await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(scimIdentities, and(eq(scimIdentities.orgId, memberships.orgId), eq(scimIdentities.userId, memberships.userId)))
        .where(and(eq(memberships.orgId, orgId), ne(memberships.userId, userId), sql`lower(${users.email}) = ${userName}`, sql`${scimIdentities.userId} is null`))
        .limit(1);
  if (member) throw new ScimError(409, `Another user of this organization already has this userName or externalId (${member.userId}).`, "uniqueness");
}

/** Writes the organization's identity row of a person (kept after a SCIM delete, for restore). */
export async function upsertIdentity(
  tx: Tx,
  orgId: string,
  userId: string,
  identity: { userName: string; externalId: string | null; displayName: string | null; deprovisionedAt?: Date | null },
) {
  const now = new Date();
  const values = { ...identity, deprovisionedAt: identity.deprovisionedAt ?? null, updatedAt: now };
  await tx
    .insert(scimIdentities)
    .values({ orgId, userId, ...values })
    .onConflictDoUpdate({ target: [scimIdentities.orgId, scimIdentities.userId], set: values });
}

export type AppliedChange = {
  /** The attributes written, for the provisioning log and the webhook's `changes`. */
  changes: string[];
  status: "suspended" | "active" | null;
  email: EmailOutcome;
};

/**
 * Brings a member to the state a SCIM PUT or PATCH (or a restoring POST) describes, inside the
 * caller's transaction after lockActor — every part through the page's own rule:
 * `active` is Suspend / Re-activate (R9, T3; setMemberStatusInTx), names and phone are R2's edit,
 * the sign-in email moves only as changeEmailByDirectory allows, and userName / externalId /
 * displayName are the directory's labels. `keepMissing` (a POST restoring someone) leaves names and
 * phone the request does not give as they are, instead of clearing them as a PUT does.
 */
export async function applyUserState(
  tx: Tx,
  actor: ActingMember,
  row: ScimUserRow,
  requested: ScimUserState,
  options: { baseUrl: string; keepMissing?: boolean },
): Promise<AppliedChange> {
  const current = stateOf(row);
  const checked = checkUserState(requested);
  const next: ScimUserState = options.keepMissing
    ? {
        ...checked,
        givenName: checked.givenName ?? current.givenName,
        familyName: checked.familyName ?? current.familyName,
        displayName: checked.displayName ?? row.identityDisplayName,
        phone: checked.phone ?? current.phone,
      }
    : checked;
  const target = await targetMember(tx, actor.orgId, row.id);
  const changes: string[] = [];
  let status: AppliedChange["status"] = null;
  if (next.active !== current.active) {
    status = next.active ? "active" : "suspended";
    await setMemberStatusInTx(tx, actor, row.id, status);
    changes.push("active");
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (from === to) return;
    before[field] = from;
    after[field] = to;
  };
  const name = fullName(next);
  const displayName = identityDisplayName(next);
  note("userName", current.userName, next.userName);
  note("externalId", current.externalId, next.externalId);
  note("displayName", row.identityDisplayName, displayName);
  const identityChanged = Object.keys(after).length > 0;
  note("firstName", row.firstName, next.givenName);
  note("lastName", row.lastName, next.familyName);
  note("phone", row.phone, next.phone);
  const profileChanged = row.firstName !== next.givenName || row.lastName !== next.familyName || row.phone !== next.phone || row.name !== name;
  if (row.name !== name) note("name", row.name, name);
  const emailChanged = next.email !== row.email.toLowerCase();

  if ((profileChanged || emailChanged) && !canEditProfile(actor, target)) throw forbidden("You can't change this member's details.");
  if (identityChanged || row.identityUserName === null) {
    await assertIdentityFree(tx, actor.orgId, row.id, next);
    await upsertIdentity(tx, actor.orgId, row.id, { userName: next.userName, externalId: next.externalId, displayName });
  } else if (profileChanged || emailChanged) {
    // The resource's meta.lastModified reads the identity's time: a change of names or email moves it too.
    await tx
      .update(scimIdentities)
      .set({ updatedAt: new Date() })
      .where(and(eq(scimIdentities.orgId, actor.orgId), eq(scimIdentities.userId, row.id)));
  }
  if (profileChanged) {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, row.id)).for("no key update");
    await tx.update(users).set({ firstName: next.givenName, lastName: next.familyName, name, phone: next.phone }).where(eq(users.id, row.id));
  }
  const fields = Object.keys(after);
  if (fields.length) {
    changes.push(...fields.filter((f) => f !== "name"));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "member.updated",
      target: { id: target.userId, email: target.email },
      subject: { type: "membership", id: target.membershipId },
      before,
      after,
    });
    const data = { userId: row.id, email: target.email, name, role: target.role, status: next.active ? ("active" as const) : ("suspended" as const), changes: fields };
    await emitEvent(tx, { orgId: actor.orgId, type: "member.updated", data });
  }
  const email = emailChanged ? await changeEmailByDirectory(tx, actor, target, next.email, options) : "unchanged";
  if (email !== "unchanged") changes.push("email");
  return { changes, status, email };
}
