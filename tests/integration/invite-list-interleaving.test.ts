import { actAs, form, idle } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { emailOutbox, invitations } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { makeOrg } from "../support/factories";
import { addNamedMember, uniqueEmail } from "../support/state";

/**
 * Invite Teammate checks R1 for the whole list first, then sends each address in its own
 * transaction, checking again under the lock. When something changes in between, the refusal is
 * that address's own result and the answer lists what was sent (T3: nothing half-done unsaid).
 * The interleaving is forced: the per-address limit, called just before each address's
 * transaction, runs the "meanwhile" once.
 */
const meanwhile: { run: (() => Promise<void>) | null } = { run: null };

vi.mock("@/lib/rate-limit", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/rate-limit")>();
  return {
    ...original,
    hitInvitationEmailLimit: async (...args: Parameters<typeof original.hitInvitationEmailLimit>) => {
      const run = args[1] === secondAddress.value ? meanwhile.run : null;
      if (run) {
        meanwhile.run = null;
        await run();
      }
      return original.hitInvitationEmailLimit(...args);
    },
  };
});

const secondAddress = { value: "" };
const t = setupTestDatabase();

describe("T3/R1 Invite Teammate when a later address changes under the list", () => {
  it("R1/T3: an Admin invites the second address as Manager after the Manager's list was checked: the first is invited, the second is 'refused' with the reason, nothing else", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    const [first, second] = [uniqueEmail("first"), uniqueEmail("second")];
    secondAddress.value = second;
    meanwhile.run = async () => {
      actAs(admin.id);
      const byAdmin = await inviteMembersAction(idle, form({ org: org.slug, emails: second, role: "manager" }));
      expect(byAdmin.data).toEqual([expect.objectContaining({ email: second, outcome: "invited" })]);
      actAs(manager.id);
    };
    actAs(manager.id);
    const answer = await inviteMembersAction(idle, form({ org: org.slug, emails: `${first}\n${second}`, role: "user" }));
    expect(answer.ok).toBe(true);
    expect(answer.data).toEqual([
      expect.objectContaining({ email: first, outcome: "invited" }),
      expect.objectContaining({ email: second, outcome: "refused", message: expect.stringContaining("a role you cannot grant") }),
    ]);
    // The second address keeps the Admin's Manager invitation, untouched by the Manager's list.
    const [kept] = await t.db.select().from(invitations).where(and(eq(invitations.orgId, org.id), eq(invitations.email, second)));
    expect(kept).toMatchObject({ role: "manager", status: "pending", invitedById: admin.id });
    const mails = await t.db.select({ to: emailOutbox.to }).from(emailOutbox).where(eq(emailOutbox.to, second));
    expect(mails).toHaveLength(1);
  });
});
