import { actAs, form, idle } from "../support/next-mocks";
import { eq, ne } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { invitePlanUserAction, transferToNewPersonAction } from "@/app/o/[org]/plans/actions";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { createOrganizationAction } from "@/app/onboarding/actions";
import { emailOutbox, organizations } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { deliverDueEmails, MAX_ATTEMPTS } from "@/lib/email/sender";
import type { Transport } from "@/lib/email/transport";
import { listOpenInvitations } from "@/lib/invitations/queries";
import { setupTestDatabase } from "../support/db";
import { freezeDateInEachTest } from "../support/clock";
import { makeInvitation, makeOrg, makeUser } from "../support/factories";
import { planWorld } from "../support/plans";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/** The smaller items of the hardening review (issue 6), each with the test that holds it. */
const t = setupTestDatabase();
// #14.25: every hit of a test counts in one rate-limit window, wherever the wall clock stands.
freezeDateInEachTest();

async function scene() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const manager = (await addNamedMember(t.db, org.id, "manager")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  return { org, admin, manager, user };
}

describe("E1/I3 invitation emails are limited on every path and never lost silently", () => {
  it("I3: Resend shares Invite's per-address limit: after five emails to one address, a sixth by Resend is RATE_LIMITED and writes nothing", async () => {
    const { org, admin } = await scene();
    const email = uniqueEmail("resend-flood");
    actAs(admin.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }))).toMatchObject({ ok: true });
    const [invitation] = (await listOpenInvitations({ org: { id: org.id } } as MemberContext)).filter((i) => i.email === email);
    for (let i = 0; i < 4; i++) {
      expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
    }
    const refused = await expectNoChange(t.db, () => resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id })));
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    // …and Invite, counted on the same key, is limited too.
    const again = await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }));
    expect(again.data).toEqual([expect.objectContaining({ email, outcome: "rate_limited" })]);
  });

  it("E1/I3: Send Invitation (Add User To Plan), Transfer Ownership to a new person and Invite Supplier count on the same per-address limit; over it each is refused on its email field and writes nothing", async () => {
    const { org, admin, plan } = await planWorld(t.db);
    const email = uniqueEmail("one-address-flood");
    actAs(admin.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }))).toMatchObject({ ok: true });
    const [invitation] = (await listOpenInvitations({ org: { id: org.id } } as MemberContext)).filter((i) => i.email === email);
    for (let i = 0; i < 4; i++) {
      expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
    }
    const person = { email: email.toUpperCase(), firstName: "Flo", lastName: "Od" };
    const attempts = [
      () => invitePlanUserAction(idle, form({ org: org.slug, planId: plan.id, ...person })),
      () => transferToNewPersonAction(idle, form({ org: org.slug, planId: plan.id, attachTransfer: "on", ...person })),
      () => inviteSupplierAction(idle, form({ org: org.slug, companyName: "Flood Supplies", ...person })),
    ];
    for (const attempt of attempts) {
      const refused = await expectNoChange(t.db, attempt);
      expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED", fieldErrors: { email: [expect.stringContaining(email)] } });
    }
  });

  it("I3/R1: a refused request counts nothing: a User posting Send Invitation, Transfer to a new person and Invite Supplier for one address, six times, leaves the Admin free to invite it", async () => {
    const { org, admin, user, plan } = await planWorld(t.db);
    const email = uniqueEmail("blocked-by-user");
    const person = { email, firstName: "Vic", lastName: "Tim" };
    actAs(user.id);
    for (let i = 0; i < 2; i++) {
      for (const attempt of [
        () => invitePlanUserAction(idle, form({ org: org.slug, planId: plan.id, ...person })),
        () => transferToNewPersonAction(idle, form({ org: org.slug, planId: plan.id, attachTransfer: "on", ...person })),
        () => inviteSupplierAction(idle, form({ org: org.slug, companyName: "Victim Supplies", ...person })),
      ]) {
        expect(await expectNoChange(t.db, attempt)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    actAs(admin.id);
    const invited = await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }));
    expect(invited.data).toEqual([expect.objectContaining({ email, outcome: "invited" })]);
  });

  it("I3 #14.17: two organizations using their limits on an address do not stop a third from inviting it (limits are per organization and address)", async () => {
    const email = uniqueEmail("many-orgs");
    const senders = [await scene(), await scene(), await scene()];
    for (const { org, admin } of senders.slice(0, 2)) {
      actAs(admin.id);
      expect(await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }))).toMatchObject({ ok: true });
      const [invitation] = (await listOpenInvitations({ org: { id: org.id } } as MemberContext)).filter((i) => i.email === email);
      for (let i = 0; i < 4; i++) {
        expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
      }
    }
    const third = senders[2];
    actAs(third.admin.id);
    // Each of the two is at its own limit for the address…
    actAs(senders[0].admin.id);
    const again = await expectNoChange(t.db, () => inviteMembersAction(idle, form({ org: senders[0].org.slug, emails: email, role: "user" })));
    expect(again.data).toEqual([expect.objectContaining({ email, outcome: "rate_limited" })]);
    // …and the third organization is not refused because of them (issue 14.17).
    actAs(third.admin.id);
    const allowed = await inviteMembersAction(idle, form({ org: third.org.slug, emails: email, role: "user" }));
    expect(allowed.data).toEqual([expect.objectContaining({ email, outcome: "invited" })]);
  });

  it("E1/I3: an invitation email the sender gives up on is logged and shows as delivery failed on Manage Invites", async () => {
    const { org, admin } = await scene();
    const email = uniqueEmail("bounces");
    actAs(admin.id);
    await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }));
    // Only this email is due: the other tests' emails of this database wait (the sender takes a batch).
    await t.db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() + 86_400_000) }).where(ne(emailOutbox.to, email));
    const failing: Transport = {
      name: "resend",
      async send() {
        throw new Error("Resend refused the email: mailbox does not exist");
      },
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        await t.db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.to, email));
        await deliverDueEmails({ db: t.db, transport: failing });
      }
      expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining(`gave up on email`)]);
      expect(String(logged.mock.calls[0][0])).toContain(email);
      expect(String(logged.mock.calls[0][0])).not.toContain("/invite/");
    } finally {
      logged.mockRestore();
    }
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
    expect(row.status).toBe("failed");
    const listed = (await listOpenInvitations({ org: { id: org.id } } as MemberContext)).find((i) => i.email === email);
    expect(listed?.delivery).toBe("failed");
    // Resend writes a new email, so the row is no longer marked failed.
    expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: listed!.id }))).toMatchObject({ ok: true });
    const relisted = (await listOpenInvitations({ org: { id: org.id } } as MemberContext)).find((i) => i.email === email);
    expect(relisted?.delivery).toBe("pending");
  });
});

describe("§7 clearer answers", () => {
  it("I1: inviting an address with a live invitation of another role says the old role was kept and how to change it", async () => {
    const { org, admin } = await scene();
    const email = uniqueEmail("keeps-role");
    await makeInvitation(t.db, org.id, admin.id, { email, role: "manager" });
    actAs(admin.id);
    const result = await inviteMembersAction(idle, form({ org: org.slug, emails: email, role: "user" }));
    expect(result.data).toEqual([
      expect.objectContaining({ email, outcome: "resent", message: "Resent as Manager, the role of the live invitation; revoke it to change the role." }),
    ]);
  });

  it("R1: a User trying to revoke is told what applies to Users, not to Managers", async () => {
    const { org, admin, user } = await scene();
    const { invitation } = await makeInvitation(t.db, org.id, admin.id);
    actAs(user.id);
    const result = await expectNoChange(t.db, () => revokeInvitationAction(idle, form({ org: org.slug, invitationId: invitation.id })));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", formError: "Only Admins and Managers resend or revoke invitations." });
  });

  it("I5: one person creates at most five organizations a day; the sixth is RATE_LIMITED and nothing is created", async () => {
    const founder = await makeUser(t.db, { email: uniqueEmail("serial-founder") });
    actAs(founder.id);
    for (let i = 0; i < 5; i++) {
      await expect(createOrganizationAction(idle, form({ name: `Venture ${i}` }))).rejects.toMatchObject({
        digest: expect.stringContaining("NEXT_REDIRECT"),
      });
    }
    const sixth = await expectNoChange(t.db, () => createOrganizationAction(idle, form({ name: "Venture 6" })));
    expect(sixth).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    const owned = await t.db.select().from(organizations).where(eq(organizations.name, "Venture 6"));
    expect(owned).toHaveLength(0);
  });
});
