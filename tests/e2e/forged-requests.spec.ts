import { expect, test } from "./fixtures";
import { newScenario, signIn, uniqueEmail } from "./helpers";

/**
 * The UI hiding a control proves nothing (documenso's lesson): here a Manager edits the page in
 * the browser to post what the UI does not offer, through the real HTTP endpoint of the action,
 * and the server refuses and writes nothing.
 */
test("R1 and §10: a Manager's forged invitation as Admin, or into another organization, is refused and changes nothing", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.manager);
  await page.goto(`/o/${s.acme.slug}/users/invite`);
  // The page offers the User role only, as text (issue 10), with no control to change it.
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveCount(0);

  // 1. Grant Admin by rewriting the role the form carries.
  const promoted = uniqueEmail("forged-admin");
  await page.locator('input[type="hidden"][name="role"]').evaluate((input: HTMLInputElement) => {
    input.value = "admin";
  });
  await page.getByLabel("Email addresses").fill(promoted);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Managers invite Users only" })).toBeVisible();

  // 2. Post into another organization by rewriting the form's organization field.
  await page.reload();
  const stranger = uniqueEmail("forged-org");
  await page.locator('input[type="hidden"][name="org"]').evaluate((input: HTMLInputElement, slug: string) => {
    input.value = slug;
  }, s.bolt.slug);
  await page.getByLabel("Email addresses").fill(stranger);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This organization was not found." })).toBeVisible();

  // Nothing was written: neither address is invited, and no email went out.
  await page.goto(`/o/${s.acme.slug}/invites`);
  await expect(page.getByRole("table", { name: "Invitations" })).toBeVisible();
  await expect(page.getByText(promoted)).toHaveCount(0);
  await expect(page.getByText(stranger)).toHaveCount(0);
  await page.goto("/dev/mailbox");
  await expect(page.getByText(promoted)).toHaveCount(0);
  await expect(page.getByText(stranger)).toHaveCount(0);
});
