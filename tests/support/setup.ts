import { format } from "node:util";
import { afterEach, vi } from "vitest";

// A test that logs console.error fails (epic-stack's rule): errors are asserted, never printed.
const errors: string[] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(format(...args));
});

afterEach(() => {
  if (errors.length) {
    const logged = errors.splice(0).join("\n");
    throw new Error(`console.error was called during the test:\n${logged}`);
  }
});
