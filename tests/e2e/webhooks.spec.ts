import type { Page } from "@playwright/test";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { expect, test } from "./fixtures";
import { newScenario, screenshot, signedIn, type Scenario } from "./helpers";

/**
 * W1 in the browser: an Admin adds an endpoint and sees its secret once; a change made in the app
 * reaches a real receiver (this test's own HTTP server on 127.0.0.1) signed so that
 * `standardwebhooks` verifies it; the delivery log shows it, and Replay sends it again.
 */
let s: Scenario;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  s = await newScenario(await context.newPage());
  await context.close();
});

async function suspend(page: Page, name: string) {
  await page.goto(`/o/${s.acme.slug}/users`);
  await page.getByRole("button", { name: `More options for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  await page.getByRole("dialog", { name: `Suspend ${name}?` }).getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: name })).toContainText("Suspended");
}

test("W1: an Admin adds an endpoint, sees the secret once, a change is delivered signed and verified, the log shows it and Replay resends it", async ({ browser }) => {
  const hook = await startWebhookReceiver();
  try {
    const { context, page } = await signedIn(browser, s.emails.admin, { viewport: { width: 1280, height: 900 } });
    await page.getByRole("link", { name: "Webhooks" }).first().click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    // No event chosen: refused, said next to the events, and the URL stays typed.
    await page.getByLabel("Endpoint URL").fill(hook.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Choose at least one event.")).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveValue(hook.url);

    // W2: a URL that is not http(s) is refused next to the field; what was ticked stays ticked.
    const suspended = page.getByRole("checkbox", { name: /member\.suspended/ });
    await suspended.check();
    await page.getByLabel("Endpoint URL").fill("ftp://example.com/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Use an https:// URL.")).toBeVisible();
    await expect(suspended).toBeChecked();

    await page.getByLabel("Endpoint URL").fill(hook.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretBox = page.getByRole("textbox", { name: "Signing secret" });
    await expect(secretBox).toBeVisible();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    hook.verifyWith(secret);
    await expect(page.getByRole("button", { name: "Copy signing secret" })).toBeVisible();
    await screenshot(page, "webhooks-secret-once");

    // Shown once: the page, opened again, lists the endpoint and no secret.
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
    await expect(page.getByText(hook.url)).toBeVisible();
    await expect(page.getByText("Enabled")).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice(6));

    // A change in the app: the receiver gets the event, and its signature verifies.
    await suspend(page, "Una User");
    await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBe(1);
    expect(hook.failures).toEqual([]);
    expect(hook.received[0].verified).toMatchObject({
      type: "member.suspended",
      organization: { slug: s.acme.slug },
      data: { status: "suspended", role: "user" },
    });

    // The delivery log shows it; Replay sends the same event again.
    await page.goto(`/o/${s.acme.slug}/settings/webhooks`);
    await page.getByRole("link", { name: `Delivery log of ${hook.url}` }).click();
    const log = page.getByRole("table", { name: "Deliveries" });
    await expect(log).toContainText("member.suspended");
    await expect(log).toContainText("Delivered");
    await expect(log).toContainText("200");
    await screenshot(page, "webhooks-log");
    await log.getByRole("button", { name: /^Replay member\.suspended/ }).click();
    await expect(page.getByText("Replay queued.")).toBeVisible();
    await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBe(2);
    expect(hook.received[1].headers["webhook-id"]).toBe(hook.received[0].headers["webhook-id"]);
    expect(hook.received[1].verified).toEqual(hook.received[0].verified);
    expect(hook.failures).toEqual([]);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("table", { name: "Deliveries" })).toContainText("Replay");
    }).toPass({ timeout: 15_000 });

    // 390 px: the page still reads.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/o/${s.acme.slug}/settings/webhooks`);
    await screenshot(page, "webhooks-phone");
    await context.close();
  } finally {
    await hook.close();
  }
});

test("W1: a Manager cannot open Settings → Webhooks (403 inside the shell)", async ({ browser }) => {
  const { context, page } = await signedIn(browser, s.emails.manager);
  const response = await page.goto(`/o/${s.acme.slug}/settings/webhooks`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await context.close();
});
