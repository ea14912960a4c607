"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { getSessionUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { declineInvitation } from "@/lib/invitations/decline-invitation";
import { secretTokenPattern } from "@/lib/token-shape";
import { appBaseUrl } from "@/lib/url";

const acceptSchema = z.object({ token: z.string().regex(secretTokenPattern) });

// POST (server action) – accept an invitation (I4). Never a side effect of GET.
export const acceptInvitationAction = publicAction(acceptSchema, async ({ token }) => {
  const user = await getSessionUser();
  const result = await acceptInvitation({ token, signedIn: user ? { id: user.id, email: user.email } : null });
  if (result.session) {
    // The link proved the email: sign the person in with an Auth.js database session.
    const secure = (await appBaseUrl()).startsWith("https://");
    (await cookies()).set(secure ? "__Secure-authjs.session-token" : "authjs.session-token", result.session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      expires: result.session.expires,
    });
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
