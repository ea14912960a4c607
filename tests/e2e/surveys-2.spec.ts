import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newScenario, screenshot as fullPageShot, signedIn, type Scenario } from "./helpers";

/**
 * Surveys, issue 14: nothing lost (S1 #14.1 check in and leaving with unsaved edits), nothing
 * misleading (#14.13 the force check-in dialog after success, #14.9 the share link shown again,
 * #14.10 merge and the share link, #14.12 ask the holder to check in). Each test works in
 * organizations of its own (newScenario).
 */

const phone = { width: 390, height: 844 };

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

async function openSurvey(page: Page, s: Scenario, title: string) {
  await page.goto(`/o/${s.acme.slug}/surveys`);
  await page.getByRole("table", { name: "Surveys" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

const questions = (page: Page) => page.getByRole("form", { name: "Edit survey" }).getByRole("textbox", { name: /^Question \d+$/ });

test("S1 #14.1 check in with unsaved edits asks first: Cancel keeps them, Save and check in keeps them, Discard drops them", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await signedIn(browser, s.emails.user1);
  await openSurvey(una.page, s, "Foundry safety walk-through");
  await una.page.getByRole("button", { name: "Check out" }).click();
  await expect(una.page.getByTestId("checkout-status")).toContainText("You have this survey checked out");

  // Two questions added, not saved; Check in asks.
  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 4", { exact: true }).fill("Who walked the floor?");
  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 5", { exact: true }).fill("Which station needs a fix?");
  await una.page.getByRole("button", { name: "Check in", exact: true }).click();
  const ask = una.page.getByRole("dialog", { name: "Check in with unsaved changes?" });
  await expect(ask).toBeVisible();
  await screenshot(una.page, "survey-check-in-unsaved");
  // Cancel: still checked out, the edits still there.
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(questions(una.page)).toHaveCount(5);
  await expect(una.page.getByTestId("checkout-status")).toContainText("You have this survey checked out");

  // Save and check in: the questions are kept and the survey is checked in.
  await una.page.getByRole("button", { name: "Check in", exact: true }).click();
  await ask.getByRole("button", { name: "Save and check in" }).click();
  await expect(una.page.getByTestId("checkout-status")).toContainText("Checked in.");
  const list = una.page.getByRole("region", { name: "Questions" });
  await expect(list).toContainText("Who walked the floor?");
  await expect(list).toContainText("Which station needs a fix?");

  // By keyboard: Discard and check in drops what was not saved.
  await una.page.getByRole("button", { name: "Check out" }).click();
  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 6", { exact: true }).fill("Thrown away");
  await una.page.getByRole("button", { name: "Check in", exact: true }).focus();
  await una.page.keyboard.press("Enter");
  await expect(ask).toBeVisible();
  // Focus starts on Cancel: one Enter loses nothing.
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await ask.getByRole("button", { name: "Discard and check in" }).focus();
  await una.page.keyboard.press("Enter");
  await expect(una.page.getByTestId("checkout-status")).toContainText("Checked in.");
  await expect(list).toContainText("Which station needs a fix?");
  await expect(list).not.toContainText("Thrown away");
  await una.context.close();
});

test("S1 #14.1 leaving with unsaved edits warns: in-app links by keyboard at 390 px, and closing the tab", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await signedIn(browser, s.emails.user1, { viewport: phone });
  await openSurvey(una.page, s, "Foundry safety walk-through");
  await una.page.getByRole("button", { name: "Check out" }).click();
  await una.page.getByRole("button", { name: "Add question" }).click();
  await una.page.getByLabel("Question 4", { exact: true }).fill("Not saved yet");
  const surveyUrl = una.page.url();

  // An in-app link, followed by keyboard: the App Router would drop the edits silently.
  await una.page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Surveys" }).focus();
  await una.page.keyboard.press("Enter");
  const leave = una.page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  await screenshot(una.page, "survey-leave-unsaved-390");
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(leave).toHaveCount(0);
  expect(una.page.url()).toBe(surveyUrl);
  await expect(una.page.getByLabel("Question 4", { exact: true })).toHaveValue("Not saved yet");

  // Closing the tab asks too (the browser's own prompt).
  const prompt = una.page.waitForEvent("dialog");
  await una.page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(una.page.getByLabel("Question 4", { exact: true })).toHaveValue("Not saved yet");

  // Leaving on purpose goes where the link pointed.
  await una.page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Surveys" }).click();
  await leave.getByRole("button", { name: "Leave without saving" }).click();
  await expect(una.page.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  await una.context.close();
});

test("S2 #14.13 the force check-in dialog keeps the holder's name and time after success", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await signedIn(browser, s.emails.admin);
  await openSurvey(ada.page, s, "Supplier onboarding feedback");
  await ada.page.getByRole("button", { name: "Force check-in" }).click();
  const force = ada.page.getByRole("dialog", { name: 'Force check-in of "Supplier onboarding feedback"?' });
  const said = await force.getByText(/has had it checked out since/).textContent();
  expect(said).toMatch(/^Max Manager has had it checked out since \d/);
  await force.getByRole("button", { name: "Force check-in" }).click();
  await expect(force.getByRole("button", { name: "Done" })).toBeVisible();
  await expect(ada.page.getByTestId("checkout-status")).toContainText("Checked in.");
  // The page behind has no holder any more; the dialog still says whose check-out was released.
  await expect(force.getByText(/has had it checked out since/)).toHaveText(said!);
  await screenshot(ada.page, "survey-force-check-in-done");
  await force.getByRole("button", { name: "Done" }).click();
  await ada.context.close();
});

test("#14.9 those who manage a survey see and copy its share link again; others never get it", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await signedIn(browser, s.emails.admin);
  await openSurvey(ada.page, s, "Customer satisfaction 2026");
  await ada.page.getByRole("button", { name: "Create share link" }).click();
  const box = ada.page.getByLabel("Current share link");
  await expect(box).toHaveValue(/\/s\/[\w-]{43}$/);
  const url = await box.inputValue();

  // Coming back later, the same link is there to copy.
  await ada.page.reload();
  await expect(box).toHaveValue(url);
  await ada.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await ada.page.getByRole("button", { name: "Copy share link" }).click();
  await expect(ada.page.getByRole("button", { name: "Copy share link" })).toHaveText("Copied");
  expect(await ada.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await screenshot(ada.page, "survey-share-link-again");

  // A Manager manages it too, at 390 px; Replace still ends the old one.
  const max = await signedIn(browser, s.emails.manager, { viewport: phone });
  await openSurvey(max.page, s, "Customer satisfaction 2026");
  await expect(max.page.getByLabel("Current share link")).toHaveValue(url);
  await screenshot(max.page, "survey-share-link-again-390");
  await max.page.getByRole("button", { name: "Replace link" }).click();
  await expect(max.page.getByLabel("Current share link")).not.toHaveValue(url);
  const current = await max.page.getByLabel("Current share link").inputValue();
  await max.context.close();

  // A User who does not own it never receives the link in her page.
  const una = await signedIn(browser, s.emails.user1);
  const response = await una.page.goto(ada.page.url());
  expect(await response!.text()).not.toContain(current.split("/s/")[1]);
  await expect(una.page.getByLabel("Current share link")).toHaveCount(0);
  await una.context.close();
  await ada.context.close();
});

test("S2 #14.10 merge says what becomes of the share link, and the picker's list covers neither Cancel nor Merge (390 px)", async ({ page, browser }) => {
  const s = await newScenario(page);
  const ada = await signedIn(browser, s.emails.admin, { viewport: phone });
  const linkOf = async (title: string) => {
    await openSurvey(ada.page, s, title);
    await ada.page.getByRole("button", { name: "Create share link" }).click();
    return ada.page.getByLabel("Current share link").inputValue();
  };
  await linkOf("Customer satisfaction 2026");
  const defectLink = await linkOf("Casting defect root-cause review");

  // Into a survey with its own link: the merged-away link stops working, and the preview says so.
  await openSurvey(ada.page, s, "Customer satisfaction 2026");
  await ada.page.getByRole("button", { name: "Merge" }).click();
  const dialog = ada.page.getByRole("dialog", { name: 'Merge "Customer satisfaction 2026" into another survey' });
  const box = dialog.getByRole("combobox", { name: "Merge into" });
  await box.fill("a");
  await expect(dialog.getByRole("option").first()).toBeVisible();
  // The open list pushes the buttons down instead of lying over them: each is what a tap there hits.
  for (const name of ["Cancel", "Merge"]) {
    const button = dialog.getByRole("button", { name, exact: true });
    await button.scrollIntoViewIfNeeded();
    const hit = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(hit, `${name} is not covered by the list`).toBe(true);
  }
  await screenshot(ada.page, "survey-merge-picker-open-390");
  await box.fill("Casting");
  await dialog.getByRole("option", { name: /Casting defect root-cause review/ }).click();
  const preview = dialog.getByRole("region", { name: "What the merge does" });
  await expect(preview).toContainText('The share link of "Customer satisfaction 2026" stops working.');
  await screenshot(ada.page, "survey-merge-preview-link-ends-390");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Into a survey without a link: the link is carried over and keeps working.
  await openSurvey(ada.page, s, "Casting defect root-cause review");
  await ada.page.getByRole("button", { name: "Merge" }).click();
  const second = ada.page.getByRole("dialog", { name: 'Merge "Casting defect root-cause review" into another survey' });
  await second.getByRole("combobox", { name: "Merge into" }).fill("Foundry");
  await second.getByRole("option", { name: /Foundry safety walk-through/ }).click();
  await expect(second.getByRole("region", { name: "What the merge does" })).toContainText(
    'The share link of "Casting defect root-cause review" keeps working: it opens "Foundry safety walk-through"',
  );
  await second.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: "Foundry safety walk-through" })).toBeVisible();
  await expect(ada.page.getByRole("status").filter({ hasText: "Merge complete" })).toContainText("Its share link now opens this survey.");
  await expect(ada.page.getByLabel("Current share link")).toHaveValue(defectLink);
  await ada.context.close();
});

test("S1 #14.12 a read-only survey offers 'Ask Max Manager to check it in': one inbox notice, not twice within the hour", async ({ page, browser }) => {
  const s = await newScenario(page);
  const una = await signedIn(browser, s.emails.user1, { viewport: phone });
  await openSurvey(una.page, s, "Supplier onboarding feedback");
  const ask = una.page.getByRole("button", { name: "Ask Max Manager to check it in" });
  await ask.focus();
  await una.page.keyboard.press("Enter");
  await expect(una.page.getByRole("status").filter({ hasText: "Max Manager was asked, in their inbox, to check it in." })).toBeVisible();
  await screenshot(una.page, "survey-ask-to-check-in-390");
  await ask.click();
  await expect(una.page.getByRole("alert").filter({ hasText: "You asked Max Manager already." })).toBeVisible();
  await una.context.close();

  const max = await signedIn(browser, s.emails.manager);
  await max.page.goto(`/o/${s.acme.slug}/inbox`);
  const notices = max.page.getByRole("listitem").filter({ hasText: 'Una User asks you to check in "Supplier onboarding feedback"' });
  await expect(notices).toHaveCount(1);
  await notices.getByRole("link", { name: "Open survey" }).click();
  await expect(max.page.getByRole("heading", { level: 1, name: "Supplier onboarding feedback" })).toBeVisible();
  await max.context.close();
});
