"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { cancelOwnEmailChange, confirmEmailChange } from "@/lib/account/email-change";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { secretTokenPattern } from "@/lib/tokens";

const tokenSchema = z.object({ token: z.string().regex(secretTokenPattern, "This link is not valid.") });

// POST (server action) – R2: the person, signed in as themselves, confirms the new sign-in email.
export const confirmEmailChangeAction = userAction(tokenSchema, async ({ token }, user) => {
  // No revalidation: the page would re-render as "already confirmed" over this answer.
  const result = await confirmEmailChange({ token, userId: user.id, currentSessionToken: await currentSessionToken() });
  return {
    message: `Your sign-in email is now ${result.newEmail}.${result.sessionsEnded ? ` ${result.sessionsEnded} other browser${result.sessionsEnded === 1 ? " was" : "s were"} signed out.` : ""}`,
    data: result,
  };
});

// POST (server action) – the person withdraws their own pending email change.
export const cancelOwnEmailChangeAction = userAction(z.object({}), async (_input, user) => {
  await cancelOwnEmailChange(user);
  revalidatePath("/account/email");
  return "The email change was cancelled; the link sent for it no longer works.";
});
