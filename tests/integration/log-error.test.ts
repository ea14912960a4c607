import "../support/next-mocks";
import { format } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";
import { publicAction } from "@/lib/action";
import { errorResponse } from "@/lib/route";
import { setupTestDatabase } from "../support/db";
import { idle, form } from "../support/next-mocks";

/** Issue 14.21: an unexpected error is logged by its code, constraint and statement — never its parameters. */
setupTestDatabase();

const secret = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";

/** Runs `fn` and returns what it wrote to console.error (one call), without failing the test for it. */
async function logged(fn: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  vi.mocked(console.error).mockImplementationOnce((...args: unknown[]) => void lines.push(format(...args)));
  await fn();
  expect(lines).toHaveLength(1);
  return lines[0];
}

/** A statement failing with a session token among its parameters, as accept-invitation's and email-change's can. */
async function failWithTokenParameter() {
  await db.select().from(sessions).where(sql`${sessions.sessionToken} = ${secret} and (${secret})::int = 1`);
}

describe("#14.21 no secret in the log", () => {
  it("#14.21 the action wrapper logs a database error's code and statement, not the token among its parameters", async () => {
    const action = publicAction(z.object({}), async () => {
      await failWithTokenParameter();
    });
    let state: unknown;
    const line = await logged(async () => {
      state = await action(idle, form({}));
    });
    expect(state).toMatchObject({ ok: false });
    expect(line).not.toContain(secret);
    expect(line).not.toContain(secret.slice(0, 16));
    expect(line).toContain("22P02");
    expect(line).toContain("select sessions");
  });

  it("#14.21 the route wrapper logs the same, and answers 500 without the token", async () => {
    let caught: unknown;
    try {
      await failWithTokenParameter();
    } catch (error) {
      caught = error;
    }
    expect(String((caught as Error).message)).toContain(secret); // the driver's message does carry it
    let response: Response | undefined;
    const line = await logged(async () => {
      response = errorResponse(caught);
    });
    expect(response!.status).toBe(500);
    expect(await response!.text()).not.toContain(secret);
    expect(line).not.toContain(secret.slice(0, 16));
    expect(line).toContain("22P02");
  });

  it("#14.21 an error that is not the database's is logged by its name and stack frames, not its message", async () => {
    const action = publicAction(z.object({}), async () => {
      throw new TypeError(`cannot read token ${secret}`);
    });
    const line = await logged(() => action(idle, form({})));
    expect(line).toContain("TypeError");
    expect(line).not.toContain(secret.slice(0, 16));
  });
});
