import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkFromMailbox, newScenario, pickMember, screenshot as fullPageShot, signIn, type Scenario } from "./helpers";

/**
 * Surveys (SPEC §7) in the browser: S1 check-out and check-in, S2 force check-in, transfer and
 * merge, S3 export, R5 before Delete User, and answers through a share link. Every test works in
 * organizations of its own (newScenario).
 */

type Signed = { context: BrowserContext; page: Page };

/** A full-page screenshot from the top, so the sticky header sits where it belongs. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

async function as(browser: Browser, email: string): Promise<Signed> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/o\/[\w-]+\/users/);
  return { context, page };
}

function surveyRow(page: Page, title: string) {
  return page.getByRole("table", { name: "Surveys" }).getByRole("row").filter({ hasText: title });
}

async function openSurvey(page: Page, s: Scenario, title: string) {
  await page.goto(`/o/${s.acme.slug}/surveys`);
  await surveyRow(page, title).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("S1/S2/R5: a User creates and edits a survey; a Manager force-checks it in and transfers it; the Admin then deletes the former owner", async ({ page, browser }) => {
  const s = await newScenario(page);

  // S1: Una creates a survey; it is hers and checked out to her, ready for questions.
  const una = await as(browser, s.emails.user1);
  await una.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Surveys" }).click();
  await una.page.getByRole("link", { name: "New survey" }).click();
  await expect(una.page.getByRole("heading", { level: 1, name: "New survey" })).toBeVisible();
  await una.page.getByLabel("Title").fill("Night shift handover");
  await una.page.getByLabel("Description (optional)").fill("Filled in by the leaving shift lead.");
  await una.page.getByRole("button", { name: "Create survey" }).click();
  await expect(una.page.getByRole("heading", { level: 1, name: "Night shift handover" })).toBeVisible();
  await expect(una.page.getByTestId("checkout-status")).toContainText("You have this survey checked out since");

  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 1", { exact: true }).fill("Which furnaces are still hot?");
  await una.page.getByLabel("Answer to question 1 required").check();
  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 2", { exact: true }).fill("Open issues for the next shift");
  await una.page.getByRole("button", { name: "Save changes" }).click();
  await expect(una.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await screenshot(una.page, "survey-editing");
  // She goes home without checking it in.
  await una.context.close();

  // S1: for Max it is read-only and says by whom since when; S2: he force-checks it in.
  const max = await as(browser, s.emails.manager);
  await max.page.goto(`/o/${s.acme.slug}/surveys`);
  const row = surveyRow(max.page, "Night shift handover");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Una User");
  await expect(row.getByRole("cell").nth(2)).toContainText("Una User");
  await expect(row.getByRole("cell").nth(2)).toContainText("since");
  await screenshot(max.page, "surveys-list-manager");
  await row.getByRole("link", { name: "Night shift handover" }).click();
  await expect(max.page.getByTestId("checkout-status")).toContainText("Read-only: checked out by Una User since");
  await expect(max.page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(max.page.getByRole("button", { name: "Check out" })).toHaveCount(0);
  await expect(max.page.getByRole("list").filter({ hasText: "Which furnaces are still hot?" })).toContainText("(required)");
  await screenshot(max.page, "survey-read-only");

  await max.page.getByRole("button", { name: "Force check-in" }).click();
  const force = max.page.getByRole("dialog", { name: 'Force check-in of "Night shift handover"?' });
  await expect(force).toContainText("Una User has had it checked out since");
  await screenshot(max.page, "survey-force-check-in-dialog");
  await force.getByRole("button", { name: "Force check-in" }).click();
  await expect(force.getByRole("status")).toHaveText("Checked in. Anyone can check it out now.");
  await force.getByRole("button", { name: "Done" }).click();
  await expect(max.page.getByTestId("checkout-status")).toContainText("Checked in.");

  // S2: he transfers it to Ulf, who is told in the inbox and by email.
  await max.page.getByRole("button", { name: "Transfer" }).click();
  const transfer = max.page.getByRole("dialog", { name: 'Transfer "Night shift handover"' });
  await pickMember(max.page, "New owner", "Ulf", /Ulf User/);
  await screenshot(max.page, "survey-transfer-dialog");
  await transfer.getByRole("button", { name: "Transfer", exact: true }).click();
  await expect(transfer.getByRole("status")).toHaveText("Survey transferred. The new owner was notified.");
  await transfer.getByRole("button", { name: "Done" }).click();
  await expect(max.page.getByText(/Owned by\s+Ulf User/)).toBeVisible();
  await max.context.close();
  const mailed = await linkFromMailbox(page, s.emails.user2, /You now own the survey "Night shift handover"/);
  expect(mailed).toMatch(/\/surveys\/[0-9a-f-]{36}$/);

  // R5: Una still owns the Foundry walk-through; the Admin transfers it from her filtered list, then deletes her.
  const ada = await as(browser, s.emails.admin);
  await ada.page.goto(`/o/${s.acme.slug}/users`);
  await ada.page.getByRole("button", { name: "More options for Una User" }).click();
  const menu = ada.page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Delete User" })).toBeDisabled();
  await expect(menu).toContainText("Transfer 1 survey first.");
  await screenshot(ada.page, "users-delete-blocked");
  await menu.getByRole("menuitem", { name: "Show their surveys" }).click();
  await expect(ada.page).toHaveURL(/\/surveys\?owner=[0-9a-f-]{36}$/);
  await expect(ada.page.getByText("Surveys owned by Una User: 1")).toBeVisible();
  await expect(ada.page.getByRole("table", { name: "Surveys" }).getByRole("row")).toHaveCount(2);
  await screenshot(ada.page, "surveys-filtered-by-owner");
  await ada.page.getByRole("button", { name: "Transfer all 1 survey…" }).click();
  const all = ada.page.getByRole("dialog", { name: "Transfer all 1 survey of Una User" });
  await pickMember(ada.page, "New owner", "Max", /Max Manager/);
  await all.getByRole("button", { name: "Transfer 1 survey" }).click();
  await expect(all.getByRole("status")).toHaveText("1 survey transferred. The new owner was notified.");
  await all.getByRole("button", { name: "Done" }).click();
  await expect(ada.page.getByText("No surveys match these filters")).toBeVisible();

  await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await ada.page.getByRole("button", { name: "More options for Una User" }).click();
  await expect(ada.page.getByRole("menu")).not.toContainText("Transfer");
  await ada.page.getByRole("menuitem", { name: "Delete User" }).click();
  const dialog = ada.page.getByRole("dialog", { name: "Delete Una User?" });
  await dialog.getByRole("button", { name: "Delete User" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ada.page.getByRole("table", { name: "Members" })).not.toContainText("Una User");
  await ada.context.close();
});

test("Answers: the owner shares a link; anyone answers it without signing in, even while it is checked out; replacing the link ends the old one", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await as(browser, s.emails.admin);
  // Max's survey is checked out by Max: answering is not editing, so it still takes answers.
  await openSurvey(ada.page, s, "Supplier onboarding feedback");
  await expect(ada.page.getByTestId("checkout-status")).toContainText("Read-only: checked out by Max Manager");
  await ada.page.getByRole("button", { name: "Create share link" }).click();
  const linkBox = ada.page.getByLabel("Current share link");
  await expect(linkBox).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  const url = await linkBox.inputValue();
  await screenshot(ada.page, "survey-share-link");

  const guest = await browser.newContext();
  const respondent = await guest.newPage();
  await respondent.goto(url);
  await expect(respondent.getByRole("heading", { level: 1, name: "Supplier onboarding feedback" })).toBeVisible();
  await expect(respondent.getByText("Acme Castings")).toBeVisible();
  await screenshot(respondent, "survey-answer-public");
  // The required question is checked by the browser and by the server: send without it.
  await respondent.getByLabel(/How clear was the onboarding process\?/).evaluate((el: HTMLTextAreaElement) => el.removeAttribute("required"));
  await respondent.getByLabel("What should we change first?").fill("Fewer forms");
  await respondent.getByRole("button", { name: "Send answers" }).click();
  await expect(respondent.getByText("This question needs an answer.")).toBeVisible();
  await respondent.getByLabel(/How clear was the onboarding process\?/).fill("Very clear");
  await respondent.getByLabel("Your name or email (optional)").fill("Guest Reviewer");
  await respondent.getByRole("button", { name: "Send answers" }).click();
  await expect(respondent.getByRole("status")).toHaveText("Thank you. Your answers were recorded.");

  await ada.page.reload();
  await expect(ada.page.getByRole("heading", { name: "Responses (3)" })).toBeVisible();
  const newest = ada.page.getByRole("list", { name: "Responses" }).getByRole("listitem").first();
  await expect(newest).toContainText("Guest Reviewer");
  await expect(newest).toContainText("Very clear");
  await expect(newest).toContainText("Fewer forms");
  await expect(ada.page.getByTestId("checkout-status")).toContainText("checked out by Max Manager");

  // Replacing the link: the old one now reads as not valid.
  await ada.page.getByRole("button", { name: "Replace link" }).click();
  await expect(ada.page.getByLabel("Current share link")).not.toHaveValue(url);
  await respondent.goto(url);
  await expect(respondent.getByRole("heading", { level: 1, name: "This survey link is not valid" })).toBeVisible();
  await guest.close();
  await ada.context.close();
});

test("S2 merge: the Admin picks the other survey, sees what moves, merges; a survey checked out by someone else cannot be merged", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await as(browser, s.emails.admin);

  // Refused while the other survey is checked out by someone else: the preview says so.
  await openSurvey(ada.page, s, "Casting defect root-cause review");
  await ada.page.getByRole("button", { name: "Merge" }).click();
  let dialog = ada.page.getByRole("dialog", { name: 'Merge "Casting defect root-cause review" into another survey' });
  await dialog.getByRole("combobox", { name: "Merge into" }).fill("Supplier");
  await ada.page.getByRole("option", { name: /Supplier onboarding feedback/ }).click();
  await expect(dialog.getByRole("alert")).toContainText('"Supplier onboarding feedback" is checked out by Max Manager since');
  await expect(dialog.getByRole("button", { name: "Merge", exact: true })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await ada.page.getByRole("button", { name: "Merge" }).click();
  dialog = ada.page.getByRole("dialog", { name: 'Merge "Casting defect root-cause review" into another survey' });
  await dialog.getByRole("combobox", { name: "Merge into" }).fill("Customer");
  await ada.page.getByRole("option", { name: /Customer satisfaction 2026/ }).click();
  const preview = dialog.getByRole("region", { name: "What the merge does" });
  await expect(preview).toContainText('1 response moves into "Customer satisfaction 2026" (which has 3 now).');
  await expect(preview).toContainText('3 questions are added to "Customer satisfaction 2026"');
  await expect(preview).toContainText('"Casting defect root-cause review" is deleted. This cannot be undone.');
  await screenshot(ada.page, "survey-merge-dialog");
  await dialog.getByRole("button", { name: "Merge", exact: true }).click();

  await expect(ada.page.getByRole("heading", { level: 1, name: "Customer satisfaction 2026" })).toBeVisible();
  await expect(ada.page.getByRole("status").filter({ hasText: "Merge complete" })).toHaveText(
    "Merge complete: 1 response moved into this survey, and the other survey was deleted.",
  );
  await expect(ada.page.getByRole("heading", { name: "Responses (4)" })).toBeVisible();
  await expect(ada.page.getByRole("list", { name: "Responses" })).toContainText("Moisture in the sand mould");
  await screenshot(ada.page, "survey-after-merge");
  await ada.page.goto(`/o/${s.acme.slug}/surveys`);
  await expect(surveyRow(ada.page, "Casting defect root-cause review")).toHaveCount(0);
  await screenshot(ada.page, "surveys-list-admin");
  await ada.context.close();
});

test("S3: from a member's profile a Manager downloads that member's surveys as CSV and as JSON", async ({ page, browser }) => {
  const s = await newScenario(page);
  const max = await as(browser, s.emails.manager);
  await max.page.goto(`/o/${s.acme.slug}/users`);
  await max.page.getByRole("link", { name: "Edit Una User" }).click();
  const section = max.page.getByRole("region", { name: "Surveys" });
  await expect(section).toContainText("Una User owns 1 survey here.");
  await screenshot(max.page, "member-profile-export");

  const [json] = await Promise.all([max.page.waitForEvent("download"), section.getByRole("link", { name: "Download JSON" }).click()]);
  expect(json.suggestedFilename()).toMatch(/^surveys-una-user-\d{4}-\d{2}-\d{2}\.json$/);
  const body = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
  expect(body.member.email).toBe(s.emails.user1);
  expect(body.surveys).toHaveLength(1);
  expect(body.surveys[0]).toMatchObject({ title: "Foundry safety walk-through" });
  expect(body.surveys[0].responses).toHaveLength(2);

  const [csv] = await Promise.all([max.page.waitForEvent("download"), section.getByRole("link", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text).toContain("survey_id,survey_title,");
  expect(text).toContain("Station 4 is missing gloves");

  // A User has no export: the API refuses them whatever the page shows.
  const una = await as(browser, s.emails.user1);
  const userId = new URL(max.page.url()).pathname.split("/").pop();
  const refused = await una.page.request.get(`/api/orgs/${s.acme.slug}/members/${userId}/surveys.json`);
  expect(refused.status()).toBe(403);
  await una.context.close();
  await max.context.close();
});
