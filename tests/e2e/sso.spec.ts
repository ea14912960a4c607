import { startOidcProvider, type OidcTestProvider } from "../support/oidc-provider";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, screenshot, signIn } from "./helpers";

/**
 * SPEC D1–D3 in a real browser: an Admin verifies the company's domain from the emailed link,
 * lets its people join as User, connects the company's OpenID provider (a real oidc-provider on
 * localhost) and tests it; then a new person types their work email on the sign-in form, signs in
 * on the provider's own login page, and lands in Seatwise as a new member.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
let idp: OidcTestProvider;

test.beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [`http://localhost:${port}/sso/callback`] });
});
test.afterAll(async () => {
  await idp?.close();
});

test("D1/D2/D3: verify a domain, connect SSO, and a new person signs in through the provider as a new member", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const scenario = await newScenario(page);
  const domain = `sso-${Date.now().toString(36)}.test`;
  await signIn(page, scenario.emails.admin);

  // D1: add the domain; the link goes to an address at it; following it verifies the domain.
  await page.goto(`/o/${scenario.acme.slug}/settings/domains`);
  await page.getByLabel("Domain").fill(domain);
  await page.getByLabel("Send the verification link to").fill(`it@${domain}`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("status")).toContainText(`it@${domain}`);
  const link = await linkFromMailbox(page, `it@${domain}`, /Verify/);
  await page.goto(link);
  await page.getByRole("button", { name: `Verify ${domain}` }).click();
  await expect(page.getByRole("status")).toContainText(`${domain} is verified`);

  // D2: anyone at the domain may join as User.
  await page.goto(`/o/${scenario.acme.slug}/settings/domains`);
  await page.getByLabel(`Who may join through ${domain}`).selectOption("join");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved");

  // D3: the connection, tested, then saved for the domain.
  await page.goto(`/o/${scenario.acme.slug}/settings/sso`);
  await expect(page.getByText(`http://localhost:${port}/sso/callback`)).toBeVisible();
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("Connected");
  await page.getByLabel("Sign in through SSO").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toContainText(domain);
  await screenshot(page, "sso-settings");
  await page.goto(`/o/${scenario.acme.slug}/settings/domains`);
  await screenshot(page, "domains");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "domains-390");
  await page.goto(`/o/${scenario.acme.slug}/settings/sso`);
  await screenshot(page, "sso-settings-390");

  // A new person, in a browser of their own: email → the provider's login page → back in Seatwise.
  const context = await browser.newContext();
  const person = await context.newPage();
  const email = `newcomer@${domain}`;
  await person.goto("/signin");
  await person.getByLabel("Work email").fill(email);
  await person.getByRole("button", { name: "Email me a sign-in link" }).click();
  await person.waitForURL((url) => url.origin === idp.issuer);
  await expect(person.locator('input[name="login"]')).toHaveValue(email);
  await person.locator('input[name="password"]').fill("anything");
  await person.getByRole("button", { name: "Sign-in" }).click();
  await person.getByRole("button", { name: "Continue" }).click();
  await person.waitForURL(`**/o/${scenario.acme.slug}/welcome`);
  await expect(person.getByRole("heading", { name: `You joined ${scenario.acme.name}` })).toBeVisible();
  // Signed in as the provider's person (name from its ID token), in a session Auth.js reads.
  await expect(person.getByRole("button", { name: "SSO newcomer" })).toBeVisible();
  await context.close();
});
