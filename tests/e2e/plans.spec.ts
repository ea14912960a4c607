import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, pickMember, screenshot, signIn, uniqueEmail, type Scenario } from "./helpers";

/**
 * Product plans, plan users, ownership transfer and the inbox (SPEC §5, §6, §8, N1, I6), journey
 * by journey in the browser, through the local mailbox. Every test starts from a fresh copy of the
 * demo (newScenario): Ada Admin subscribes PDoc Share (Max and Una on it, Nia invited onto it) and
 * Company Profile; Max Manager subscribes Supplier Evaluations (Ulf on it).
 */

async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/o\/[\w-]+\//);
  return page;
}

async function openMySubscriptions(page: Page) {
  await page.getByRole("button", { name: /^(Ada Admin|Max Manager|Una User|Ulf User)$/ }).click();
  await page.getByRole("menuitem", { name: "My Subscriptions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My Subscriptions" })).toBeVisible();
}

function subscriptionRow(page: Page, plan: string) {
  return page.getByRole("table", { name: "My Subscriptions" }).getByRole("row").filter({ hasText: plan });
}

/** The link in an email that contains `part` (for emails with more than one, like Accept and Decline). */
async function emailLink(page: Page, to: string, subject: RegExp, part: string): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto("/dev/mailbox");
    const email = page.getByRole("article", { name: new RegExp(`Email to ${to.replace(/[.+]/g, "\\$&")}: .*${subject.source}`, "i") }).first();
    href = await email.locator(`a[href*="${part}"]`).first().getAttribute("href", { timeout: 1000 });
    expect(href).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return href!;
}

test("P1/P2: an Admin subscribes to a product with its seats and finds it on My Subscriptions with Manage Users and Transfer Ownership", async ({ page }) => {
  const s: Scenario = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  const products = page.getByRole("list", { name: "Products" }).locator(":scope > li");
  const card = (name: string) => products.filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
  await expect(products).toHaveCount(6);
  // I6: Service is for supplier organizations only.
  await expect(card("Service")).toContainText("Available to supplier organizations");
  await screenshot(page, "products");

  const corrective = card("Corrective Actions");
  await corrective.getByLabel("Seats").fill("0");
  await corrective.getByRole("button", { name: "Subscribe to Corrective Actions" }).click();
  await expect(corrective.getByText("A plan has at least 1 seat.")).toBeVisible();
  await corrective.getByLabel("Seats").fill("3");
  await corrective.getByRole("button", { name: "Subscribe to Corrective Actions" }).click();
  await expect(corrective.getByText("Subscribed", { exact: true })).toBeVisible();
  await expect(corrective).toContainText("1 of 3 seats used");

  await openMySubscriptions(page);
  const row = subscriptionRow(page, "Corrective Actions");
  await expect(row).toContainText("1 of 3 seats used");
  await expect(row).toContainText("Subscriber");
  await expect(row.getByRole("link", { name: "Manage Users of Corrective Actions" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Transfer Ownership of Corrective Actions" })).toBeVisible();
  // PDoc Share's meter counts Nia's pending plan invitation.
  await expect(subscriptionRow(page, "PDoc Share")).toContainText("4 of 5 seats used");
  await expect(subscriptionRow(page, "PDoc Share")).toContainText("3 plan users, 1 pending invitation");
  await screenshot(page, "my-subscriptions");
});

test("P3/I4: Add User To Plan — an existing member, then a new person who accepts from their email and lands on the plan", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await openMySubscriptions(page);
  await subscriptionRow(page, "PDoc Share").getByRole("link", { name: "Manage Users of PDoc Share" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Manage Users — PDoc Share" })).toBeVisible();
  await expect(page.getByTestId("plan-seat-meter")).toContainText("4 of 5 seats used");
  const table = page.getByRole("table", { name: "Plan users" });
  await expect(table.getByRole("row").filter({ hasText: "Nia Newhire" })).toContainText("Invitation pending");
  await screenshot(page, "plan-users");

  await page.getByRole("link", { name: "Add User To Plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add User To Plan" })).toBeVisible();
  // Members already on the plan are not offered.
  await page.getByRole("combobox", { name: "Existing user" }).fill("Una");
  await expect(page.getByText("No member matches.")).toBeVisible();
  await pickMember(page, "Existing user", "Ulf", /Ulf User/);
  await page.getByRole("button", { name: "Add User To Plan" }).click();
  await expect(page.getByText("Ulf User was added to the plan.")).toBeVisible();
  await expect(page.getByTestId("plan-seat-meter")).toContainText("5 of 5 seats used");
  await screenshot(page, "add-user-to-plan");

  // The plan is full: the page says so and offers no invitation until a seat is free.
  const newcomer = uniqueEmail("newcomer");
  await expect(page.getByRole("status").filter({ hasText: "Every seat of PDoc Share is taken." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send Invitation", exact: true })).toBeDisabled();

  // Raise the seats on Manage Users, then invite.
  await page.getByRole("link", { name: "Back to Manage Users" }).click();
  await page.getByLabel("Plan seats").fill("6");
  await page.getByRole("button", { name: "Change seats" }).click();
  await expect(page.getByText("The plan now has 6 seats.")).toBeVisible();
  await page.getByRole("link", { name: "Add User To Plan" }).click();
  await expect(page.getByTestId("plan-seat-meter")).toContainText("5 of 6 seats used");
  await expect(page.getByRole("button", { name: "Send Invitation", exact: true })).toBeEnabled();
  // Filled once the page has settled (the seats change refreshes it once more in the background).
  await expect(async () => {
    await page.getByLabel("Email").fill(newcomer);
    await page.getByLabel("First name").fill("Nora");
    await page.getByLabel("Last name").fill("Newcomer");
    await expect(page.getByLabel("Email")).toHaveValue(newcomer, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("button", { name: "Send Invitation", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${newcomer}` })).toBeVisible();
  await page.getByRole("link", { name: "Back to Manage Users" }).click();
  await expect(table.getByRole("row").filter({ hasText: newcomer })).toContainText("Invitation pending");

  const link = await linkFromMailbox(page, newcomer, /added you to PDoc Share/);
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByText("PDoc Share")).toBeVisible();
  await guest.getByRole("button", { name: "Accept" }).click();
  // "You joined …" names the plan the invitation put them on; one click opens it.
  await expect(guest.getByRole("heading", { level: 1, name: "You joined Acme Castings" })).toBeVisible();
  await guest.getByRole("link", { name: "Open PDoc Share" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "PDoc Share" })).toBeVisible();
  await expect(guest).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await guest.context().close();
});

test("P6: Remove from plan previews its effect, then does exactly that; the removed user loses the product area", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await personPage(browser, s.emails.user1);
  await una.goto(una.url().replace(/\/users$/, "/subscriptions"));
  await subscriptionRow(una, "PDoc Share").getByRole("link", { name: "PDoc Share", exact: true }).click();
  await expect(una.getByRole("heading", { level: 1, name: "PDoc Share" })).toBeVisible();
  const areaUrl = una.url();

  await signIn(page, s.emails.admin);
  await page.goto(areaUrl.replace(/(\/plans\/[0-9a-f-]+).*$/, "$1/users"));
  await page.getByRole("button", { name: "Actions for Una User" }).click();
  await expect(page.getByRole("menuitem", { name: "See workflows for this user" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Show User Profile" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Edit User Permissions" })).toBeVisible();
  await page.getByRole("menuitem", { name: "Remove from plan" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Una User from PDoc Share?" });
  await expect(dialog).toContainText("1 workflow will be deleted; 1 open task moves to your Inbox, 1 to your Outbox.");
  await screenshot(page, "remove-from-plan");
  await dialog.getByRole("button", { name: "Remove from plan" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Plan users" })).not.toContainText("Una User");

  // The tasks are in Ada's Inbox and Outbox of the plan, and she was told.
  await page.goto(areaUrl + "?view=inbox");
  await expect(page.getByRole("table", { name: "Inbox" })).toContainText("Upload the alloy certificate for part 7741");
  await page.goto(areaUrl + "?view=outbox");
  await expect(page.getByRole("table", { name: "Outbox" })).toContainText("Review the shared datasheet folder");
  await page.getByRole("link", { name: /Inbox/ }).first().click();
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText("2 tasks moved to you");

  // Una loses the product area at her next request (403 in her organization: it is for the plan's
  // users), and finds the email in her mailbox.
  const response = await una.goto(areaUrl);
  expect(response?.status()).toBe(403);
  await expect(una.getByRole("heading", { level: 1, name: "Only the plan's users can see this" })).toBeVisible();
  await linkFromMailbox(page, s.emails.user1, /removed from PDoc Share/);
  await una.context().close();
});

test("O1/O2/N1: a transfer accepted from the inbox; the old subscriber then sees the plan as a regular user", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.manager);
  await openMySubscriptions(page);
  await subscriptionRow(page, "Supplier Evaluations").getByRole("link", { name: "Transfer Ownership of Supplier Evaluations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transfer Ownership — Supplier Evaluations" })).toBeVisible();
  await pickMember(page, "New subscriber", "Ulf", /Ulf User/);
  await page.getByRole("button", { name: "Transfer Ownership" }).click();
  await expect(page.getByText("Transfer request sent to Ulf User.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Waiting for Ulf User to answer")).toBeVisible();
  await screenshot(page, "transfer-ownership");

  // The recipient's email has Accept and Decline; he answers from the inbox.
  const transferPage = page.url();
  await emailLink(page, s.emails.user2, /asks you to become the subscriber of Supplier Evaluations/, "answer=accept");
  await page.goto(transferPage);
  const ulf = await personPage(browser, s.emails.user2);
  await expect(ulf.getByRole("link", { name: /Inbox, \d+ unread/ })).toBeVisible();
  await ulf.getByRole("link", { name: /Inbox/ }).click();
  await expect(ulf.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const request = ulf.getByRole("listitem").filter({ hasText: "asks you to become the subscriber of Supplier Evaluations" });
  await expect(request.getByRole("button", { name: "Accept" })).toBeVisible();
  await screenshot(ulf, "inbox-transfer-request");
  await request.getByRole("button", { name: "Accept" }).click();
  await expect(request.getByText("You are now the subscriber of Supplier Evaluations.")).toBeVisible();

  // N1, #14.11: answering marked the request read and sent no notice of his own answer: the
  // header's unread count is gone, with nothing left to mark.
  await expect(ulf.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await expect(ulf.getByRole("button", { name: "Mark all as read" })).toBeDisabled();

  // Max stays on the plan as a regular user: Transfer Ownership is gone for him (403, saying who
  // may), and My Subscriptions shows neither Manage Users nor Transfer Ownership.
  expect((await page.reload())?.status()).toBe(403);
  await page.goto(transferPage.replace(/\/plans\/.*$/, "/subscriptions"));
  await expect(page.getByRole("heading", { level: 1, name: "My Subscriptions" })).toBeVisible();
  const row = subscriptionRow(page, "Supplier Evaluations");
  await expect(row).toContainText("Plan user");
  await expect(row).toContainText("Ulf User");
  await expect(row.getByRole("link", { name: /Manage Users/ })).toHaveCount(0);
  await expect(row.getByRole("link", { name: /Transfer Ownership/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Inbox/ }).first().click();
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText("Ulf User is now the subscriber of Supplier Evaluations");
  await linkFromMailbox(page, s.emails.manager, /Transfer accepted/);
  await ulf.context().close();
});

test("O1: a transfer declined from the email's Decline link; the subscriber keeps the plan and is told", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await openMySubscriptions(page);
  await subscriptionRow(page, "PDoc Share").getByRole("link", { name: "Transfer Ownership of PDoc Share" }).click();
  await pickMember(page, "New subscriber", "Una", /Una User/);
  await page.getByRole("button", { name: "Transfer Ownership" }).click();
  await expect(page.getByText("Transfer request sent to Una User.")).toBeVisible();
  const transferPage = page.url();

  const decline = await emailLink(page, s.emails.user1, /asks you to become the subscriber of PDoc Share/, "answer=decline");
  const una = await personPage(browser, s.emails.user1);
  await una.goto(decline);
  await expect(una.getByRole("heading", { level: 1, name: "Transfer of PDoc Share" })).toBeVisible();
  await screenshot(una, "transfer-request-page");
  await una.getByRole("button", { name: "Decline" }).click();
  await expect(una.getByText("You declined PDoc Share.")).toBeVisible();

  await page.goto(transferPage);
  await page.getByRole("link", { name: /Inbox/ }).first().click();
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText("Una User declined to take over PDoc Share");
  await openMySubscriptions(page);
  await expect(subscriptionRow(page, "PDoc Share")).toContainText("Subscriber");
  await una.context().close();
});

test("P3: Add User To Plan is absent on Company Profile, and its page does not exist", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await openMySubscriptions(page);
  await subscriptionRow(page, "Company Profile").getByRole("link", { name: "Manage Users of Company Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Manage Users — Company Profile" })).toBeVisible();
  await expect(page.getByTestId("plan-seat-meter")).toContainText("One user");
  await expect(page.getByRole("link", { name: "Add User To Plan" })).toHaveCount(0);
  await screenshot(page, "plan-users-company-profile");
  const response = await page.goto(`${page.url()}/add`);
  expect(response?.status()).toBe(404);
});

test("§6/P5: in the product area the subscriber starts a workflow and sends a task; the assignee marks it done from their Inbox", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await openMySubscriptions(page);
  await subscriptionRow(page, "PDoc Share").getByRole("link", { name: "PDoc Share", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "PDoc Share" })).toBeVisible();
  await page.getByLabel("New workflow").fill("Datasheets for the 2027 catalogue");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await page.getByRole("link", { name: "Datasheets for the 2027 catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Datasheets for the 2027 catalogue" })).toBeVisible();
  await pickMember(page, "Assign to", "Max", /Max Manager/);
  await page.getByLabel("Task").fill("Check the flange drawings");
  await page.getByRole("button", { name: "Send task" }).click();
  await expect(page.getByRole("table", { name: "Tasks" })).toContainText("Check the flange drawings");
  await screenshot(page, "workflow");
  const area = page.url().replace(/\/workflows\/.*$/, "");
  await page.goto(area);
  await screenshot(page, "product-area");

  // Max holds the defaults: he sees every workflow and starts his own, but sends no tasks.
  const max = await personPage(browser, s.emails.manager);
  await max.goto(`${area}?view=inbox`);
  const inbox = max.getByRole("table", { name: "Inbox" });
  await expect(inbox).toContainText("Check the flange drawings");
  await inbox.getByRole("button", { name: 'Mark "Check the flange drawings" done' }).click();
  await expect(inbox).not.toContainText("Check the flange drawings");
  await max.goto(`${area}?view=done`);
  await expect(max.getByRole("table", { name: "Done tasks" })).toContainText("Check the flange drawings");
  await max.getByRole("link", { name: "Datasheets for the 2027 catalogue" }).click();
  await expect(max.getByRole("heading", { level: 2, name: "Send a task" })).toHaveCount(0);
  await max.context().close();
});

test("P5: Edit User Permissions takes effect at the plan user's next click", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await personPage(browser, s.emails.user1);
  await una.goto(una.url().replace(/\/users$/, "/subscriptions"));
  await subscriptionRow(una, "PDoc Share").getByRole("link", { name: "PDoc Share", exact: true }).click();
  await expect(una.getByLabel("New workflow")).toBeVisible();
  const area = una.url();

  await signIn(page, s.emails.admin);
  await page.goto(`${area}/users`);
  await page.getByRole("button", { name: "Actions for Una User" }).click();
  await page.getByRole("menuitem", { name: "Edit User Permissions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit User Permissions — Una User" })).toBeVisible();
  await page.getByLabel("Upload documents").uncheck();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("Permissions saved.")).toBeVisible();
  await screenshot(page, "edit-user-permissions");
  await page.getByRole("link", { name: "Show User Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Una User" })).toBeVisible();
  await screenshot(page, "plan-user-profile");
  await page.getByRole("link", { name: "See workflows for this user" }).click();
  await expect(page.getByRole("table", { name: "Workflows of Una User" })).toContainText("Datasheets for the Q3 castings catalogue");

  await una.reload();
  await expect(una.getByRole("heading", { level: 1, name: "PDoc Share" })).toBeVisible();
  await expect(una.getByLabel("New workflow")).toHaveCount(0);
  await una.context().close();
});

test("I6: an Admin invites a supplier; accepting creates the supplier organization with the invitee as Admin, on Service", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Suppliers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Suppliers" })).toContainText("Bolt Supply Co");
  const email = uniqueEmail("anvil");
  await page.getByLabel("Company name").fill("Anvil Works");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send Invitation", exact: true }).click();
  await expect(page.getByText(`Supplier invitation sent to ${email} for Anvil Works.`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Supplier invitations" })).toContainText("Anvil Works");
  await screenshot(page, "suppliers");

  const suppliersPage = page.url();
  const link = await linkFromMailbox(page, email, /invited Anvil Works to Seatwise as a supplier/);
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Set up Anvil Works on Seatwise" })).toBeVisible();
  await guest.getByRole("button", { name: "Accept" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Service" })).toBeVisible();
  await expect(guest.getByRole("button", { name: /Organization: Anvil Works/ })).toBeVisible();
  await guest.context().close();
  await page.goto(suppliersPage);
  await expect(page.getByRole("list", { name: "Suppliers" })).toContainText("Anvil Works");
});

test("I6/I3: an Admin revokes a supplier invitation after confirming: the row stays, marked Revoked, with Undo focused and nothing moving; Undo makes it Pending again with Revoke focused", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.goto(`/o/${s.acme.slug}/suppliers`);
  await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
  const [first, second] = [uniqueEmail("cast"), uniqueEmail("mould")];
  // Newest first: Cast Iron Ltd's row is above Mould Makers'.
  for (const [company, email] of [
    ["Mould Makers", second],
    ["Cast Iron Ltd", first],
  ]) {
    await page.getByLabel("Company name").fill(company);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send Invitation", exact: true }).click();
    await expect(page.getByText(`Supplier invitation sent to ${email} for ${company}.`)).toBeVisible();
  }
  const link = await linkFromMailbox(page, first, /invited Cast Iron Ltd to Seatwise as a supplier/);
  await page.goto(`/o/${s.acme.slug}/suppliers`);
  const table = page.getByRole("table", { name: "Supplier invitations" });
  const row = (email: string) => table.getByRole("row").filter({ hasText: email });
  const status = (email: string) => row(email).getByRole("cell").nth(3);
  const revokeFirst = row(first).getByRole("button", { name: `Revoke invitation to ${first}` });
  const revokeSecond = row(second).getByRole("button", { name: `Revoke invitation to ${second}` });
  const message = page.getByRole("status").filter({ hasText: /supplier invitation/ });
  await expect(message).toHaveText(/pending supplier invitations?\. Supplier invitations hold no seat\./);
  // Where the next row's Revoke is on the page (not in the window: focusing Undo may scroll).
  const onPage = () => revokeSecond.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });
  await expect(row(first).locator("xpath=following-sibling::tr[1]")).toContainText(second);
  const secondBefore = await onPage();

  // Revoke asks first, naming the company and the address; Cancel changes nothing.
  await revokeFirst.click();
  const dialog = page.getByRole("dialog", { name: "Revoke the supplier invitation to Cast Iron Ltd?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`The link in the email to ${first} stops working: Cast Iron Ltd can no longer join through it.`);
  await expect(dialog).toContainText("You can undo this for 10 minutes.");
  await screenshot(page, "supplier-revoke-confirm");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(revokeFirst).toBeFocused();
  await expect(status(first)).toHaveText("Pending");

  // Confirmed: the row stays where it was, marked Revoked, with Undo focused; the message says so.
  await revokeFirst.click();
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(dialog).toBeHidden();
  await expect(message).toHaveText(new RegExp(`^Revoked the supplier invitation to ${first.replace(/[.+]/g, "\\$&")}: its link no longer works\\. Undo until \\d\\d:\\d\\d UTC\\.$`));
  await expect(status(first)).toHaveText("Revoked");
  await expect(status(second)).toHaveText("Pending");
  const undo = row(first).getByRole("button", { name: `Undo revoking the invitation to ${first}` });
  await expect(undo).toBeFocused();
  await expect(row(first).getByRole("button", { name: `Resend invitation to ${first}` })).toHaveCount(0);
  expect(await onPage(), "the next row's Revoke did not move").toEqual(secondBefore);
  await screenshot(page, "suppliers-revoked");

  // On a phone the row keeps its Undo on screen, and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const box = (await undo.boundingBox())!;
  expect(box.x + box.width, "Undo within the phone's width").toBeLessThanOrEqual(390);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await screenshot(page, "phone-suppliers-revoked");
  await page.setViewportSize({ width: 1280, height: 720 });

  // The link is dead meanwhile.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1, name: "Invitation revoked" })).toBeVisible();

  // Undo: Pending again, Revoke focused where Undo was, and the same link works again.
  await undo.click();
  await expect(message).toContainText(`Restored the supplier invitation to ${first}: the link in their email works again until`);
  await expect(status(first)).toHaveText("Pending");
  await expect(revokeFirst).toBeFocused();
  await guest.reload();
  await expect(guest.getByRole("heading", { name: "Set up Cast Iron Ltd on Seatwise" })).toBeVisible();
  await expect(guest.getByRole("button", { name: "Accept" })).toBeVisible();
  await guest.context().close();
});

test("I1/P3: Invite Teammate with a plan to join — the invitee holds its seat at once and lands on it when they accept", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.getByRole("link", { name: "Invite Teammate" }).click();
  await expect(page.getByRole("group", { name: "Plans to join (optional)" })).toBeVisible();
  // Company Profile has one user: it is not offered.
  await expect(page.getByRole("checkbox", { name: /Company Profile/ })).toHaveCount(0);
  const email = uniqueEmail("joiner");
  await page.getByLabel("Email addresses").fill(email);
  await page.getByRole("checkbox", { name: /PDoc Share/ }).check();
  await page.getByRole("button", { name: "Send Invitation", exact: true }).click();
  await expect(page.getByRole("list", { name: "Invitation results" })).toContainText("On PDoc Share.");
  await screenshot(page, "invite-with-plans");

  const link = await linkFromMailbox(page, email, /added you to PDoc Share/);
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByText("PDoc Share")).toBeVisible();
  await guest.getByRole("button", { name: "Accept" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "You joined Acme Castings" })).toBeVisible();
  await guest.getByRole("link", { name: "Open PDoc Share" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "PDoc Share" })).toBeVisible();
  await guest.getByRole("link", { name: /Inbox/ }).first().click();
  await expect(guest.getByRole("list", { name: "Notifications" })).toContainText("You are on PDoc Share");
  await guest.context().close();
});
