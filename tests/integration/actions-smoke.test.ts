import { actAs, form, idle } from "../support/next-mocks";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { invitations } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { makeOrgWithMembers } from "../support/factories";

const t = setupTestDatabase();

describe("server actions called directly", () => {
  it("R1: an action checks the session and the organization before anything else", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin"]);
    actAs(null);
    const anonymous = await inviteMembersAction(idle, form({ org: org.slug, emails: "a@example.test", role: "user" }));
    expect(anonymous.code).toBe("UNAUTHENTICATED");
    actAs(members[0].user.id);
    const ok = await inviteMembersAction(idle, form({ org: org.slug, emails: "a@example.test", role: "user" }));
    expect(ok.ok).toBe(true);
    expect(await t.db.select().from(invitations).where(eq(invitations.orgId, org.id))).toHaveLength(1);
  });
});
