import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newScenario, signIn } from "./helpers";

/**
 * SPEC §10 from outside, on the production build: every page carries its security headers with a
 * fresh CSP nonce on each of its scripts, hostile params answer a page and never a 500, a server
 * action posted from another site is a 403, and the demo's public mailbox is announced.
 */
function expectSecurityHeaders(response: APIResponse, html: string, path: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  // Served over http here: no HSTS (it is sent when AUTH_URL is https).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${path}: every script carries the nonce`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("§10: every page is sent with a nonce CSP (on each of its scripts, new each time), no framing, nosniff and a strict Referrer-Policy", async ({ page }) => {
  const s = await newScenario(page);
  const publicPaths = ["/signin", "/signin/check-email", "/signin/error?error=Verification"];
  for (const path of publicPaths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, await response.text(), path);
  }
  await signIn(page, s.emails.admin);
  const base = `/o/${s.acme.slug}`;
  const editLink = await page.request.get(`${base}/users`).then((r) => r.text()).then((html) => /href="(\/o\/[^"]+\/users\/[0-9a-f-]{36})"/.exec(html)![1]);
  const paths = [
    `${base}/users`,
    `${base}/users/invite`,
    `${base}/invites`,
    `${base}/surveys`,
    `${base}/surveys/new`,
    `${base}/products`,
    `${base}/suppliers`,
    `${base}/subscriptions`,
    `${base}/activity`,
    `${base}/settings/subscription`,
    `${base}/inbox`,
    `${base}/welcome`,
    `${base}/activity?from=2026-01-01&to=2026-12-31&action=member.role_changed`,
    editLink,
    "/account",
    `/account?org=${s.acme.slug}`,
    "/account/email",
    "/onboarding",
    "/dev/mailbox",
    `/invite/${"A".repeat(43)}`,
    `/account/email/confirm/${"A".repeat(43)}`,
    `/s/${"A".repeat(43)}`,
  ];
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    nonces.add(expectSecurityHeaders(response, await response.text(), path));
  }
  // A plan's pages: the first plan on My Subscriptions.
  const subscriptions = await page.request.get(`${base}/subscriptions`).then((r) => r.text());
  const planPath = /href="(\/o\/[^"]+\/plans\/[0-9a-f-]{36})\/users"/.exec(subscriptions)?.[1];
  expect(planPath, "a plan on My Subscriptions").toBeTruthy();
  for (const path of [planPath!, `${planPath}/users`, `${planPath}/users/add`, `${planPath}/transfer`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    nonces.add(expectSecurityHeaders(response, await response.text(), path));
    paths.push(path);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(paths.length);
  // Route handlers get the same headers.
  const health = await page.request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  const csv = await page.request.get(`/api/orgs/${s.acme.slug}/activity.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
  expect(csv.headers()["cache-control"]).toContain("no-store");
  // The 404 page carries the headers too (issue 10 styled it).
  const missing = await page.request.get("/o/no-such-organization/users");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, await missing.text(), "404");
});

test("§10: a page a member's role does not include answers 403 inside the shell, with the same headers; hostile params on the new pages never answer 500", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.user1);
  const base = `/o/${s.acme.slug}`;
  for (const path of [`${base}/activity`, `${base}/settings/subscription`, `${base}/users/invite`, `${base}/invites`, `${base}/products`, `${base}/suppliers`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    const html = await response.text();
    expectSecurityHeaders(response, html, path);
    expect(html, path).toContain('name="robots" content="noindex"');
  }
  for (const path of [
    `${base}/welcome?x=%00`,
    `/account?org=%00`,
    `/account?org=${"x".repeat(5000)}`,
    `${base}/activity?from=%00&to=1e20`,
    `/api/orgs/${s.acme.slug}/activity.csv?from=%00`,
    `/invite/${"A".repeat(43)}?decline=1`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("§10: hostile search params answer the page, never a server error", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const base = `/o/${s.acme.slug}`;
  const hostile = [
    `${base}/users?page=1e20`,
    `${base}/users?page=Infinity&q=%00`,
    `${base}/users?q=a&q=b&page=-1`,
    `${base}/users?role=%00&status=__proto__&sort=1e20`,
    `/api/orgs/${s.acme.slug}/members.csv?role=%00&q=%00`,
    `${base}/users?q=${"x".repeat(5000)}`,
    `${base}/activity?page=1e20&action=%00&actor=%00`,
    `${base}/activity?action=__proto__`,
    `${base}/activity?from=2026-02-30&to=%00`,
    `${base}/activity?from=9999-99-99&to=${"x".repeat(3000)}`,
    `/api/orgs/${s.acme.slug}/activity.csv?from=%00&actor=__proto__`,
    `/account?org=__proto__`,
    "/o/%00/users",
    `${base}/users/%00`,
    "/invite/%00",
    "/signin?error=__proto__&redirectTo=//evil.example",
    "/account/email/confirm/%00",
  ];
  for (const path of hostile) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("§7: a server action posted from another site is refused with 403, and nothing is written", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const response = await page.request.post(`/o/${s.acme.slug}/users/invite`, {
    headers: { "Next-Action": "0000000000000000000000000000000000000000", Origin: "https://evil.example", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("posted from another site");
});

test("§10: with the public mailbox on in production, every page says so", async ({ page }) => {
  for (const path of ["/signin", "/dev/mailbox"]) {
    await page.goto(path);
    await expect(page.getByRole("note")).toHaveText(/Demo mode: emails are public/);
  }
  const s = await newScenario(page);
  await signIn(page, s.emails.user1);
  await expect(page.getByRole("note")).toHaveText(/Demo mode: emails are public/);
});
