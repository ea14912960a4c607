import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every browser test fails when the page logs an error: a hydration mismatch, an uncaught
 * exception, a React warning. (A 404 a test asks for on purpose is the browser's "Failed to load
 * resource" line, which is not an error of the page.)
 */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (message) => {
          if (message.type() === "error" && !/Failed to load resource/.test(message.text())) {
            errors.push(`${page.url()}: ${message.text()}`);
          }
        });
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
