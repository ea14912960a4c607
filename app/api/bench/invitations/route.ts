// POST /api/bench/invitations?org=… – benchmark only: one invitation created and accepted, seats enforced
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { benchContext, requireBench } from "@/lib/bench";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { publicBaseUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

/**
 * The whole path of a new member, through the same services as the pages: Invite Teammate (T5's
 * seat check under the organization lock), then the invitee's acceptance (seats checked again).
 */
export async function POST(request: Request) {
  requireBench();
  const ctx = await benchContext(new URL(request.url).searchParams.get("org") ?? "");
  const email = `bench-${randomBytes(6).toString("hex")}@example.test`;
  const [result] = await inviteMembers(ctx, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl: publicBaseUrl() });
  if (result.outcome !== "invited") return Response.json({ admitted: false, outcome: result.outcome });
  const [mail] = await db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "invitation")))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
  if (!token) return Response.json({ admitted: false, outcome: "no_email" }, { status: 500 });
  try {
    await acceptInvitation({ token, signedIn: null });
    return Response.json({ admitted: true });
  } catch (error) {
    if (isAppError(error)) return Response.json({ admitted: false, outcome: error.code });
    throw error;
  }
}
