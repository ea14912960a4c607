import { actAs } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as exportMembers } from "@/app/api/orgs/[org]/members.csv/route";
import { auditLog, users } from "@/db/schema";
import { csvCell } from "@/lib/csv";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrg } from "../support/factories";

/** Issue 14.22: members.csv is audited (A1) and starts with a BOM like the other exports; formula starts are defused everywhere. */
const t = setupTestDatabase();

describe("#14.22 members.csv like the other exports", () => {
  it("A1 #14.22 downloading members.csv writes an audit entry with its filters, and the file starts with the UTF-8 BOM", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const { user: admin } = await addMember(t.db, org.id, "admin");
    const { user: sneaky } = await addMember(t.db, org.id, "user");
    await t.db.update(users).set({ name: "\uFF1DHYPERLINK(\"http://x\")" }).where(eq(users.id, sneaky.id));
    actAs(admin.id);
    const response = await exportMembers(new Request(`http://localhost:3000/api/orgs/${org.slug}/members.csv?role=user`), {
      params: Promise.resolve({ org: org.slug }),
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("'\uFF1DHYPERLINK");
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "members.exported")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.id, after: { format: "csv", role: "user" } });
  });

  it("#14.22 a refused download writes no audit entry", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const { user } = await addMember(t.db, org.id, "user");
    actAs(user.id);
    const response = await exportMembers(new Request(`http://localhost:3000/api/orgs/${org.slug}/members.csv`), { params: Promise.resolve({ org: org.slug }) });
    expect(response.status).toBe(403);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "members.exported")))).toHaveLength(0);
  });

  it("#14.22 cells starting with full-width ＝ ＋ － ＠, U+FE66 or a zero-width character are neutralised", () => {
    for (const start of ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\uFE66", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "=", "+", "-", "@"]) {
      expect(csvCell(`${start}1+1`), JSON.stringify(start)).toBe(`'${start}1+1`);
    }
    expect(csvCell("Ann")).toBe("Ann");
    expect(csvCell("a=b")).toBe("a=b");
  });
});
