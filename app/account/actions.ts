"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction, userAction } from "@/lib/action";
import { updateOwnProfile } from "@/lib/account/profile";
import { profileSchema } from "@/lib/account/schemas";
import { leaveOrganization } from "@/lib/members/leave-organization";
import { refreshOrganization } from "@/lib/revalidate";
import { appBaseUrl } from "@/lib/url";

// POST (server action) – the person's own name and phone (R2); a new email is asked for, confirmed by link.
export const updateProfileAction = userAction(profileSchema, async (input, user) => {
  const result = await updateOwnProfile(user.id, input, { baseUrl: await appBaseUrl() });
  revalidatePath("/", "layout");
  if (!result.changed) return "Nothing to change.";
  if (result.emailPendingConfirmation) {
    return `Saved. Your sign-in email changes once you open the link we sent to ${result.emailPendingConfirmation}, signed in.`;
  }
  return "Saved. Your teammates see the change at once.";
});

// POST (server action) – Leave organization (R7, R5, then R6's effects); the account stays.
export const leaveOrganizationAction = memberAction(z.object({}), async (_input, ctx) => {
  const result = await leaveOrganization(ctx);
  refreshOrganization(ctx.org.slug);
  revalidatePath("/account");
  return { message: `You left ${result.orgName}.`, data: { org: ctx.org.slug } };
});
