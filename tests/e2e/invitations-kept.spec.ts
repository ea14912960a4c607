import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, screenshot, signIn, uniqueEmail } from "./helpers";

/**
 * Issue 14 items 2 and 5 as a person sees them: an invitation changed from a plan keeps the link
 * already sent; invited people can be picked; a link Resend replaced says so.
 */

async function inviteTeammate(page: Page, orgSlug: string, email: string) {
  await page.goto(`/o/${orgSlug}/users`);
  await page.getByRole("link", { name: "Invite Teammate" }).click();
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "User" });
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" }).getByRole("listitem").filter({ hasText: email })).toBeVisible();
}

test("I2 #14.2 #14.5 adding a plan place keeps the invitation link: the invitee is picked as Invited, and her first link joins the plan", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const ana = uniqueEmail("anaplan");
  await inviteTeammate(page, s.acme.slug, ana);
  const link = await linkFromMailbox(page, ana, /invited you to Acme Castings/);

  await page.goto(`/o/${s.acme.slug}/subscriptions`);
  await page.getByRole("link", { name: "Manage Users of PDoc Share" }).click();
  await page.getByRole("link", { name: "Add User To Plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add User To Plan" })).toBeVisible();

  // The empty picker says so in full view and points to Invite a new person.
  const box = page.getByRole("combobox", { name: "Existing user" });
  await box.fill("zzqx-nobody");
  await expect(page.getByText("No member matches.")).toBeVisible();
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(page.getByRole("link", { name: "Invite a new person" })).toBeVisible();
  await screenshot(page, "picker-empty");

  // She is listed, marked Invited; picking her adds the plan to her invitation.
  await box.fill(ana.split("@")[0]);
  const option = page.getByRole("option", { name: new RegExp(ana.split("@")[0]) });
  await expect(option).toContainText("Invited");
  await screenshot(page, "picker-invitee");
  await option.click();
  await page.getByRole("button", { name: "Add User To Plan" }).click();
  await expect(page.getByText(/the link already sent still works/)).toBeVisible();

  // Her mailbox holds a short notice; the first link still works and puts her on the plan.
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("article", { name: new RegExp(`Email to ${ana.replace(/[.+]/g, "\\$&")}: Your invitation to Acme Castings was updated`) })).toBeVisible();
  const invitee = await browser.newContext();
  const theirs = await invitee.newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { level: 1, name: "Join Acme Castings" })).toBeVisible();
  await expect(theirs.getByText("PDoc Share")).toBeVisible();
  await theirs.getByRole("button", { name: "Accept" }).click();
  await expect(theirs).toHaveURL(/\/welcome/);
  await invitee.close();
});

test("I2 #14.2 a link replaced by Resend says that a newer invitation was sent to the address", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const bea = uniqueEmail("bearesend");
  await inviteTeammate(page, s.acme.slug, bea);
  const first = await linkFromMailbox(page, bea, /invited you to Acme Castings/);
  await page.goto(`/o/${s.acme.slug}/invites`);
  await page.getByRole("button", { name: `Resend invitation to ${bea}` }).click();
  await expect(async () => expect(await linkFromMailbox(page, bea, /invited you to Acme Castings/)).not.toBe(first)).toPass({ timeout: 20_000 });

  const invitee = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const theirs = await invitee.newPage();
  await theirs.goto(first);
  await expect(theirs.getByRole("heading", { level: 1, name: "A newer invitation was sent to this address" })).toBeVisible();
  await expect(theirs.getByText(bea)).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await screenshot(theirs, "invitation-replaced-390");
  await invitee.close();
});

test("I1 #14.15 a typo-looking domain asks 'did you mean …?' before sending, at 390 px: Use fixes the address, Send as typed sends it as it is", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const domain = s.emails.admin.split("@")[1];
  // Two neighbouring letters swapped in the members' own domain ("acme.tset" for "acme.test").
  const typo = `${domain.slice(0, -3)}${domain.at(-2)}${domain.at(-3)}${domain.at(-1)}`;
  const local = `bo-${Date.now().toString(36)}`;
  await page.goto(`/o/${s.acme.slug}/users/invite`);
  await page.getByLabel("Email addresses").fill(`${local}@${typo}`);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  const ask = page.getByRole("alert").filter({ hasText: "did you mean" });
  await expect(ask).toContainText(`${local}@${typo}: did you mean ${local}@${domain}?`);
  await screenshot(page, "invite-did-you-mean-390");
  // Nothing was sent while the question stands.
  await expect(page.getByRole("list", { name: "Invitation results" })).toHaveCount(0);
  await ask.getByRole("button", { name: `Use ${local}@${domain}` }).click();
  await expect(page.getByLabel("Email addresses")).toHaveValue(`${local}@${domain}`);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" }).getByRole("listitem").filter({ hasText: `${local}@${domain}` })).toContainText("invited");

  // Someone really at the other domain: Send as typed sends it unchanged.
  const other = `cy-${Date.now().toString(36)}@${typo}`;
  await page.getByLabel("Email addresses").fill(other);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await page.getByRole("button", { name: "Send as typed" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" }).getByRole("listitem").filter({ hasText: other })).toContainText("invited");
});
