import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emailOutbox, ownershipTransfers, surveys } from "@/db/schema";
import { transferSurvey } from "@/lib/surveys/transfer-survey";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { setupTestDatabase } from "../support/db";
import { makeSurvey } from "../support/factories";
import { planWorld } from "../support/plans";
import { expectNoChange } from "../support/state";

/**
 * E1 in the services: "a change and the email it causes commit together". The outbox test holds
 * enqueueEmail alone; these make a service fail after it has written its email (its audit entry,
 * the last write, throws) and assert that neither the change nor the email exists. On PostgreSQL
 * an email written outside the service's transaction would survive the failure.
 */
const failing = { audit: false };

vi.mock("@/lib/audit", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/audit")>();
  return {
    ...original,
    recordAudit: async (...args: Parameters<typeof original.recordAudit>) => {
      if (failing.audit) throw new Error("the audit entry could not be written");
      return original.recordAudit(...args);
    },
  };
});

const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

afterEach(() => {
  failing.audit = false;
});

async function outboxTo(email: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
}

describe("E1 a change and its email commit together, or neither does", () => {
  it("E1/S2: a survey transfer that fails after writing its email leaves the owner and the outbox as they were", async () => {
    const w = await planWorld(t.db);
    const survey = await makeSurvey(t.db, w.org.id, w.user.id);
    failing.audit = true;
    await expectNoChange(t.db, () => expect(transferSurvey(w.ctx.admin, survey.id, w.user2.id, { baseUrl })).rejects.toThrow("audit entry"));
    expect(await outboxTo(w.user2.email)).toEqual([]);
    const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
    expect(row.ownerId).toBe(w.user.id);
    // And with the audit entry written, the same transfer commits with its email.
    failing.audit = false;
    await transferSurvey(w.ctx.admin, survey.id, w.user2.id, { baseUrl });
    expect(await outboxTo(w.user2.email)).toHaveLength(1);
  });

  it("E1/O1: a transfer request that fails after writing its email leaves no request and no email", async () => {
    const w = await planWorld(t.db);
    failing.audit = true;
    await expectNoChange(t.db, () => expect(requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl })).rejects.toThrow("audit entry"));
    expect(await outboxTo(w.manager.email)).toEqual([]);
    expect(await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.planId, w.plan.id))).toEqual([]);
    failing.audit = false;
    await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    expect(await outboxTo(w.manager.email)).toHaveLength(1);
  });
});
