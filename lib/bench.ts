import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { emailOutbox, memberships, organizations, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { outboxEmailContent } from "@/lib/email/render";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";

/**
 * The benchmark's own routes (`npm run bench`, tests/bench/) exist only when the server was
 * started with SEATWISE_BENCH=1; anywhere else they answer 404 like any unknown path.
 */
export function benchEnabled(): boolean {
  return process.env.SEATWISE_BENCH === "1";
}

export function requireBench() {
  if (!benchEnabled()) notFound();
}

const contexts = new Map<string, MemberContext>();

/**
 * The organization's first Admin as the context the pages would have: no session involved. Read
 * once per organization and kept, so a floor request runs only the SQL it measures (the lookup
 * sorts every membership of the organization, which would make the floors slower than the page).
 */
export async function benchContext(slug: string): Promise<MemberContext> {
  const known = contexts.get(slug);
  if (known) return known;
  const [row] = await db
    .select({
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name, tier: organizations.tier, kind: organizations.kind },
      membership: { id: memberships.id, role: memberships.role, status: memberships.status },
      user: { id: users.id, email: users.email, name: users.name },
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.orgId, organizations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, slug))
    .orderBy(memberships.role, memberships.createdAt)
    .limit(1);
  if (!row) notFound();
  contexts.set(slug, row);
  return row;
}

/**
 * The whole path of a new member, through the same services as the pages: Invite Teammate (T5's
 * seat check under the organization lock), the link read from the email, then the invitee's
 * acceptance (seats checked again). Used by the bench (/api/bench/invitations) and by the
 * browser tests' two-process seat race (/api/test/seat-race) — neither is in `npm run build`.
 */
export async function inviteAndAccept(ctx: MemberContext, baseUrl: string): Promise<{ admitted: boolean; outcome: string }> {
  const email = `race-${randomBytes(6).toString("hex")}@example.test`;
  const [result] = await inviteMembers(ctx, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
  if (result.outcome !== "invited") return { admitted: false, outcome: result.outcome };
  const [mail] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "invitation")))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const text = mail ? (await outboxEmailContent(mail)).text : "";
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error("no invitation email in the outbox");
  try {
    await acceptInvitation({ token, signedIn: null });
    return { admitted: true, outcome: "accepted" };
  } catch (error) {
    if (isAppError(error)) return { admitted: false, outcome: error.code };
    throw error;
  }
}
