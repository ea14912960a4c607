import { expect, test } from "./fixtures";
import { newScenario, screenshot, signedIn, type Scenario } from "./helpers";

/** SPEC K1–K3 in the browser: an Admin makes a token, sees it once, uses it, revokes it. */

let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

test("K1/K3: an Admin creates an API token, sees it once, copies it, uses it against the API, revokes it, and its next request is 401", async ({ browser }) => {
  const { context, page } = await signedIn(browser, s.emails.admin);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.goto(`/o/${s.acme.slug}/users`);
  await page.getByRole("link", { name: "API tokens" }).first().click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  await page.getByLabel("Name").fill("HR sync");
  await page.getByLabel("Role").selectOption({ label: "Manager" });
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("New API token");
  await expect(shown).toHaveValue(/^sw_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await screenshot(page, "api-tokens-created");

  // The token works: the organization's members, as a Manager reads them.
  const headers = { authorization: `Bearer ${token}` };
  const members = await page.request.get(`/api/v1/orgs/${s.acme.slug}/members?limit=200`, { headers });
  expect(members.status()).toBe(200);
  expect(((await members.json()) as { data: { email: string }[] }).data.map((m) => m.email)).toContain(s.emails.admin);
  // A Manager token cannot make an Admin (R1): 403 problem.
  const admin = await page.request.post(`/api/v1/orgs/${s.acme.slug}/invitations`, { headers, data: { emails: ["boss@example.test"], role: "admin" } });
  expect(admin.status()).toBe(403);
  expect(admin.headers()["content-type"]).toBe("application/problem+json");

  // Shown once: after a reload the list has its prefix, never the token.
  await page.reload();
  const row = page.getByRole("row", { name: /HR sync/ });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText("Manager");
  expect(await page.content()).not.toContain(token);

  await row.getByRole("button", { name: "Revoke HR sync" }).click();
  const dialog = page.getByRole("dialog", { name: /Revoke “HR sync”/ });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: /HR sync/ })).toContainText("Revoked");

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "api-tokens-phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  const after = await page.request.get(`/api/v1/orgs/${s.acme.slug}/members`, { headers });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { code: string }).code).toBe("UNAUTHENTICATED");

  // The reference linked from the page is rendered from the served document.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.locator("#createInvitations")).toContainText("/api/v1/orgs/{org}/invitations");
  await screenshot(page, "api-reference");
  await page.locator("#createInvitations").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/.screenshots/api-reference-invitations.png" });
  await context.close();
});
