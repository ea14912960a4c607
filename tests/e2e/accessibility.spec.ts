import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, pickMember, signIn, uniqueEmail } from "./helpers";

/** WCAG 2 A/AA problems axe finds on the page, serious or worse, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a dynamic page's metadata: wait for the title before judging the document.
  await expect(page).toHaveTitle(/Seatwise/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("pages of sign-in, members and invitations pass axe's WCAG 2 A/AA checks", async ({ page, browser }) => {
  await page.goto("/signin");
  expect(await seriousViolations(page), "/signin").toEqual([]);

  const founder = uniqueEmail("a11y");
  await signIn(page, founder);
  expect(await seriousViolations(page), "create your organization").toEqual([]);
  // A person without a name gives one (issue 10).
  await page.getByLabel("First name").fill("Ava");
  await page.getByLabel("Last name").fill("Access");
  await page.getByLabel("Organization name").fill("Access Works");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/users$/);
  const base = new URL(page.url()).pathname.replace(/\/users$/, "");

  await page.goto(`${base}/users/invite`);
  const invitee = uniqueEmail("a11y-invitee");
  await page.getByLabel("Email addresses").fill(invitee);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" })).toBeVisible();
  expect(await seriousViolations(page), "invite teammate").toEqual([]);

  for (const path of ["/users", "/invites", "/surveys", "/subscriptions", "/activity", "/settings/subscription", "/inbox"]) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }

  const link = await linkFromMailbox(page, invitee, /invited you/);
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("button", { name: "Accept" })).toBeVisible();
  expect(await seriousViolations(guestPage), "invitation").toEqual([]);
  await guest.close();
});

test("survey pages (list, new, editing, read-only, dialogs, public answer page, profile export) pass axe's WCAG 2 A/AA checks", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await expect(page).toHaveURL(/\/users/);
  const base = `/o/${s.acme.slug}`;

  await page.goto(`${base}/surveys`);
  await expect(page.getByRole("table", { name: "Surveys" })).toBeVisible();
  expect(await seriousViolations(page), "/surveys").toEqual([]);
  await page.getByRole("button", { name: "Actions for Customer satisfaction 2026" }).click();
  await page.getByRole("menuitem", { name: "Transfer…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "transfer dialog").toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(`${base}/surveys/new`);
  expect(await seriousViolations(page), "/surveys/new").toEqual([]);
  await page.getByLabel("Title").fill("Accessible survey");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessible survey" })).toBeVisible();
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByLabel("Question 1", { exact: true }).fill("Is this readable?");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByLabel("Current share link").inputValue();
  expect(await seriousViolations(page), "survey, editing").toEqual([]);
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "merge dialog").toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(`${base}/surveys`);
  await page.getByRole("table", { name: "Surveys" }).getByRole("link", { name: "Supplier onboarding feedback" }).click();
  await expect(page.getByTestId("checkout-status")).toContainText("Read-only");
  expect(await seriousViolations(page), "survey, read-only").toEqual([]);

  await page.goto(`${base}/users`);
  await page.getByRole("link", { name: "Edit Una User" }).click();
  await expect(page.getByRole("region", { name: "Surveys" })).toBeVisible();
  expect(await seriousViolations(page), "profile with export").toEqual([]);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(url);
  await expect(guestPage.getByRole("heading", { level: 1, name: "Accessible survey" })).toBeVisible();
  expect(await seriousViolations(guestPage), "public answer page").toEqual([]);
  await guest.close();
});

test("pages of products, plans, the product area, transfers, the inbox and suppliers pass axe's WCAG 2 A/AA checks", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await expect(page).toHaveURL(/\/users$/);
  const base = new URL(page.url()).pathname.replace(/\/users$/, "");

  for (const path of ["/products", "/suppliers", "/subscriptions", "/inbox"]) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }

  await page.goto(`${base}/subscriptions`);
  await page.getByRole("link", { name: "Manage Users of PDoc Share" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Manage Users — PDoc Share" })).toBeVisible();
  const plan = new URL(page.url()).pathname.replace(/\/users$/, "");
  expect(await seriousViolations(page), "manage users").toEqual([]);
  await page.getByRole("button", { name: "Actions for Una User" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  expect(await seriousViolations(page), "actions menu").toEqual([]);
  await page.getByRole("menuitem", { name: "Remove from plan" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "remove from plan dialog").toEqual([]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Actions for Una User" }).click();
  await page.getByRole("menuitem", { name: "Show User Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Una User" })).toBeVisible();
  expect(await seriousViolations(page), "user profile").toEqual([]);
  for (const tab of ["Edit User Permissions", "See workflows for this user"]) {
    await page.getByRole("link", { name: tab }).click();
    await expect(page.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
    expect(await seriousViolations(page), tab).toEqual([]);
  }

  for (const path of ["/users/add", "/transfer", "", "?view=inbox", "?view=outbox", "?view=done"]) {
    await page.goto(`${plan}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), `plan${path}`).toEqual([]);
  }
  await page.goto(plan);
  await page.getByRole("link", { name: "Customer portal release notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer portal release notes" })).toBeVisible();
  expect(await seriousViolations(page), "workflow").toEqual([]);

  // A transfer request, seen by its recipient in the inbox and on its page.
  await page.goto(`${plan}/transfer`);
  await pickMember(page, "New subscriber", "Max", /Max Manager/);
  await page.getByRole("button", { name: "Transfer Ownership" }).click();
  await expect(page.getByText("Transfer request sent to Max Manager.")).toBeVisible();
  const max = await (await browser.newContext()).newPage();
  await signIn(max, s.emails.manager);
  await max.goto(`${base}/inbox`);
  await expect(max.getByRole("button", { name: "Accept" })).toBeVisible();
  expect(await seriousViolations(max), "inbox with a transfer request").toEqual([]);
  await max.getByRole("link", { name: "View request" }).click();
  await expect(max.getByRole("heading", { level: 1, name: "Transfer of PDoc Share" })).toBeVisible();
  expect(await seriousViolations(max), "transfer page").toEqual([]);
  await max.context().close();

  // A supplier invitation, opened from its email.
  await page.goto(`${base}/suppliers`);
  const supplier = uniqueEmail("a11y-supplier");
  await page.getByLabel("Company name").fill("Access Forge");
  await page.getByLabel("Email").fill(supplier);
  await page.getByRole("button", { name: "Send Invitation", exact: true }).click();
  await expect(page.getByRole("table", { name: "Supplier invitations" })).toContainText("Access Forge");
  expect(await seriousViolations(page), "suppliers with an invitation").toEqual([]);
  const link = await linkFromMailbox(page, supplier, /as a supplier/);
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("button", { name: "Accept" })).toBeVisible();
  expect(await seriousViolations(guest), "supplier invitation").toEqual([]);
  await guest.context().close();
});

test("issue 10's pages and states pass axe's WCAG 2 A/AA checks: profile, welcome, Activity with changes open, Revoke's dialog and Undo, the tier dialog, 403 and 404 pages, the phone menu, Decline", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const base = `/o/${s.acme.slug}`;

  for (const path of [`/account?org=${s.acme.slug}`, `${base}/welcome`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto(`${base}/activity`);
  await page.getByText(/^Show changes/).first().click();
  await expect(page.getByRole("table", { name: "What changed" }).first()).toBeVisible();
  expect(await seriousViolations(page), "activity with changes open").toEqual([]);

  // Invite two, revoke one: the dialog, then the row with Undo.
  const [a, b] = [uniqueEmail("a11y-rev"), uniqueEmail("a11y-keep")];
  await page.goto(`${base}/users/invite`);
  await page.getByLabel("Email addresses").fill(`${a}, ${b}, not an address`);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" })).toBeVisible();
  expect(await seriousViolations(page), "invite with a failed address").toEqual([]);
  await page.goto(`${base}/invites`);
  await page.getByRole("button", { name: `Revoke invitation to ${a}` }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "revoke dialog").toEqual([]);
  await page.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByRole("button", { name: `Undo revoking the invitation to ${a}` })).toBeVisible();
  expect(await seriousViolations(page), "manage invites with a revoked row").toEqual([]);

  await page.goto(`${base}/settings/subscription`);
  await page.getByRole("radio", { name: /Essential/ }).check();
  await page.getByRole("button", { name: "Change tier" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "downgrade dialog").toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto("/o/no-such-organization/users");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(await seriousViolations(page), "404").toEqual([]);

  // The invitee's Decline prompt.
  const link = await linkFromMailbox(page, b, /invited you to Acme Castings/);
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await guest.getByRole("button", { name: "Decline" }).click();
  await expect(guest.getByRole("button", { name: "Decline invitation" })).toBeVisible();
  expect(await seriousViolations(guest), "decline prompt").toEqual([]);
  await guest.context().close();

  // A User on a page her role does not include, on a phone with the menu open.
  const una = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(una, s.emails.user1);
  await una.goto(`${base}/activity`);
  await expect(una.getByRole("heading", { level: 1, name: "Only Admins can see this" })).toBeVisible();
  expect(await seriousViolations(una), "403 inside the shell").toEqual([]);
  await una.getByRole("button", { name: "Menu" }).click();
  await expect(una.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(await seriousViolations(una), "phone menu open").toEqual([]);
  await una.context().close();
});
