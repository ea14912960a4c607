import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newScenario, pickMember, screenshot as fullPageShot, signedIn } from "./helpers";

/**
 * Issue 14, what people were misled by outside surveys: #14.11 answering a transfer, #14.14 the
 * keyboard, #14.16 smaller things. Each test works in organizations of its own (newScenario).
 */

const phone = { width: 390, height: 844 };

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByRole("link", { name: /^Inbox/ }).first().getAttribute("aria-label")) ?? (await page.getByRole("link", { name: /^Inbox/ }).first().textContent()) ?? "";
  const match = /(\d+) unread/.exec(label);
  return match ? Number(match[1]) : 0;
}

test("N1/O2 #14.11 answering a transfer: My Subscriptions offers Accept to the recipient; the answer shows once and clears the unread count", async ({ page, browser }) => {
  const s = await newScenario(page);
  const max = await signedIn(browser, s.emails.manager);
  await max.page.goto(`/o/${s.acme.slug}/subscriptions`);
  await max.page.getByRole("link", { name: "Transfer Ownership of Supplier Evaluations" }).click();
  await pickMember(max.page, "New subscriber", "Ulf", /Ulf User/);
  await max.page.getByRole("button", { name: "Transfer Ownership" }).click();
  await expect(max.page.getByText("Transfer request sent to Ulf User.")).toBeVisible();
  await max.context.close();

  // Before answering, Ulf's My Subscriptions shows the request with Accept and Decline (390 px).
  const ulf = await signedIn(browser, s.emails.user2, { viewport: phone });
  await ulf.page.goto(`/o/${s.acme.slug}/subscriptions`);
  const row = ulf.page.getByRole("table", { name: "My Subscriptions" }).getByRole("row").filter({ hasText: "Supplier Evaluations" });
  await expect(row).toContainText("Max Manager asks you to become the subscriber");
  await expect(row.getByRole("button", { name: "Accept Supplier Evaluations" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Decline Supplier Evaluations" })).toBeVisible();
  await screenshot(ulf.page, "subscriptions-transfer-request-390");

  // He answers in the Inbox: one success line, and the request no longer counts as unread.
  await ulf.page.goto(`/o/${s.acme.slug}/inbox`);
  const before = await unreadCount(ulf.page);
  expect(before).toBeGreaterThan(0);
  const request = ulf.page.getByRole("listitem").filter({ hasText: "asks you to become the subscriber of Supplier Evaluations" });
  await request.getByRole("button", { name: "Accept" }).click();
  await expect(ulf.page.getByText("You are now the subscriber of Supplier Evaluations.")).toHaveCount(1);
  await expect.poll(() => unreadCount(ulf.page)).toBe(before - 1);
  await ulf.page.reload();
  // No notice about his own answer.
  await expect(ulf.page.getByRole("list", { name: "Notifications" })).not.toContainText("You are now the subscriber");
  await screenshot(ulf.page, "inbox-after-accept-390");

  // My Subscriptions now shows him as the subscriber, with nothing left to answer.
  await ulf.page.goto(`/o/${s.acme.slug}/subscriptions`);
  await expect(row.getByRole("button", { name: "Accept Supplier Evaluations" })).toHaveCount(0);
  await ulf.context.close();
});

test("#14.14 keyboard: the first Tab stop skips to the main content, a page change puts focus on its heading, Invite Teammate links to Manage Invites", async ({ page, browser }) => {
  const s = await newScenario(page);
  for (const viewport of [undefined, phone]) {
    const ada = await signedIn(browser, s.emails.admin, viewport ? { viewport } : {});
    await ada.page.goto(`/o/${s.acme.slug}/users`);
    await ada.page.keyboard.press("Tab");
    const skip = ada.page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    if (!viewport) await screenshot(ada.page, "skip-link");
    await ada.page.keyboard.press("Enter");
    await expect(ada.page.locator("#main")).toBeFocused();
    // The next Tab goes into the page, not back through the header and navigation.
    await ada.page.keyboard.press("Tab");
    expect(await ada.page.evaluate(() => !!document.activeElement?.closest("#main"))).toBe(true);
    await ada.context.close();
  }

  // A page change by keyboard lands on the new page's heading.
  const ada = await signedIn(browser, s.emails.admin);
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Surveys" }).focus();
  await ada.page.keyboard.press("Enter");
  await expect(ada.page.getByRole("heading", { level: 1, name: "Surveys" })).toBeFocused();

  // Invite Teammate → Manage Invites, by keyboard.
  await ada.page.goto(`/o/${s.acme.slug}/users/invite`);
  await ada.page.getByRole("link", { name: "Manage Invites" }).focus();
  await ada.page.keyboard.press("Enter");
  await expect(ada.page.getByRole("heading", { level: 1, name: "Manage Invites" })).toBeFocused();
  await ada.context.close();
});

test("#14.12 a refusal names who can help: Activity names the Admins; a plan's Manage Users names its subscriber and the Admins", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await signedIn(browser, s.emails.user1, { viewport: phone });
  const response = await una.page.goto(`/o/${s.acme.slug}/activity`);
  expect(response?.status()).toBe(403);
  await expect(una.page.getByTestId("who-to-ask")).toHaveText("Who can help: Admins: Ada Admin.");
  await screenshot(una.page, "forbidden-names-390");
  await una.page.goto(`/o/${s.acme.slug}/subscriptions`);
  await una.page.getByRole("link", { name: "PDoc Share", exact: true }).click();
  await expect(una.page).toHaveURL(/\/plans\/[\w-]+$/);
  expect((await una.page.goto(`${una.page.url()}/users`))?.status()).toBe(403);
  await expect(una.page.getByTestId("who-to-ask")).toHaveText("Who can help: Ada Admin (subscriber of PDoc Share), or an Admin: Ada Admin.");
  await una.context.close();
});

test("T1/T4 #14.8 at N of N seats an Admin gets 'Upgrade to Essential for 6 seats' on Users and Invite Teammate; Products starts plan seats within the tier and says why", async ({ page, browser }) => {
  const s = await newScenario(page);
  // Bolt Supply Co is on Free (4 seats) with one member: three invitations fill it.
  const sam = await signedIn(browser, s.emails.supplier);
  await sam.page.goto(`/o/${s.bolt.slug}/users/invite`);
  await sam.page.getByLabel("Email addresses").fill(["a", "b", "c"].map((x) => `seat-${x}-${Date.now()}@example.test`).join("\n"));
  await sam.page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(sam.page.getByRole("list", { name: "Invitation results" })).toBeVisible();
  await sam.page.goto(`/o/${s.bolt.slug}/users`);
  const note = sam.page.getByRole("note", { name: "Seat limit" });
  await expect(note).toContainText("4 of 4 seats are in use");
  const upgrade = note.getByRole("link", { name: "Upgrade to Essential for 6 seats" });
  await expect(upgrade).toHaveAttribute("href", `/o/${s.bolt.slug}/settings/subscription`);
  await screenshot(sam.page, "users-seat-limit");
  await sam.page.goto(`/o/${s.bolt.slug}/users/invite`);
  await expect(sam.page.getByRole("link", { name: "Upgrade to Essential for 6 seats" })).toBeVisible();
  await sam.page.goto(`/o/${s.bolt.slug}/products`);
  const seats = sam.page.getByRole("spinbutton", { name: "Seats" }).first();
  await expect(seats).toHaveValue("4");
  await expect(seats).toHaveAccessibleDescription(/holds one of the organization's 4 seats/);
  await screenshot(sam.page, "products-plan-seats");
  await sam.context.close();
});

test("#14.16 Reassign now is not offered to the plan's own subscriber; Users filters apply on change; the product area's tabs fit at 390 px", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await signedIn(browser, s.emails.admin);
  await ada.page.goto(`/o/${s.acme.slug}/subscriptions`);
  await ada.page.getByRole("link", { name: "Transfer Ownership of PDoc Share" }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: "Transfer Ownership — PDoc Share" })).toBeVisible();
  await expect(ada.page.getByRole("heading", { name: "Reassign now (Admins)" })).toHaveCount(0);
  // A plan someone else subscribes to (from Products, since Ada is not on it): the Admin may reassign it.
  await ada.page.goto(`/o/${s.acme.slug}/products`);
  await ada.page.getByRole("link", { name: "Transfer Ownership of Supplier Evaluations" }).click();
  await expect(ada.page.getByRole("heading", { name: "Reassign now (Admins)" })).toBeVisible();

  // Filters apply as they change; Apply stays for a browser without JavaScript.
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  const filters = ada.page.getByRole("search", { name: "Filter users" });
  await filters.getByLabel("Role").selectOption("manager");
  await expect(ada.page).toHaveURL(/role=manager/);
  await expect(ada.page.getByRole("search", { name: "Filter users" }).getByRole("button", { name: "Apply" })).toBeVisible();
  await ada.context.close();

  const una = await signedIn(browser, s.emails.user1, { viewport: phone });
  await una.page.goto(`/o/${s.acme.slug}/subscriptions`);
  await una.page.getByRole("link", { name: "PDoc Share", exact: true }).click();
  const tabs = una.page.getByRole("navigation", { name: "Product area" }).getByRole("link");
  await expect(tabs).toHaveCount(4);
  for (const tab of await tabs.all()) await expect(tab).toBeInViewport({ ratio: 1 });
  await screenshot(una.page, "product-area-tabs-390");
  await una.context.close();
});

test("R9 #14.12 the suspended page names the organization and the Admins to ask (390 px)", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ulf = await signedIn(browser, s.emails.user2, { viewport: phone });
  const ada = await signedIn(browser, s.emails.admin);
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await ada.page.getByRole("button", { name: "More options for Ulf User" }).click();
  await ada.page.getByRole("menuitem", { name: "Suspend" }).click();
  await ada.page.getByRole("dialog", { name: "Suspend Ulf User?" }).getByRole("button", { name: "Suspend" }).click();
  await expect(ada.page.getByRole("status").filter({ hasText: "Ulf User is suspended." })).toBeVisible();
  await ada.context.close();

  await ulf.page.goto(`/o/${s.acme.slug}/users`);
  await expect(ulf.page.getByRole("heading", { level: 1, name: "Your access to Acme Castings is suspended" })).toBeVisible();
  await expect(ulf.page.getByText("ask Ada Admin (Admin) to re-activate you.")).toBeVisible();
  await screenshot(ulf.page, "suspended-names-org-390");
  await ulf.context.close();
});
