import { expect, test } from "./fixtures";
import { screenshot, signIn, uniqueEmail } from "./helpers";

test("I5: a new person signs in through the mailbox, creates an organization and sees its empty Users page", async ({ page }) => {
  const email = uniqueEmail("founder");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to Seatwise" })).toBeVisible();
  await screenshot(page, "signin");

  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Create your organization" })).toBeVisible();
  // Bad input: a clear message next to the field, nothing created.
  await page.getByLabel("Organization name").fill("x");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("The name needs at least 2 characters.")).toBeVisible();

  // A person without a name gives one first (issue 10): their row then shows it.
  await page.getByLabel("First name").fill("Nell");
  await page.getByLabel("Last name").fill("North");
  await page.getByLabel("Organization name").fill("Northwind Foundry");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/o\/northwind-foundry[\w-]*\/users/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByTestId("seat-meter")).toContainText("1 of 4 seats used");
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("row")).toHaveCount(2);
  await expect(members).toContainText(email);
  await expect(members).toContainText("Admin");
  await screenshot(page, "users-new-org");
});

test("the demo Admin signs in and sees Acme Castings", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await expect(page).toHaveURL(/\/o\/acme-castings\/users/);
  await expect(page.getByRole("button", { name: /Organization: Acme Castings/ })).toBeVisible();
  await expect(page.getByTestId("seat-meter")).toContainText("5 of 10 seats used — 4 members, 1 pending invitation");
  await expect(page.getByRole("link", { name: /Inbox/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toBeVisible();
  await screenshot(page, "users-acme");

  // Every link of the shell leads to a real page.
  for (const name of ["Surveys", "My Subscriptions", "Activity", "Users"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.getByRole("link", { name: /Inbox/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();

  // Sign out from the user menu ends the session.
  await page.getByRole("button", { name: /Ada Admin/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/o/acme-castings/users");
  await expect(page).toHaveURL(/\/signin/);
});

test("a member of one organization cannot open another's pages: they do not exist for them", async ({ page }) => {
  await signIn(page, "admin@bolt.test");
  await expect(page).toHaveURL(/\/o\/bolt-supply\/users/);
  const response = await page.goto("/o/acme-castings/users");
  expect(response?.status()).toBe(404);
});

test("the check-your-email page is the same for known and unknown addresses", async ({ page }) => {
  const texts: string[] = [];
  for (const email of ["admin@acme.test", uniqueEmail("nobody")]) {
    await page.goto("/signin");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    texts.push(await page.locator("main").innerText());
  }
  expect(texts[0]).toBe(texts[1]);
});
