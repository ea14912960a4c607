import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { transaction } from "@/lib/transaction";

/** A stand-in database whose transaction fails with the given SQLSTATEs, one per attempt, then succeeds. */
function failingDb(codes: string[]) {
  let attempt = 0;
  const db = {
    async transaction<T>(fn: (tx: unknown) => Promise<T>) {
      const code = codes[attempt++];
      // Drizzle wraps the driver's error; the SQLSTATE is on its cause.
      if (code) throw Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("driver"), { code }) });
      return fn({});
    },
  };
  return { db: db as unknown as Db, attempts: () => attempt };
}

describe("§4 one transaction helper: a deadlock is retried once, then answered clearly", () => {
  it("a deadlock (40P01) or a serialization failure (40001) runs the transaction once more", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const code of ["40P01", "40001"]) {
      const { db, attempts } = failingDb([code]);
      await expect(transaction(async () => "done", { db })).resolves.toBe("done");
      expect(attempts()).toBe(2);
    }
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it("a second failure is a CONFLICT with a message for people, not a crash", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { db, attempts } = failingDb(["40P01", "40P01"]);
    const error = await transaction(async () => "never", { db }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect(String(error.message)).toContain("Nothing was changed");
    expect(attempts()).toBe(2);
    warn.mockRestore();
  });

  it("other errors are not retried", async () => {
    const { db, attempts } = failingDb(["23505"]);
    await expect(transaction(async () => "never", { db })).rejects.toThrow("Failed query");
    expect(attempts()).toBe(1);
  });
});
