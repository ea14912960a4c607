import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import {
  invitations,
  memberships,
  organizations,
  planUsers,
  plans,
  surveyResponses,
  surveys,
  users,
  type Role,
  type Tier,
} from "@/db/schema";

/** Small builders for integration tests; each returns the rows it wrote. */
export async function makeUser(db: DbOrTx, overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = randomUUID();
  const [user] = await db
    .insert(users)
    .values({ email: `u-${id.slice(0, 8)}@example.test`, name: `Person ${id.slice(0, 4)}`, ...overrides })
    .returning();
  return user;
}

export async function makeOrg(db: DbOrTx, overrides: Partial<typeof organizations.$inferInsert> & { tier?: Tier } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const [org] = await db
    .insert(organizations)
    .values({ name: `Org ${suffix}`, slug: `org-${suffix}`, ...overrides })
    .returning();
  return org;
}

export async function addMember(db: DbOrTx, orgId: string, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await makeUser(db, overrides);
  const [membership] = await db.insert(memberships).values({ orgId, userId: user.id, role }).returning();
  return { user, membership };
}

/** An organization with one member of each given role (an Admin first, always). */
export async function makeOrgWithMembers(db: DbOrTx, tier: Tier, memberRoles: Role[] = ["admin"]) {
  const org = await makeOrg(db, { tier });
  const members = [];
  for (const role of memberRoles) members.push(await addMember(db, org.id, role));
  return { org, members };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export async function makeInvitation(
  db: DbOrTx,
  orgId: string,
  invitedById: string,
  overrides: Partial<typeof invitations.$inferInsert> = {},
) {
  const token = randomBytes(32).toString("base64url");
  const [invitation] = await db
    .insert(invitations)
    .values({
      orgId,
      invitedById,
      email: `invitee-${randomBytes(4).toString("hex")}@example.test`,
      role: "user",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      ...overrides,
    })
    .returning();
  return { invitation, token };
}

export async function makePlan(
  db: DbOrTx,
  orgId: string,
  subscriberId: string,
  productId = "pdoc_share",
  seats: number | null = 5,
) {
  const [plan] = await db.insert(plans).values({ orgId, productId, subscriberId, seats }).returning();
  await db.insert(planUsers).values({ planId: plan.id, orgId, userId: subscriberId });
  return plan;
}

export async function makeSurvey(
  db: DbOrTx,
  orgId: string,
  ownerId: string,
  title = "A survey",
  overrides: Partial<typeof surveys.$inferInsert> = {},
) {
  const [survey] = await db.insert(surveys).values({ orgId, ownerId, title, ...overrides }).returning();
  return survey;
}

/** A survey checked out by `holderId` since `since` (default: now). */
export async function makeCheckedOutSurvey(db: DbOrTx, orgId: string, ownerId: string, holderId: string, since = new Date()) {
  return makeSurvey(db, orgId, ownerId, "Checked-out survey", { checkedOutById: holderId, checkedOutAt: since });
}

export async function makeResponse(db: DbOrTx, surveyId: string, answers: Record<string, string> = {}, respondent: string | null = null) {
  const [row] = await db.insert(surveyResponses).values({ surveyId, answers, respondent }).returning();
  return row;
}
