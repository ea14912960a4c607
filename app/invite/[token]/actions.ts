"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { setSessionCookie } from "@/lib/auth/database-session";
import { getSessionUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { declineInvitation } from "@/lib/invitations/decline-invitation";
import { secretTokenPattern } from "@/lib/token-shape";

const acceptSchema = z.object({ token: z.string().regex(secretTokenPattern) });

// POST (server action) – accept an invitation (I4). Never a side effect of GET.
export const acceptInvitationAction = publicAction(acceptSchema, async ({ token }) => {
  const user = await getSessionUser();
  const result = await acceptInvitation({ token, signedIn: user ? { id: user.id, email: user.email } : null });
  if (result.session) {
    // The link proved the email: sign the person in with an Auth.js database session.
    await setSessionCookie(result.session);
  }
  redirect(result.landingPath);
});

// POST (server action) – decline an invitation from its link: it ends, its seat is free, the inviter is told.
export const declineInvitationAction = publicAction(acceptSchema, async ({ token }) => {
  const user = await getSessionUser();
  await declineInvitation({ token, signedIn: user ? { id: user.id, email: user.email } : null });
  // The link now reads "declined" (a GET of the same page).
  redirect(`/invite/${token}`);
});
