import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { emailOutbox } from "@/db/schema";
import { selectRows, type Db } from "@/db/client";
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

  it("#15.2 E1: the outbox row holds the template's props, not HTML; the sender renders it when it sends", async () => {
    const props = { url: "http://localhost:3000/api/auth/callback/resend?token=abc", host: "localhost:3000" };
    const { id } = await t.db.transaction((tx) => enqueueEmail(tx, { to: "props@example.test", template: "sign-in", props }));
    let [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ template: "sign-in", props, html: null, text: null, subject: null, status: "pending" });
    // Stored as a JSON object (not a JSON string holding one).
    const [stored] = await selectRows<{ kind: string }>(t.db, sql`select jsonb_typeof(props) as kind from email_outbox where id = ${id}`);
    expect(stored.kind).toBe("object");
    const delivered: { subject: string; html: string; text: string }[] = [];
    const transport: Transport = {
      name: "local",
      async send(email) {
        delivered.push(email);
        return {};
      },
    };
    await deliverDueEmails({ db: t.db, transport });
    expect(delivered).toHaveLength(1);
    expect(delivered[0].subject).toMatch(/sign-in link/i);
    expect(delivered[0].html).toContain("token=abc");
    expect(delivered[0].text).toContain(props.url);
    // What was sent is kept on the row (the mailbox shows it).
    [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: "sent", subject: delivered[0].subject, html: delivered[0].html, text: delivered[0].text });
  });

  it("#15.2 E1: props that do not fit the template's schema are refused at enqueue, so the change does not commit", async () => {
    const bad = { to: "bad@example.test", template: "sign-in" as const, props: { url: 42 } as never };
    await expect(t.db.transaction((tx) => enqueueEmail(tx, bad))).rejects.toThrow();
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, "bad@example.test"))).toEqual([]);
  });

  it("#15.2 E1: a row written before props were stored (rendered HTML, no props) still sends as it was written", async () => {
    const [old] = await t.db
      .insert(emailOutbox)
      .values({ to: "old@example.test", template: "sign-in", subject: "Old subject", html: "<p>Old https://x.test/old</p>", text: "Old https://x.test/old" })
      .returning();
    const transport = recordingTransport();
    const seen: { subject: string; text: string }[] = [];
    const inner = transport.send.bind(transport);
    transport.send = async (email) => {
      seen.push(email);
      return inner(email);
    };
    await deliverDueEmails({ db: t.db, transport });
    expect(seen).toEqual([expect.objectContaining({ subject: "Old subject", text: "Old https://x.test/old" })]);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, old.id));
    expect(row.status).toBe("sent");
  });

  it("#15.2 E1: a stored row whose props its template cannot render is marked failed at once (Delivery failed), not retried for hours", async () => {
    const [broken] = await t.db.insert(emailOutbox).values({ to: "broken@example.test", template: "sign-in", props: { host: 1 } }).returning();
    const transport = recordingTransport();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await deliverDueEmails({ db: t.db, transport });
    } finally {
      logged.mockRestore();
    }
    expect(transport.sent).toEqual([]);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, broken.id));
    expect(row.status).toBe("failed");
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
