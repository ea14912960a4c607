import { afterEach, beforeEach, vi } from "vitest";

/**
 * Rate limits count in fixed windows (lib/rate-limit.ts). A test that makes N hits and expects
 * the N+1st refused fails by itself when its hits straddle a window's end on the wall clock
 * (issue 14.25). This freezes Date — only Date: timers and I/O run as usual — at the moment each
 * test of the file starts, so every hit of one test falls in one window.
 */
export function freezeDateInEachTest() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
