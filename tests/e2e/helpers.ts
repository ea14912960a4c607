import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** The newest sign-in link the local mailbox holds for this address, read as a person would. */
export async function linkFromMailbox(page: Page, to: string, subject: RegExp): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto("/dev/mailbox");
    const email = page.getByRole("article", { name: new RegExp(`Email to ${escape(to)}: .*${subject.source}`, "i") }).first();
    await expect(email).toBeVisible({ timeout: 1000 });
    href = await email.getByRole("link").first().getAttribute("href");
    expect(href).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return href!;
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Signs in through the magic link from the captured email, like a person would. */
export async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = await linkFromMailbox(page, email, /sign-in link/);
  await page.goto(link);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/.screenshots/${name}.png`, fullPage: true });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

export type Scenario = {
  acme: { slug: string; name: string };
  bolt: { slug: string; name: string };
  emails: { admin: string; manager: string; user1: string; user2: string; supplier: string; invitee: string };
};

/**
 * A fresh copy of the demo organizations for one test file (Acme Castings on Pro with Ada Admin, Max
 * Manager, Una and Ulf User, a pending invitation, plans, surveys; Bolt Supply Co as supplier),
 * with addresses and slugs of its own, so no file depends on what another one changed.
 */
export async function newScenario(page: Page): Promise<Scenario> {
  const response = await page.request.post("/api/test/scenario");
  expect(response.ok(), "the e2e server creates scenarios (SEATWISE_E2E=1)").toBeTruthy();
  return (await response.json()) as Scenario;
}

/** Types into a member picker (search-as-you-type) and chooses the member whose option matches. */
export async function pickMember(page: Page, label: string | RegExp, search: string, option: string | RegExp) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(search);
  await page.getByRole("option", { name: option }).first().click();
  await expect(box).toHaveAttribute("aria-expanded", "false");
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const savedSessions = new Map<string, StorageState>();

/**
 * A fresh browser context signed in as `email`. The first call in a test file signs in through
 * the mailbox; later calls reuse the saved cookies (a database session), so a file does not ask
 * for more sign-in links than the per-address rate limit allows.
 */
export async function signedIn(
  browser: Browser,
  email: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const saved = savedSessions.get(email);
  const context = await browser.newContext({ ...(saved ? { storageState: saved } : {}), ...(options.viewport ? { viewport: options.viewport } : {}) });
  const page = await context.newPage();
  if (!saved) {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/o\/[\w-]+\/users/);
    savedSessions.set(email, await context.storageState());
  }
  return { context, page };
}
