import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditActionLabels,
  changedFields,
  describeAuditEntry,
  sentenceText,
  type AuditNames,
  type AuditRecord,
} from "@/lib/audit/describe";
import { forbiddenNotice } from "@/lib/page-access";
import { formatRelative } from "@/lib/format";

const ada = "11111111-1111-4111-8111-111111111111";
const ulf = "22222222-2222-4222-8222-222222222222";
const plan = "33333333-3333-4333-8333-333333333333";
const invitation = "44444444-4444-4444-8444-444444444444";

const names: AuditNames = {
  people: new Map([
    [ada, "Ada Admin"],
    [ulf, "Ulf User"],
  ]),
  subjects: new Map([
    [`plan:${plan}`, "PDoc Share"],
    [`invitation:${invitation}`, "nia@acme.test"],
  ]),
  orgName: "Acme Castings",
};

function entry(overrides: Partial<AuditRecord>): AuditRecord {
  return {
    action: "member.updated",
    actorId: ada,
    actorEmail: "ada@acme.test",
    targetUserId: null,
    targetEmail: null,
    subjectType: null,
    subjectId: null,
    before: null,
    after: null,
    ...overrides,
  };
}

describe("A1 Activity sentences", () => {
  it("A1: a role change reads as the issue's sentence, with names from the users table", () => {
    const text = sentenceText(
      describeAuditEntry(
        entry({ action: "member.role_changed", targetUserId: ulf, targetEmail: "ulf@acme.test", before: { role: "user" }, after: { role: "manager" } }),
        names,
      ),
    );
    expect(text).toBe("Ada Admin changed Ulf User's role from User to Manager");
  });

  it("A1: a person no longer in the users table falls back to the email the entry recorded; no actor reads as Seatwise", () => {
    const gone = "99999999-9999-4999-8999-999999999999";
    expect(sentenceText(describeAuditEntry(entry({ action: "member.suspended", targetUserId: gone, targetEmail: "old@acme.test" }), names))).toBe(
      "Ada Admin suspended old@acme.test",
    );
    expect(
      sentenceText(describeAuditEntry(entry({ action: "transfer.expired", actorId: null, actorEmail: null, subjectType: "transfer", subjectId: plan }), names)),
    ).toBe("The transfer of a plan expired unanswered");
  });

  it("A1: the subject of an invitation is its address; of a plan, its product", () => {
    expect(sentenceText(describeAuditEntry(entry({ action: "invitation.revoked", subjectType: "invitation", subjectId: invitation }), names))).toBe(
      "Ada Admin revoked the invitation to nia@acme.test",
    );
    expect(
      sentenceText(
        describeAuditEntry(entry({ action: "plan.seats_changed", subjectType: "plan", subjectId: plan, before: { seats: 5 }, after: { seats: 6 } }), names),
      ),
    ).toBe("Ada Admin changed the seats of PDoc Share from 5 to 6");
  });

  it("A1: one's own change reads 'their'", () => {
    expect(
      sentenceText(describeAuditEntry(entry({ action: "member.updated", targetUserId: ada, before: { phone: null }, after: { phone: "+1", name: "Ada Admin" } }), names)),
    ).toBe("Ada Admin updated their details (phone)");
  });

  it("A1: every action the app writes has a sentence of its own and a filter label (no raw event names)", () => {
    // Every `action: "x.y"` and quoted "x.y" action name in lib/ (ternaries included).
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of fs.readdirSync(dir)) {
        const full = path.join(dir, name);
        if (fs.statSync(full).isDirectory()) walk(full);
        else if (full.endsWith(".ts")) files.push(full);
      }
    };
    walk(path.join(process.cwd(), "lib"));
    const written = new Set<string>();
    for (const file of files) {
      if (file.includes(`${path.sep}audit${path.sep}`)) continue;
      const source = fs.readFileSync(file, "utf8");
      for (const statement of source.matchAll(/action:\s*([^,\n]+)/g)) {
        for (const [, name] of statement[1].matchAll(/"([a-z]+\.[a-z_]+)"/g)) written.add(name);
      }
    }
    expect(written.size).toBeGreaterThan(35);
    for (const action of written) {
      expect(auditActionLabels.has(action), `${action} has a filter label`).toBe(true);
      const text = sentenceText(describeAuditEntry(entry({ action, targetUserId: ulf, subjectType: "plan", subjectId: plan }), names));
      expect(text, `${action} has a sentence`).not.toContain(` — ${action.replace(/[._]/g, " ")}`);
      expect(text).not.toContain(action);
      expect(text).not.toMatch(/undefined|null|\[object/);
    }
  });

  it("C1 A1: a member added, or added again, by the identity provider reads with its door", () => {
    const scim = { door: "scim", tokenId: plan, name: "Okta" };
    const added = entry({ action: "member.provisioned", targetUserId: ulf, targetEmail: "ulf@acme.test", after: { role: "user" }, via: scim });
    expect(sentenceText(describeAuditEntry(added, names))).toBe("Ada Admin added Ulf User as User by SCIM");
    const again = { ...added, targetUserId: null, after: { role: "user", restored: true } };
    expect(sentenceText(describeAuditEntry(again, names))).toBe("Ada Admin added ulf@acme.test as User again by SCIM");
  });

  it("A1: an action without a sentence yet still reads, humanized, never as a crash", () => {
    expect(sentenceText(describeAuditEntry(entry({ action: "member.bulk_renamed" }), names))).toBe("Ada Admin — member bulk renamed");
  });
});

describe("A1 changed fields on demand", () => {
  it("A1: only the fields whose value changed, with labels, roles and names for people", () => {
    const changes = changedFields(
      { before: { role: "user", status: "active", ownerId: ada }, after: { role: "manager", status: "active", ownerId: ulf } },
      names,
      (d) => d.toISOString(),
    );
    expect(changes).toEqual([
      { field: "Role", before: "User", after: "Manager" },
      { field: "Owner", before: "Ada Admin", after: "Ulf User" },
    ]);
  });

  it("A1: ids of things are left out (the sentence names them); the fields a person edited read in the form's order", () => {
    expect(changedFields({ before: null, after: { planId: plan, title: "Proofread" } }, names, String)).toEqual([
      { field: "Title", before: "—", after: "Proofread" },
    ]);
    expect(
      sentenceText(describeAuditEntry(entry({ action: "member.updated", targetUserId: ada, after: { phone: "+1", name: "A", firstName: "Ada" } }), names)),
    ).toBe("Ada Admin updated their details (first name, phone)");
  });

  it("A1: nothing recorded reads '—', never 'null'", () => {
    expect(changedFields({ before: { phone: null }, after: { phone: "+1 555" } }, names, String)).toEqual([
      { field: "Phone", before: "—", after: "+1 555" },
    ]);
  });
});

describe("relative times", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it.each([
    ["2026-11-24T11:59:40Z", "just now"],
    ["2026-11-24T11:58:00Z", "2 minutes ago"],
    ["2026-11-24T09:00:00Z", "3 hours ago"],
    ["2026-11-23T10:00:00Z", "yesterday"],
    ["2026-11-20T12:00:00Z", "4 days ago"],
    ["2026-10-01T12:00:00Z", "1 Oct 2026"],
  ])("%s reads %s", (when, text) => {
    expect(formatRelative(when, now)).toBe(text);
  });
});

describe("403 pages say who may open them", () => {
  it.each([
    ["/o/acme/activity", "Only Admins can see this"],
    ["/o/acme/settings/subscription", "Only Admins can see this"],
    ["/o/acme/products", "Only Admins can see this"],
    ["/o/acme/users/invite", "Only Admins and Managers can see this"],
    ["/o/acme/invites", "Only Admins and Managers can see this"],
    ["/o/acme/users/1234", "You can't edit this member"],
    ["/o/acme/plans/1234/users", "Only the plan's subscriber and Admins can see this"],
    ["/o/acme/plans/1234/transfer", "Only the plan's subscriber can see this"],
    ["/o/acme/plans/1234", "Only the plan's users can see this"],
    ["/o/acme/elsewhere", "You don't have access to this page"],
  ])("%s → %s", (pathname, title) => {
    expect(forbiddenNotice(pathname).title).toBe(title);
  });
});
