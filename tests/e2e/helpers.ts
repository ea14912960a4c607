import { expect, type Page } from "@playwright/test";

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
