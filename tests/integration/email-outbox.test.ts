import { eq } from "drizzle-orm";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { emailOutbox } from "@/db/schema";
import type { Db } from "@/db/client";
import { enqueueEmail } from "@/lib/email";
import { deliverDueEmails, MAX_ATTEMPTS, retryDelaySeconds } from "@/lib/email/sender";
import type { Transport } from "@/lib/email/transport";
import { setupTestDatabase } from "../support/db";
import { itRace } from "../support/race";

const t = setupTestDatabase();

function recordingTransport(behaviour: (to: string) => void = () => {}): Transport & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: "local",
    sent,
    async send(email) {
      behaviour(email.to);
      sent.push(email.to);
      return {};
    },
  };
}

const signIn = (to: string) => ({ to, template: "sign-in" as const, props: { url: "http://localhost:3000/x", host: "localhost:3000" } });

describe("E1 email outbox", () => {
  it("E1: an email written in a transaction that rolls back never exists", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, signIn("rollback@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, "rollback@example.test"));
    expect(rows).toHaveLength(0);
  });

  it("E1: a committed email is rendered from its template and delivered once", async () => {
    await t.db.transaction((tx) => enqueueEmail(tx, signIn("Once@Example.test")));
    const transport = recordingTransport();
    await deliverDueEmails({ db: t.db, transport });
    await deliverDueEmails({ db: t.db, transport });
    expect(transport.sent).toEqual(["once@example.test"]);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, "once@example.test"));
    expect(row.status).toBe("sent");
    expect(row.html).toContain("http://localhost:3000/x");
    expect(row.text).toContain("http://localhost:3000/x");
    expect(row.subject).toMatch(/sign-in link/i);
  });

  it("E1: a failed send is retried with backoff, not lost", async () => {
    const { id } = await enqueueEmail(t.db, signIn("flaky@example.test"));
    let failures = 1;
    const transport = recordingTransport(() => {
      if (failures-- > 0) throw new Error("provider down");
    });
    const first = await deliverDueEmails({ db: t.db, transport });
    expect(first.failed).toBe(1);
    let [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row.status).toBe("pending");
    expect(row.lastError).toContain("provider down");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    // Not due yet: nothing is sent.
    await deliverDueEmails({ db: t.db, transport });
    expect(transport.sent).toEqual([]);
    // Due again: delivered.
    await t.db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.id, id));
    await deliverDueEmails({ db: t.db, transport });
    [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(2);
    expect(transport.sent).toEqual(["flaky@example.test"]);
  });

  it("E1: backoff doubles and is capped; the sender gives up only after many attempts", () => {
    expect(retryDelaySeconds(1)).toBe(10);
    expect(retryDelaySeconds(2)).toBe(20);
    expect(retryDelaySeconds(20)).toBe(3600);
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(5);
  });

  itRace("E1: several senders on separate connections never send one email twice (SKIP LOCKED)", async () => {
    const emails = Array.from({ length: 40 }, (_, i) => signIn(`race-${i}@example.test`));
    for (const e of emails) await enqueueEmail(t.db, e);
    const sent: string[] = [];
    const clients = Array.from({ length: 4 }, () => postgres(t.url!, { max: 1, onnotice: () => {} }));
    try {
      const transport: Transport = {
        name: "local",
        async send(email) {
          await new Promise((r) => setTimeout(r, 5));
          sent.push(email.to);
          return {};
        },
      };
      await Promise.all(
        clients.map(async (client) => {
          const db = drizzle(client, { schema }) as unknown as Db;
          for (let i = 0; i < 10; i++) await deliverDueEmails({ db, transport, limit: 5 });
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const raced = sent.filter((to) => to.startsWith("race-"));
    expect(raced.sort()).toEqual(emails.map((e) => e.to).sort());
    expect(new Set(raced).size).toBe(raced.length);
  });
});
