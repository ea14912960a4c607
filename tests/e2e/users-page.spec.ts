import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newScenario, screenshot, signedIn, type Scenario } from "./helpers";

/**
 * Issue 10's Users page in the browser: what GitHub's People, Clerk's members and Linear's Members
 * let an Admin do — by mouse, by keyboard only, and on a 390 px phone.
 */
let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

function asAdmin(browser: Browser, viewport = { width: 1280, height: 900 }) {
  return signedIn(browser, s.emails.admin, { viewport });
}

const members = (page: Page) => page.getByRole("table", { name: "Members" });
const row = (page: Page, text: string) => members(page).getByRole("row").filter({ hasText: text });

test("R3 from the row, by keyboard only: Tab to ⋮, Enter opens the menu, Esc gives focus back; Change role… applies it and says so", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users`);
  const more = page.getByRole("button", { name: "More options for Ulf User" });
  await more.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "More options for Ulf User" });
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Change role…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Change the role of Ulf User" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: /^Manager/ }).check();
  await screenshot(page, "users-change-role");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Ulf User is now Manager." })).toBeVisible();
  await expect(row(page, "Ulf User").getByText("Manager", { exact: true })).toBeVisible();
  await expect(more).toBeFocused();
  await context.close();
});

test("R9: Suspend from the row says what happened, and Re-activate too", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users`);
  await page.getByRole("button", { name: "More options for Max Manager" }).click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  await page.getByRole("dialog", { name: "Suspend Max Manager?" }).getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Max Manager is suspended. Their seat and work are kept." })).toBeVisible();
  await expect(row(page, "Max Manager")).toContainText("Suspended");
  await page.getByRole("button", { name: "More options for Max Manager" }).click();
  await page.getByRole("menuitem", { name: "Re-activate" }).click();
  await page.getByRole("dialog", { name: "Re-activate Max Manager?" }).getByRole("button", { name: "Re-activate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Max Manager is active again." })).toBeVisible();
  await context.close();
});

test("filters, sort and invited rows: the pending invitation is listed, marked Invited, with Resend and Revoke", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users`);
  await expect(row(page, s.emails.invitee)).toContainText("Invited");
  // #14.16: a filter applies as it changes.
  await page.getByLabel("Status").selectOption({ label: "Invited" });
  await expect(page).toHaveURL(/status=invited/);
  await expect(members(page).getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "More options for Nia Newhire" }).click();
  await expect(page.getByRole("menuitem", { name: "Resend invitation" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Revoke invitation" })).toBeVisible();
  await page.keyboard.press("Escape");
  await screenshot(page, "users-invited-filter");

  await page.getByLabel("Status").selectOption({ label: "Everyone and invitations" });
  await expect(page).not.toHaveURL(/status=invited/);
  await page.getByLabel("Role").selectOption({ label: "Admin" });
  await expect(page).toHaveURL(/role=admin/);
  await expect(members(page).getByRole("row")).toHaveCount(2);
  await expect(members(page)).toContainText("Ada Admin");
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.getByLabel("Sort by").selectOption({ label: "Sort: Joined (newest first)" });
  await expect(page).toHaveURL(/sort=joined/);
  await expect(page.getByLabel("Sort by")).toHaveValue("joined");
  await expect(members(page).getByRole("row")).toHaveCount(6);
  await context.close();
});

test("bulk: two members suspended at once, each row answered; the Admin's own row is refused and stays as it was", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users?status=active`);
  await page.getByRole("checkbox", { name: "Select Una User" }).check();
  await page.getByRole("checkbox", { name: "Select Ada Admin" }).check();
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Suspend" }).click();
  // Issue 14.6: the dialog names whom it acts on, and says beforehand that the Admin's own row is refused.
  const dialog = page.getByRole("dialog", { name: "Suspend Una User?" });
  await dialog.getByRole("button", { name: "Suspend" }).click();
  const results = page.getByRole("list", { name: "Results per row" });
  await expect(results).toContainText("Una User: Suspended.");
  await expect(results).toContainText("Ada Admin: You cannot suspend yourself.");
  await expect(page.getByRole("status").filter({ hasText: "1 of 2 done." })).toBeVisible();
  await screenshot(page, "users-bulk-results");
  await page.goto(`/o/${s.acme.slug}/users`);
  await expect(row(page, "Una User")).toContainText("Suspended");
  await expect(row(page, "Ada Admin")).toContainText("Active");
  await context.close();
});

test("Export CSV downloads the list with the filters applied", async ({ browser }) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users?role=admin`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/members-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("Name,Email,Phone,Role,Status,Joined or invited,Last active");
  expect(lines.slice(1).every((l) => l.includes(",Admin,"))).toBe(true);
  await context.close();
});

test("390 px: Users fits the screen; the ⋮ menu opens inside it and the page keeps its width", async ({ browser }) => {
  const { context, page } = await asAdmin(browser, { width: 390, height: 844 });
  await page.goto(`/o/${s.acme.slug}/users`);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(390);
  await screenshot(page, "users-390");
  const more = page.getByRole("button", { name: "More options for Ulf User" });
  await expect(more).toBeInViewport();
  await more.click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeInViewport();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await width()).toBeLessThanOrEqual(390);
  await screenshot(page, "users-390-menu");
  await page.keyboard.press("Escape");
  await expect(more).toBeFocused();
  await context.close();
});
