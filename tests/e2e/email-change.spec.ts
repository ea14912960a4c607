import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, screenshot, signIn, uniqueEmail, type Scenario } from "./helpers";

/**
 * SPEC R2 in the browser: the takeover of the last review (a User renaming their account onto an
 * address another organization invited as Admin), and an Admin forging the confirmation of an
 * address they control for a member. Both must fail; a real change, confirmed by its owner, works.
 */
let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/o\/[\w-]+\/users/);
  return { context, page };
}

async function saveEmail(page: import("@playwright/test").Page, email: string) {
  await expect(page.getByRole("heading", { level: 1, name: /^Edit / })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Save" }).click();
}

test("R2: a User cannot rename her account onto another organization's pending Admin invitation; the invitee joins as themselves", async ({ browser }) => {
  // Bolt's Admin invites a new Admin.
  const sam = await signedIn(browser, s.emails.supplier);
  const futureAdmin = uniqueEmail("bolt-admin");
  await sam.page.goto(`/o/${s.bolt.slug}/users/invite`);
  await sam.page.getByLabel("Email addresses").fill(futureAdmin);
  await sam.page.getByLabel("Role").selectOption({ label: "Admin" });
  await sam.page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(sam.page.getByRole("list", { name: "Invitation results" })).toContainText("invited");

  // Una, a User of Acme, tries to take that address.
  const una = await signedIn(browser, s.emails.user1);
  await una.page.goto(`/o/${s.acme.slug}/users`);
  await una.page.getByRole("link", { name: "Edit Una User" }).click();
  await saveEmail(una.page, futureAdmin);
  await expect(una.page.getByText("That address can't be used: it belongs to another account or has a pending invitation.")).toBeVisible();
  await una.page.goto(`/o/${s.acme.slug}/users`);
  await expect(una.page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: "Una User" })).toContainText(s.emails.user1);

  // The real invitee accepts and is Bolt's Admin on an account of their own; Una is not in Bolt.
  const link = await linkFromMailbox(sam.page, futureAdmin, /invited you to Bolt Supply Co/);
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await inviteePage.getByRole("button", { name: "Accept" }).click();
  await expect(inviteePage).toHaveURL(new RegExp(`/o/${s.bolt.slug}/welcome`));
  await inviteePage.getByRole("link", { name: "Go to Users" }).click();
  await expect(inviteePage).toHaveURL(new RegExp(`/o/${s.bolt.slug}/users`));
  const row = inviteePage.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: futureAdmin });
  await expect(row).toContainText("Admin");
  await expect(inviteePage.getByRole("table", { name: "Members" })).not.toContainText(s.emails.user1);
  const response = await una.page.goto(`/o/${s.bolt.slug}/users`);
  expect(response?.status()).toBe(404);
  await Promise.all([sam.context.close(), una.context.close(), invitee.close()]);
});

test("R2: an Admin who sets a member's email to an address she controls cannot confirm it, not even by forging the confirmation", async ({ browser }) => {
  const ada = await signedIn(browser, s.emails.admin);
  const adasAddress = uniqueEmail("ada-owns");
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await ada.page.getByRole("link", { name: "Edit Ulf User" }).click();
  await saveEmail(ada.page, adasAddress);
  await expect(ada.page.getByRole("status").filter({ hasText: `changes once ${adasAddress} is confirmed` })).toBeVisible();
  await expect(ada.page.getByText(`Email change pending confirmation to ${adasAddress}`)).toBeVisible();
  await screenshot(ada.page, "edit-user-email-pending");

  // She follows the link from "her" mailbox, signed in as herself: there is nothing to press.
  const ulfsLink = await linkFromMailbox(ada.page, adasAddress, /Confirm your new Seatwise sign-in email/);
  await ada.page.goto(ulfsLink);
  await expect(ada.page.getByRole("heading", { name: "Signed in as someone else" })).toBeVisible();
  await expect(ada.page.getByRole("button", { name: /Sign in as/ })).toHaveCount(0);
  await screenshot(ada.page, "confirm-email-wrong-account");

  // Forged: she asks to change her own email, opens her own confirmation page, and swaps the
  // token in its form for Ulf's before pressing the button. The server refuses.
  const adasNext = uniqueEmail("ada-next");
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await ada.page.getByRole("link", { name: "Edit Ada Admin" }).click();
  await saveEmail(ada.page, adasNext);
  await expect(ada.page.getByText(`Email change pending confirmation to ${adasNext}`)).toBeVisible();
  const ownLink = await linkFromMailbox(ada.page, adasNext, /Confirm your new Seatwise sign-in email/);
  await ada.page.goto(ownLink);
  const ulfsToken = new URL(ulfsLink).pathname.split("/").pop()!;
  await ada.page.locator('input[type="hidden"][name="token"]').evaluate((input: HTMLInputElement, token: string) => {
    input.value = token;
  }, ulfsToken);
  await ada.page.getByRole("button", { name: `Sign in as ${adasNext} from now on` }).click();
  await expect(ada.page.getByRole("alert").filter({ hasText: "Only the account's owner can confirm this change." })).toBeVisible();

  // Ulf still signs in as himself, and his row still shows his address.
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await expect(ada.page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: "Ulf User" })).toContainText(s.emails.user2);
  const ulf = await signedIn(browser, s.emails.user2);
  await expect(ulf.page.getByRole("button", { name: /Ulf User/ })).toBeVisible();
  await Promise.all([ada.context.close(), ulf.context.close()]);
});

test("R2: a member changes her own email; it applies when she follows the link signed in, and her other browser is signed out", async ({ browser }) => {
  const max = await signedIn(browser, s.emails.manager);
  const elsewhere = await signedIn(browser, s.emails.manager);
  const next = uniqueEmail("max-next");
  await max.page.goto(`/o/${s.acme.slug}/users`);
  await max.page.getByRole("link", { name: "Edit Max Manager" }).click();
  await saveEmail(max.page, next);
  await expect(max.page.getByText(`Email change pending confirmation to ${next}`)).toBeVisible();
  // The old address was told, with a way to cancel.
  await linkFromMailbox(max.page, s.emails.manager, /A change of your Seatwise sign-in email was requested/);

  const link = await linkFromMailbox(max.page, next, /Confirm your new Seatwise sign-in email/);
  await max.page.goto(link);
  await expect(max.page.getByRole("heading", { name: "Confirm your new sign-in email" })).toBeVisible();
  await screenshot(max.page, "confirm-email");
  await max.page.getByRole("button", { name: `Sign in as ${next} from now on` }).click();
  await expect(max.page.getByRole("status")).toContainText(`Your sign-in email is now ${next}. 1 other browser was signed out.`);

  await elsewhere.page.goto(`/o/${s.acme.slug}/users`);
  await expect(elsewhere.page).toHaveURL(/\/signin/);
  await max.page.goto(`/o/${s.acme.slug}/users`);
  await expect(max.page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: "Max Manager" })).toContainText(next);
  await Promise.all([max.context.close(), elsewhere.context.close()]);
});
