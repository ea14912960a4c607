import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newScenario, screenshot, signedIn, type Scenario } from "./helpers";

/**
 * Issue 14's Users page items, in the browser as an Admin uses it: row actions in view at 1280 px
 * and stacked rows at 390 px (#14.4), Change role starting at the current role (#14.7), and a bulk
 * delete that names the people and says beforehand what it cannot do (#14.6).
 */
let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const asAdmin = (browser: Browser, viewport = desktop) => signedIn(browser, s.emails.admin, { viewport });
const members = (page: Page) => page.getByRole("table", { name: "Members" });
const row = (page: Page, text: string) => members(page).getByRole("row").filter({ hasText: text });

/** Whether `inner` lies horizontally inside what `outer` shows (its border box). */
async function horizontallyInside(inner: Locator, outer: Locator) {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
}

const LONG_FIRST = "Maximiliana Alexandra Konstantina";
const LONG_LAST = "Featherstonehaugh-Worthington-Montgomery";
const LONG = `${LONG_FIRST} ${LONG_LAST}`;

test("R2 #14.4 at 1280 px a long name keeps every row's pencil and ⋮ inside the card, and the name stays in view while its menu is open (mouse and keyboard)", async ({
  browser,
}) => {
  const { context, page } = await asAdmin(browser);
  // A member with a long name, given through the pencil as an Admin would (R2).
  await page.goto(`/o/${s.acme.slug}/users`);
  await page.getByRole("link", { name: "Edit Max Manager" }).click();
  await page.getByLabel("First name").fill(LONG_FIRST);
  await page.getByLabel("Last name").fill(LONG_LAST);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await page.goto(`/o/${s.acme.slug}/users`);
  const table = members(page);
  const card = table.locator("xpath=..");
  await expect(row(page, LONG)).toHaveCount(1);
  for (const more of await table.getByRole("button", { name: /^More options for / }).all()) {
    expect(await horizontallyInside(more, card), `${await more.getAttribute("aria-label")} inside the card`).toBe(true);
  }
  for (const edit of await table.getByRole("link", { name: /^Edit / }).all()) {
    expect(await horizontallyInside(edit, card), `${await edit.getAttribute("aria-label")} inside the card`).toBe(true);
  }
  const name = row(page, LONG).getByText(LONG);

  // By mouse.
  const more = page.getByRole("button", { name: `More options for ${LONG}` });
  await more.click();
  await expect(page.getByRole("menu", { name: `More options for ${LONG}` })).toBeVisible();
  expect(await horizontallyInside(name, card)).toBe(true);
  await expect(name).toBeInViewport();
  await screenshot(page, "users2-1280-menu");
  await page.keyboard.press("Escape");
  await expect(more).toBeFocused();

  // By keyboard: Tab from the row's pencil to its ⋮, Enter opens the menu.
  await page.getByRole("link", { name: `Edit ${LONG}` }).focus();
  await page.keyboard.press("Tab");
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: `More options for ${LONG}` })).toBeVisible();
  expect(await horizontallyInside(name, card)).toBe(true);
  await expect(name).toBeInViewport();
  await page.keyboard.press("Escape");
  await context.close();
});

test("#14.4 at 390 px each row stacks: name and ⋮ on top, then role, status and when they joined; nothing wider than the screen", async ({ browser }) => {
  const { context, page } = await asAdmin(browser, phone);
  await page.goto(`/o/${s.acme.slug}/users`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const ulf = row(page, "Ulf User");
  await ulf.scrollIntoViewIfNeeded();
  await expect(ulf.getByText("Ulf User", { exact: true })).toBeInViewport();
  await expect(ulf.getByText("User", { exact: true })).toBeVisible();
  await expect(ulf.getByText("Active", { exact: true })).toBeVisible();
  await expect(ulf.getByRole("cell").filter({ hasText: /\d{4}/ }).first()).toBeVisible();
  const more = page.getByRole("button", { name: "More options for Ulf User" });
  await expect(more).toBeInViewport();
  // Name and ⋮ share the first line; role and status sit below the name.
  const [nameBox, moreBox, roleBox] = [
    (await ulf.getByText("Ulf User", { exact: true }).boundingBox())!,
    (await more.boundingBox())!,
    (await ulf.getByText("User", { exact: true }).boundingBox())!,
  ];
  expect(Math.abs(nameBox.y - moreBox.y)).toBeLessThan(moreBox.height);
  expect(roleBox.y).toBeGreaterThan(nameBox.y + nameBox.height - 1);
  await screenshot(page, "users2-390");
  await more.click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeInViewport();
  await expect(ulf.getByText("Ulf User", { exact: true })).toBeInViewport();
  await screenshot(page, "users2-390-menu");
  await page.keyboard.press("Escape");
  await expect(more).toBeFocused();
  await context.close();
});

test("R3 #14.7 change role starts at the current role, describes each role from the permission table and says what changes; Enter alone changes nothing", async ({
  browser,
}) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users`);
  const more = page.getByRole("button", { name: "More options for Una User" });
  await more.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Change role…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Change the role of Una User" });
  await expect(dialog).toBeVisible();
  const radio = (role: string) => dialog.getByRole("radio", { name: new RegExp(`^${role}\\b`) });
  await expect(radio("User")).toBeChecked();
  await expect(radio("Admin")).not.toBeChecked();
  await expect(radio("Admin")).toHaveAccessibleDescription(/account subscription/);
  await expect(radio("Manager")).toHaveAccessibleDescription(/every survey/);
  await expect(radio("User")).toHaveAccessibleDescription(/only the surveys they own/);
  await expect(dialog.getByRole("button", { name: "Change role" })).toBeDisabled();

  // Enter alone, wherever the focus is in the dialog, changes nothing.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(row(page, "Una User").getByText("User", { exact: true })).toBeVisible();

  // One step up by keyboard, and the dialog says what that gives.
  await page.getByRole("button", { name: "More options for Una User" }).click();
  await page.getByRole("menuitem", { name: "Change role…" }).click();
  await expect(dialog).toBeVisible();
  await radio("User").focus();
  await page.keyboard.press("ArrowUp");
  await expect(radio("Manager")).toBeChecked();
  await expect(dialog.getByRole("status", { name: "What changes" })).toContainText("every survey");
  await screenshot(page, "users2-change-role");
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Una User is now Manager." })).toBeVisible();
  await expect(row(page, "Una User").getByText("Manager", { exact: true })).toBeVisible();
  await context.close();
});

test("R4 R5 #14.6 bulk delete names the people, says before confirming which rows it cannot apply to and why, and a result with a row not done is not green", async ({
  browser,
}) => {
  const { context, page } = await asAdmin(browser);
  await page.goto(`/o/${s.acme.slug}/users?status=active`);
  for (const name of ["Ulf User", "Una User", "Ada Admin"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Ulf User?" });
  await expect(dialog).toBeVisible();
  const refused = dialog.getByRole("list", { name: "Rows this cannot apply to" });
  await expect(refused.getByRole("listitem")).toHaveCount(2);
  await expect(refused.getByRole("listitem").filter({ hasText: "Ada Admin" })).toBeVisible();
  await expect(refused.getByRole("listitem").filter({ hasText: "Una User" })).toContainText(/survey/);
  await screenshot(page, "users2-bulk-dialog");
  await dialog.getByRole("button", { name: "Delete User" }).click();
  await expect(dialog).toHaveCount(0);
  const notice = page.locator('[role="status"][data-tone]');
  await expect(notice).toHaveAttribute("data-tone", "partial");
  await expect(notice.getByRole("list", { name: "Results per row" }).getByRole("listitem")).toHaveCount(3);
  await screenshot(page, "users2-bulk-result");
  await page.goto(`/o/${s.acme.slug}/users`);
  await expect(row(page, "Ulf User")).toHaveCount(0);
  await expect(row(page, "Una User")).toHaveCount(1);
  await expect(row(page, "Ada Admin")).toHaveCount(1);

  // Nothing the selection allows: said before, and the action cannot be confirmed.
  await page.getByRole("checkbox", { name: "Select Ada Admin" }).check();
  await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();
  const none = page.getByRole("dialog", { name: "None of the 1 selected can be deleted" });
  await expect(none.getByRole("list", { name: "Rows this cannot apply to" })).toContainText("Ada Admin");
  await expect(none.getByRole("button", { name: "Delete User" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await context.close();
});

test("#14.6 at 390 px the bulk dialog fits the screen and names the people", async ({ browser }) => {
  const { context, page } = await asAdmin(browser, phone);
  await page.goto(`/o/${s.acme.slug}/users?status=active`);
  await page.getByRole("checkbox", { name: "Select Una User" }).check();
  await page.getByRole("checkbox", { name: "Select Ada Admin" }).check();
  await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend Una User?" });
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole("list", { name: "Rows this cannot apply to" })).toContainText("Ada Admin");
  await screenshot(page, "users2-390-bulk-dialog");
  await page.keyboard.press("Escape");
  await context.close();
});
