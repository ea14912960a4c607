import { describe, expect, it } from "vitest";
import { rawApi, tokenFor } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";

const t = setupTestDatabase();
const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");

describe("K3 §10 a forged cursor is a 400 on its field, never a server error", () => {
  it("K3 §10 members and activity refuse cursors whose values are not what the lists write", async () => {
    const w = await planWorld(t.db);
    const { token } = await tokenFor(w.ctx.admin, "admin");
    const cursors = [
      forge(["x", "y"]),
      forge(["2026-12-03T10:00:00.000000Z", "not-a-uuid"]),
      forge(["2026-13-45T99:99:99.000000Z", "6e2b1c4e-2f0a-4a8b-9a44-0c3b0c1f2d11"]),
      forge(["2026-12-03T10:00:00.000000Z", 1e20]),
      forge(["2026-12-03T10:00:00.000000Z", -1]),
      forge(["x\u0000", 1]),
    ];
    for (const cursor of cursors) {
      for (const list of ["members", "activity"]) {
        const answer = await rawApi("GET", `/orgs/${w.org.slug}/${list}?cursor=${cursor}`, token);
        expect(answer.status, `${list} ${cursor}`).toBe(400);
        expect(await answer.json()).toMatchObject({ code: "VALIDATION" });
      }
    }
    // The cursors the lists hand out still work.
    const first = await rawApi("GET", `/orgs/${w.org.slug}/members?limit=1`, token);
    const { nextCursor } = (await first.json()) as { nextCursor: string };
    expect((await rawApi("GET", `/orgs/${w.org.slug}/members?limit=1&cursor=${nextCursor}`, token)).status).toBe(200);
  });
});
