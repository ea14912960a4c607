import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, screenshot, signIn, uniqueEmail, type Scenario } from "./helpers";

/**
 * Issue 10: the Admin's daily work as people expect it — phone width, Revoke with confirmation and
 * Undo, focus after dialogs, forbidden pages inside the app shell, Invite Teammate, Account
 * subscription, Activity, the inbox badge, Decline and "You joined", Leave organization and the
 * profile page. Each test failed on the code before issue 10 and passes after; each file gets its
 * own organizations (newScenario).
 */

const PHONE = { width: 390, height: 844 };

async function personPage(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/o\/[\w-]+\/users/);
  return page;
}

/** Nothing on the page is wider than the window: no sideways scrolling of the whole page. */
async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${label}: page width ${scrollWidth} within the window's ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

async function invite(page: Page, slug: string, emails: string[]) {
  await page.goto(`/o/${slug}/users/invite`);
  await page.getByLabel("Email addresses").fill(emails.join("\n"));
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("list", { name: "Invitation results" })).toBeVisible();
}

/** The focused element's accessible name as the page knows it (aria-label, else its text). */
async function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el && el !== document.body ? (el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName) : "(body)";
  });
}

test("Phone width: every page works at 390 px — the navigation is a Menu disclosure with every entry, reachable by keyboard; Manage Invites is a card list", async ({ browser }) => {
  const probe = await (await browser.newContext()).newPage();
  const s = await newScenario(probe);
  await probe.context().close();
  const page = await personPage(browser, s.emails.admin, PHONE);
  const base = `/o/${s.acme.slug}`;

  // The navigation collapses into a disclosure button; by keyboard it opens, lists every entry and follows one.
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const entry of ["Users", "Surveys", "My Subscriptions", "Products", "Suppliers", "Activity", "Account subscription"]) {
    await expect(nav.getByRole("link", { name: entry, exact: true })).toBeInViewport();
  }
  await screenshot(page, "phone-menu-open");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await nav.getByRole("link", { name: "Activity" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(page).toHaveURL(`${base}/activity`);
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Every page of the organization fits the phone, and is looked at.
  const pages: Array<[string, string]> = [
    ["invites", `${base}/invites`],
    ["invite", `${base}/users/invite`],
    ["surveys", `${base}/surveys`],
    ["subscriptions", `${base}/subscriptions`],
    ["products", `${base}/products`],
    ["suppliers", `${base}/suppliers`],
    ["activity", `${base}/activity`],
    ["subscription", `${base}/settings/subscription`],
    ["inbox", `${base}/inbox`],
    ["profile", `/account?org=${s.acme.slug}`],
    ["welcome", `${base}/welcome`],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page, name);
    await screenshot(page, `phone-${name}`);
  }
  // A plan's pages and the product area.
  await page.goto(`${base}/subscriptions`);
  const planHref = await page.getByRole("link", { name: "Manage Users of PDoc Share" }).getAttribute("href");
  const plan = planHref!.replace(/\/users$/, "");
  for (const [name, path] of [
    ["plan-users", `${plan}/users`],
    ["plan-area", plan],
    ["plan-inbox", `${plan}?view=inbox`],
    ["plan-transfer", `${plan}/transfer`],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page, name);
    await screenshot(page, `phone-${name}`);
  }

  // Manage Invites: one card per invitation, the address on its own line (not 3 letters a line), the buttons on screen.
  await page.goto(`${base}/invites`);
  const card = page.getByRole("list", { name: "Invitations" }).getByRole("listitem").filter({ hasText: s.emails.invitee });
  const address = card.getByText(s.emails.invitee, { exact: true });
  const box = (await address.boundingBox())!;
  expect(box.height, "the address takes at most two lines").toBeLessThan(45);
  for (const name of [`Resend invitation to ${s.emails.invitee}`, `Revoke invitation to ${s.emails.invitee}`]) {
    await expect(card.getByRole("button", { name })).toBeInViewport();
  }
  await page.context().close();
});

test("1280 px: the pages of issue 10 (profile and welcome included) are looked at on a desktop too, and nothing is cut", async ({ page }) => {
  const s = await newScenario(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, s.emails.admin);
  const base = `/o/${s.acme.slug}`;
  for (const [name, path, heading] of [
    ["invites", `${base}/invites`, "Manage Invites"],
    ["invite", `${base}/users/invite`, "Invite Teammate"],
    ["activity", `${base}/activity`, "Activity"],
    ["subscription", `${base}/settings/subscription`, "Account subscription"],
    ["inbox", `${base}/inbox`, "Inbox"],
    ["profile", `/account?org=${s.acme.slug}`, "Your profile"],
    ["welcome", `${base}/welcome`, "You joined Acme Castings"],
    ["surveys", `${base}/surveys`, "Surveys"],
    ["products", `${base}/products`, "Products"],
    ["suppliers", `${base}/suppliers`, "Suppliers"],
    ["subscriptions", `${base}/subscriptions`, "My Subscriptions"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoHorizontalOverflow(page, name);
    await screenshot(page, `desk-${name}`);
  }
  // The menu button is for narrow screens only.
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

test("I3/T2/T3: Revoke asks first (naming the address), says what happened and offers Undo; nothing slides under the pointer; Undo restores the same link through the seat check", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const [first, second] = [uniqueEmail("rhea"), uniqueEmail("ravi")];
  await invite(page, s.acme.slug, [first, second]);
  const link = await linkFromMailbox(page, first, /invited you to Acme Castings/);
  await page.goto(`/o/${s.acme.slug}/invites`);
  const table = page.getByRole("table", { name: "Invitations" });
  const row = (email: string) => table.getByRole("row").filter({ hasText: email });
  const revokeFirst = row(first).getByRole("button", { name: `Revoke invitation to ${first}` });
  const revokeSecond = row(second).getByRole("button", { name: `Revoke invitation to ${second}` });
  const secondBefore = await revokeSecond.boundingBox();

  // A double click opens one confirmation; nothing is revoked by it.
  await revokeFirst.dblclick();
  const dialog = page.getByRole("dialog", { name: `Revoke the invitation to ${first}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("You can undo this for 10 minutes.");
  await screenshot(page, "revoke-confirm");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(revokeFirst).toBeFocused();
  await expect(row(first).getByRole("cell").nth(5)).toHaveText("Pending");
  await expect(row(second).getByRole("cell").nth(5)).toHaveText("Pending");

  // Confirmed: the row stays where it was, marked Revoked, with Undo; the message says what happened.
  await revokeFirst.click();
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`Revoked the invitation to ${first}: its link no longer works and its seat is free. Undo until`);
  await expect(row(first).getByRole("cell").nth(5)).toHaveText("Revoked");
  const undo = row(first).getByRole("button", { name: `Undo revoking the invitation to ${first}` });
  await expect(undo).toBeFocused();
  expect(await revokeSecond.boundingBox(), "the next row's Revoke did not move").toEqual(secondBefore);
  await screenshot(page, "revoke-undo");

  // The link is dead meanwhile.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1, name: "Invitation revoked" })).toBeVisible();

  // Undo: the same link works again, and the row is Pending again.
  await undo.click();
  await expect(page.getByRole("status")).toContainText(`Restored the invitation to ${first}`);
  await expect(row(first).getByRole("cell").nth(5)).toHaveText("Pending");
  await expect(revokeFirst).toBeFocused();
  await guest.reload();
  await expect(guest.getByRole("button", { name: "Accept" })).toBeVisible();
  await guest.context().close();

  // The Activity says both.
  await page.goto(`/o/${s.acme.slug}/activity`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText(`Ada Admin undid the revocation of the invitation to ${first}`);
  await expect(activity).toContainText(`Ada Admin revoked the invitation to ${first}`);
});

test("Focus: after a dialog closes (Escape, Cancel) it goes back to the control that opened it; after Send Invitation it goes to the results", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);

  // A row's ⋮ menu, by keyboard: Transfer… opens a dialog; Escape returns to the ⋮ button.
  await page.goto(`/o/${s.acme.slug}/surveys`);
  const actions = page.getByRole("button", { name: "Actions for Customer satisfaction 2026" });
  await actions.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Transfer…" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(actions).toBeFocused();

  // Account subscription's confirmation: Cancel returns to Change tier.
  await page.goto(`/o/${s.acme.slug}/settings/subscription`);
  await page.getByRole("radio", { name: /Essential/ }).check();
  const change = page.getByRole("button", { name: "Change tier" });
  await change.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(change).toBeFocused();

  // Send Invitation: focus moves to the results, which are read first.
  await page.goto(`/o/${s.acme.slug}/users/invite`);
  await page.getByLabel("Email addresses").fill(uniqueEmail("fay"));
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("1 of 1 invitation sent.");
  expect(await focusedName(page)).toContain("1 of 1 invitation sent.");
});

test("Forbidden pages: inside one's own organization they answer 403 within the app shell and say who may open them; another organization's stay 404", async ({ browser }) => {
  const probe = await (await browser.newContext()).newPage();
  const s: Scenario = await newScenario(probe);
  await probe.context().close();
  const una = await personPage(browser, s.emails.user1);
  const base = `/o/${s.acme.slug}`;
  for (const [path, title] of [
    ["/activity", "Only Admins can see this"],
    ["/settings/subscription", "Only Admins can see this"],
    ["/products", "Only Admins can see this"],
    ["/suppliers", "Only Admins of client organizations can see this"],
    ["/users/invite", "Only Admins and Managers can see this"],
    ["/invites", "Only Admins and Managers can see this"],
  ]) {
    const response = await una.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(una.getByRole("heading", { level: 1, name: title })).toBeVisible();
    // The shell stays: her navigation and her organization are there, with a way back.
    await expect(una.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();
    await expect(una.getByRole("button", { name: /Organization: Acme Castings/ })).toBeVisible();
    if (path === "/activity") await screenshot(una, "forbidden-activity");
  }
  await una.getByRole("link", { name: "Back to Users" }).click();
  await expect(una.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  // Another organization's pages do not exist for her, whatever they hold.
  const other = await una.goto(`/o/${s.bolt.slug}/activity`);
  expect(other?.status()).toBe(404);
  await expect(una.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // A survey id that does not exist in her own organization: 404 inside the shell.
  const missing = await una.goto(`${base}/surveys/00000000-0000-4000-8000-000000000000`);
  expect(missing?.status()).toBe(404);
  await expect(una.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(una.getByRole("navigation", { name: "Main" })).toBeVisible();
  await una.context().close();
});

test("I1/T1/R1: Invite Teammate keeps the addresses that failed, is amber when any failed, says 'not an email address' and never splits at a space; with no seat left it says so up front", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.goto(`/o/${s.acme.slug}/users/invite`);
  await expect(page.getByText("5 of 10 seats left on the Pro tier")).toBeVisible();
  const [good1, good2] = [uniqueEmail("gia"), uniqueEmail("gus")];
  const spaced = "pat @example.test";
  await page.getByLabel("Email addresses").fill(`${good1}, ${spaced}\nno-at-sign; ${good2}`);
  await page.getByRole("button", { name: "Send Invitation" }).click();
  const results = page.getByRole("list", { name: "Invitation results" });
  await expect(results.getByRole("listitem")).toHaveCount(4);
  const status = page.getByRole("status");
  await expect(status).toContainText("2 of 4 invitations sent.");
  await expect(status).toContainText("still in the box");
  await expect(status).toHaveClass(/amber/);
  await expect(results.getByRole("listitem").filter({ hasText: spaced })).toContainText("not an email address");
  await expect(results.getByRole("listitem").filter({ hasText: spaced })).toContainText("it contains a space");
  await expect(results).not.toContainText("malformed");
  // Only the two that failed are left to correct.
  await expect(page.getByLabel("Email addresses")).toHaveValue(`${spaced}\nno-at-sign`);
  await screenshot(page, "invite-partial");

  // Fill the organization: 7 of 10 used, three more take the rest.
  await page.getByLabel("Email addresses").fill([uniqueEmail("h1"), uniqueEmail("h2"), uniqueEmail("h3")].join(", "));
  await page.getByRole("button", { name: "Send Invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("3 of 3 invitations sent.");
  await expect(page.getByRole("status")).toHaveClass(/green/);
  await page.reload();
  const note = page.getByRole("note").filter({ hasText: "seats of the Pro tier are in use" });
  await expect(note).toContainText("All 10 seats of the Pro tier are in use.");
  // #14.8: the link names the next tier's seats.
  await expect(note.getByRole("link", { name: "Upgrade to Enterprise for unlimited seats" })).toHaveAttribute("href", `/o/${s.acme.slug}/settings/subscription`);
  await expect(page.getByRole("button", { name: "Send Invitation" })).toBeDisabled();
  await screenshot(page, "invite-no-seat-admin");

  // A Manager is told to ask an Admin, and why only the User role is offered (R1).
  const max = await personPage(browser, s.emails.manager);
  await max.goto(`/o/${s.acme.slug}/users/invite`);
  const maxNote = max.getByRole("note").filter({ hasText: "seats of the Pro tier are in use" });
  // #14.8: the Admins to ask, by name.
  await expect(maxNote).toContainText("Ask Ada Admin (Admin) to move to a larger tier");
  await expect(maxNote.getByRole("link", { name: /Upgrade to/ })).toHaveCount(0);
  await expect(max.getByRole("combobox", { name: "Role" })).toHaveCount(0);
  await expect(max.getByText("Managers invite Users. Making someone a Manager or an Admin is a promotion, which only Admins make.")).toBeVisible();
  await screenshot(max, "invite-no-seat-manager");
  await max.context().close();
});

test("T4: a downgrade asks first with the seats in use against the new limit; a refused change says why once, keeps the chosen tier and links Users and Manage Invites", async ({ page }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  await page.goto(`/o/${s.acme.slug}/settings/subscription`);
  await page.getByRole("radio", { name: /Essential/ }).check();
  await page.getByRole("button", { name: "Change tier" }).click();
  const dialog = page.getByRole("dialog", { name: "Move Acme Castings to Essential?" });
  await expect(dialog).toContainText("Essential allows 6 seats, 4 fewer than Pro. 5 are in use (4 members, 1 pending invitation).");
  await expect(dialog).toContainText("1 seat will be left");
  await screenshot(page, "tier-downgrade-confirm");
  await dialog.getByRole("button", { name: "Move to Essential" }).click();
  await expect(page.getByRole("status")).toContainText("Acme Castings is now on the Essential tier.");

  // Free allows 4: refused, said once, with the way out; Free stays chosen.
  await expect(page.getByText("Remove 1 member or invitation first.")).toBeVisible();
  await page.getByRole("radio", { name: /Free/ }).check();
  await page.getByRole("button", { name: "Change tier" }).click();
  // (Next's route announcer is an empty alert of its own.)
  const alert = page.getByRole("alert").filter({ hasText: /./ });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("The Free tier allows 4 seats and 5 are in use. Remove 1 member or invitation first.");
  await expect(page.getByText("The Free tier allows 4 seats")).toHaveCount(1);
  await expect(page.getByText("Please correct")).toHaveCount(0);
  await expect(alert.getByRole("link", { name: "Users" })).toHaveAttribute("href", `/o/${s.acme.slug}/users`);
  await expect(alert.getByRole("link", { name: "Manage Invites" })).toHaveAttribute("href", `/o/${s.acme.slug}/invites`);
  await expect(page.getByRole("radio", { name: /Free/ })).toBeChecked();
  await screenshot(page, "tier-refused");
});

test("A1: Activity reads as sentences with names and relative times, the changed fields on demand, a date range, and a CSV export with the filters", async ({ page }) => {
  const s = await newScenario(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, s.emails.admin);
  const base = `/o/${s.acme.slug}`;
  // The demo has a history on first open, in sentences.
  await page.goto(`${base}/activity`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText("Ada Admin moved the account subscription from Free to Pro");
  await expect(activity).toContainText(`Ada Admin invited ${s.emails.invitee} as User with a place on PDoc Share`);
  await expect(activity).toContainText("Ada Admin changed Ulf User's role from Manager to User");
  await expect(activity).not.toContainText("member.role_changed");
  await expect(activity).not.toContainText("null");

  // A role change made now: the sentence, "just now" with the exact time on hover, the diff only on demand.
  await page.goto(`${base}/users`);
  await page.getByRole("link", { name: "Edit Ulf User" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Ulf User" })).toBeVisible();
  await page.getByLabel("Role").selectOption({ label: "Manager" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`${base}/activity`);
  const newest = activity.getByRole("listitem").first();
  await expect(newest).toContainText("Ada Admin changed Ulf User's role from User to Manager");
  await expect(newest.locator("time")).toHaveText("just now");
  await expect(newest.locator("time")).toHaveAttribute("title", /UTC$/);
  const changes = newest.getByRole("table", { name: "What changed" });
  await expect(changes).toBeHidden();
  await newest.getByText("Show changes (1)").click();
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("row")).toHaveCount(2);
  await expect(changes.getByRole("row").nth(1)).toHaveText(/Role\s*User\s*Manager/);
  // Nothing is cut at 1280 px.
  expect(await activity.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await screenshot(page, "activity");

  // The date range: today only, then a range long past.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From").fill(today);
  await page.getByLabel("To").fill(today);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(activity).toContainText("changed Ulf User's role from User to Manager");
  await expect(activity).not.toContainText("moved the account subscription from Free to Pro");
  await page.getByLabel("From").fill("2001-01-01");
  await page.getByLabel("To").fill("2001-12-31");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();

  // CSV with the filters: role changes only.
  await page.goto(`${base}/activity?action=member.role_changed`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^activity-.*\.csv$/);
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("time_utc,sentence,action,action_label,actor,actor_email,target,target_email,subject_type,subject_id,changes,before_json,after_json");
  expect(lines).toHaveLength(3);
  expect(csv).toContain("Ada Admin changed Ulf User's role from User to Manager");
  expect(csv).toContain("Role: Manager → User");
  expect(csv).not.toContain("organization.tier_changed");
});

test("N1: Mark as read lowers the header's unread count, one at a time, at 390 px", async ({ browser }) => {
  const probe = await (await browser.newContext()).newPage();
  const s = await newScenario(probe);
  await probe.context().close();
  const una = await personPage(browser, s.emails.user1, PHONE);
  const inbox = una.getByRole("link", { name: "Inbox, 1 unread" });
  await expect(inbox).toBeVisible();
  await inbox.click();
  await expect(una.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await una.getByRole("button", { name: 'Mark "You were added to PDoc Share" as read' }).click();
  await expect(una.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(una, "inbox");
  await una.context().close();
});

test("I4: the invitee can Decline (the seat is freed, the inviter is told, the link says so); accepting lands on 'You joined …' and tells the inviter", async ({ page, browser }) => {
  const s = await newScenario(page);
  await signIn(page, s.emails.admin);
  const [no, yes] = [uniqueEmail("nadia"), uniqueEmail("yusuf")];
  await invite(page, s.acme.slug, [no, yes]);
  await page.goto(`/o/${s.acme.slug}/users`);
  await expect(page.getByTestId("seat-meter")).toContainText("7 of 10 seats used");

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(await linkFromMailbox(guest, no, /invited you to Acme Castings/));
  await guest.getByRole("button", { name: "Decline" }).click();
  await expect(guest.getByText("Decline the invitation to Acme Castings? The link stops working and Ada Admin is told.")).toBeVisible();
  await screenshot(guest, "invitation-decline");
  await guest.getByRole("button", { name: "Decline invitation" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Invitation declined" })).toBeVisible();
  await expect(guest.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await guest.context().close();

  const joiner = await (await browser.newContext()).newPage();
  await joiner.goto(await linkFromMailbox(joiner, yes, /invited you to Acme Castings/));
  await joiner.getByRole("button", { name: "Accept" }).click();
  await expect(joiner.getByRole("heading", { level: 1, name: "You joined Acme Castings" })).toBeVisible();
  await expect(joiner.getByText("invited by Ada Admin")).toBeVisible();
  await screenshot(joiner, "welcome");
  await joiner.context().close();

  await page.reload();
  await expect(page.getByTestId("seat-meter")).toContainText("6 of 10 seats used");
  await page.getByRole("link", { name: /Inbox, \d+ unread/ }).click();
  const notifications = page.getByRole("list", { name: "Notifications" });
  await expect(notifications).toContainText(`${no} declined your invitation`);
  await expect(notifications).toContainText(`${yes} joined Acme Castings`);
  await page.goto(`/o/${s.acme.slug}/activity`);
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(`${no} declined the invitation to join as User`);
});

test("I5: onboarding asks a person without a name for it, with no demo company as the placeholder; their row then shows the name", async ({ page }) => {
  const founder = uniqueEmail("founder");
  await signIn(page, founder);
  await expect(page.getByRole("heading", { name: "Create your organization" })).toBeVisible();
  await expect(page.getByLabel("Organization name")).not.toHaveAttribute("placeholder", /Acme/);
  await page.getByLabel("Organization name").fill(`Kiln Studio ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("Enter your first name: your teammates will see it.")).toBeVisible();
  await page.getByLabel("First name").fill("Kim");
  await page.getByLabel("Last name").fill("Kiln");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: founder })).toContainText("Kim Kiln");
  await expect(page.getByRole("button", { name: "Kim Kiln", exact: true })).toBeVisible();
});

test("R2/R7/R5: the profile page edits one's own name and phone; Leave organization is refused up front for the last Admin and an owner, and works for a member, who then loses the organization", async ({ browser }) => {
  const probe = await (await browser.newContext()).newPage();
  const s = await newScenario(probe);
  await probe.context().close();

  // The only Admin, and a Manager who owns a survey and a plan, are told why they cannot leave.
  const ada = await personPage(browser, s.emails.admin);
  await ada.goto(`/account?org=${s.acme.slug}`);
  const adaOrgs = ada.getByRole("list", { name: "Your organizations" });
  await expect(adaOrgs.getByRole("button", { name: "Leave Acme Castings" })).toBeDisabled();
  await expect(adaOrgs).toContainText("You are its only Admin.");
  const max = await personPage(browser, s.emails.manager);
  await max.goto(`/account?org=${s.acme.slug}`);
  await expect(max.getByRole("list", { name: "Your organizations" })).toContainText(
    "Transfer your 1 survey and ownership of Supplier Evaluations first.",
  );
  await max.context().close();

  // Ulf reaches his profile from the user menu, edits his own details, then leaves.
  const ulf = await personPage(browser, s.emails.user2);
  await ulf.getByRole("button", { name: /Ulf User/ }).click();
  await ulf.getByRole("menuitem", { name: "Your profile" }).click();
  await expect(ulf.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await ulf.getByLabel("First name").fill("Ulrich");
  await ulf.getByLabel("Phone number").fill("+1 555 0199");
  await ulf.getByRole("button", { name: "Save" }).click();
  await expect(ulf.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await screenshot(ulf, "profile");
  await ulf.getByRole("button", { name: "Leave Acme Castings" }).click();
  const dialog = ulf.getByRole("dialog", { name: "Leave Acme Castings?" });
  await expect(dialog).toContainText("your seat is freed");
  await dialog.getByRole("button", { name: "Leave Acme Castings" }).click();
  await expect(ulf.getByRole("status").filter({ hasText: "You left Acme Castings." })).toBeVisible();
  await expect(ulf.getByRole("status").filter({ hasText: "You left Acme Castings." })).toBeFocused();
  const gone = await ulf.goto(`/o/${s.acme.slug}/users`);
  expect(gone?.status()).toBe(404);
  await ulf.context().close();

  await ada.goto(`/o/${s.acme.slug}/activity`);
  const activity = ada.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText("Ulrich User left Acme Castings");
  await expect(activity).toContainText("Ulrich User updated their details (first name, phone)");
  await ada.context().close();
});
