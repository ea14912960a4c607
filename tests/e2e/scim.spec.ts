import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { newScenario, screenshot, signedIn, type Scenario } from "./helpers";

/**
 * Issue 17 in the browser: an Admin opens Settings → Provisioning (SCIM), creates a SCIM token
 * (shown once), an identity provider uses it (a good request and a malformed one, which the log
 * shows as an error), the Admin maps a group and chooses the deprovisioning transfer, revokes the
 * token, and its next request is 401. A Manager gets the refusal page.
 */

let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

test("C1–C4 K1: an Admin sets up SCIM provisioning — base URL, a token shown once and used, a group mapping, the deprovisioning transfer, the log's errors — and revokes the token (401 after)", async ({ browser, baseURL }) => {
  const { context, page } = await signedIn(browser, s.emails.admin);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.goto(`/o/${s.acme.slug}/users`);
  await page.getByRole("link", { name: "Provisioning (SCIM)" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Provisioning (SCIM)" })).toBeVisible();
  const base = `${baseURL}/scim/v2/${s.acme.slug}`;
  await expect(page.getByRole("textbox", { name: "SCIM base URL" })).toHaveValue(base);
  await page.getByRole("button", { name: "Copy the SCIM base URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(base);

  // A token, shown once.
  await page.getByLabel("Token name").fill("Okta");
  await page.getByLabel("Expires").selectOption({ label: "In 90 days" });
  await page.getByRole("button", { name: "Create SCIM token" }).click();
  const shown = page.getByRole("textbox", { name: "New SCIM token" });
  await expect(shown).toHaveValue(/^sw_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toBeFocused();
  const token = await shown.inputValue();
  await page.getByRole("region", { name: "SCIM tokens", exact: true }).screenshot({ path: "tests/e2e/.screenshots/scim-token-created.png" });
  await page.getByRole("button", { name: "Copy the new SCIM token" }).click();
  await expect(page.getByRole("button", { name: "Copy the new SCIM token" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // The identity provider uses it: discovery works; a malformed create is refused and logged.
  const headers = { authorization: `Bearer ${token}` };
  const config = await fetch(`${base}/ServiceProviderConfig`, { headers });
  expect(config.status).toBe(200);
  expect(config.headers.get("content-type")).toBe("application/scim+json");
  const malformed = await fetch(`${base}/Users`, { method: "POST", headers: { ...headers, "content-type": "application/scim+json" }, body: "{not json" });
  expect(malformed.status).toBeGreaterThanOrEqual(400);
  expect(((await malformed.json()) as { schemas: string[] }).schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);

  // Shown once: after a reload the list has its prefix, never the token; the refusal is in the log, in words.
  await page.reload();
  const row = page.getByRole("region", { name: "SCIM tokens (scrollable)" }).getByRole("row", { name: /Okta/ });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(page.getByRole("textbox", { name: "New SCIM token" })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const event = page.getByRole("region", { name: "Recent provisioning events (scrollable)" }).getByRole("row", { name: /POST \/Users/ });
  await expect(event).toContainText(/Error \d{3}/);
  await expect(event).toContainText("Okta");

  // A group mapping: a default name is refused next to its field, another name is saved.
  await page.getByLabel("Group name").fill("Admins");
  await page.getByLabel("Maps to").selectOption({ label: "Manager" });
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.locator("#field-groupName-error")).toContainText("already maps to the Admin role");
  await expect(page.getByLabel("Group name")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Group name").fill("Sales EMEA");
  await page.getByLabel("Maps to").selectOption({ label: "Manager" });
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The group “Sales EMEA” now maps to the Manager role." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Group mappings (scrollable)" }).getByRole("row", { name: /Sales EMEA/ })).toContainText("Manager role");

  // Deprovisioning: transfer to Ada (an active Admin), by keyboard.
  const transfer = page.getByRole("radio", { name: /Transfer their surveys and plans to an Admin/ });
  await transfer.focus();
  await page.keyboard.press("Space");
  await expect(transfer).toBeChecked();
  const ada = await page.locator("#field-transferToUserId option", { hasText: s.emails.admin }).getAttribute("value");
  await page.getByLabel("Admin who receives them").selectOption(ada!);
  await page.getByRole("button", { name: "Save deprovisioning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "transferred to" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: /Transfer their surveys and plans/ })).toBeChecked();

  // WCAG 2 A/AA, serious or worse: none.
  await expect(page).toHaveTitle(/Seatwise/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Full-page pictures from the top, so the sticky header is where a person sees it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "scim-settings");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "scim-settings-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Revoke, after the confirmation; the identity provider's next request is refused.
  await page.getByRole("region", { name: "SCIM tokens (scrollable)" }).getByRole("button", { name: "Revoke Okta" }).click();
  const dialog = page.getByRole("dialog", { name: /Revoke “Okta”/ });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "SCIM tokens (scrollable)" }).getByRole("row", { name: /Okta/ })).toContainText("Revoked");
  const after = await fetch(`${base}/ServiceProviderConfig`, { headers });
  expect(after.status).toBe(401);
  await context.close();
});

/** An Admin API token made on Settings → API tokens by whoever is signed in on `page`. */
async function adminApiToken(page: import("@playwright/test").Page, slug: string, name: string) {
  await page.goto(`/o/${slug}/settings/api-tokens`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption({ label: "Admin" });
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("New API token");
  await expect(shown).toHaveValue(/^sw_/);
  return shown.inputValue();
}

test("C3: when the Admin chosen for the deprovisioning transfer steps down, the page warns that the choice no longer applies", async ({ browser, baseURL }) => {
  const api = `${baseURL}/api/v1/orgs/${s.acme.slug}`;
  const admin = await signedIn(browser, s.emails.admin);
  const adaToken = await adminApiToken(admin.page, s.acme.slug, "Setup");
  const json = { "content-type": "application/json" };
  const found = await fetch(`${api}/members?q=${encodeURIComponent(s.emails.manager)}`, { headers: { authorization: `Bearer ${adaToken}` } });
  const max = ((await found.json()) as { data: { userId: string; email: string }[] }).data.find((m) => m.email === s.emails.manager)!;
  const promoted = await fetch(`${api}/members/${max.userId}`, { method: "PATCH", headers: { authorization: `Bearer ${adaToken}`, ...json }, body: JSON.stringify({ role: "admin" }) });
  expect(promoted.status).toBe(200);

  await admin.page.goto(`/o/${s.acme.slug}/settings/scim`);
  await admin.page.getByRole("radio", { name: /Transfer their surveys and plans/ }).check();
  await admin.page.getByLabel("Admin who receives them").selectOption(max.userId);
  await admin.page.getByRole("button", { name: "Save deprovisioning" }).click();
  await expect(admin.page.getByRole("status").filter({ hasText: "transferred to" })).toBeVisible();
  await expect(admin.page.getByTestId("deprovisioning-warning")).toHaveCount(0);

  // Max steps down (R3 lets an Admin do that while another remains), with a token of his own.
  const manager = await signedIn(browser, s.emails.manager);
  const maxToken = await adminApiToken(manager.page, s.acme.slug, "Step down");
  const stepped = await fetch(`${api}/members/${max.userId}`, { method: "PATCH", headers: { authorization: `Bearer ${maxToken}`, ...json }, body: JSON.stringify({ role: "manager" }) });
  expect(stepped.status).toBe(200);
  await manager.context.close();

  await admin.page.reload();
  const warning = admin.page.getByTestId("deprovisioning-warning");
  await expect(warning).toContainText("Warning:");
  await expect(warning).toContainText(`no longer applies`);
  await expect(warning).toContainText(s.emails.manager);
  await expect(admin.page.getByRole("radio", { name: /Refuse while the person owns surveys/ })).toBeChecked();
  await admin.page.getByRole("region", { name: "Deprovisioning" }).screenshot({ path: "tests/e2e/.screenshots/scim-deprovisioning-warning.png" });
  await admin.context.close();
});

test("C1–C4: a Manager has no Provisioning (SCIM) link and gets the refusal page (403 inside the shell)", async ({ browser }) => {
  const { context, page } = await signedIn(browser, s.emails.manager);
  const response = await page.goto(`/o/${s.acme.slug}/settings/scim`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Only Admins can see this" })).toBeVisible();
  await expect(page.getByText("Provisioning (SCIM), which lets your identity provider")).toBeVisible();
  await expect(page.getByRole("link", { name: "Provisioning (SCIM)" })).toHaveCount(0);
  await screenshot(page, "scim-settings-manager");
  await context.close();
});
