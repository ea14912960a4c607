import { describe, expect, it } from "vitest";
import { apiStatus, problem } from "@/lib/api/problem";
import { describeAuditEntry, sentenceText } from "@/lib/audit/describe";
import { canGrantTokenRole, canManageApiTokens, roles, tokenEffectiveRole, type Role } from "@/lib/permissions";

const rank: Record<Role, number> = { user: 1, manager: 2, admin: 3 };

describe("K1/K2 the token rules, every role against every role", () => {
  for (const creator of roles) {
    for (const token of roles) {
      it(`K1 a ${creator} ${canGrantTokenRole(creator, token) ? "may" : "may not"} create a ${token} token`, () => {
        expect(canGrantTokenRole(creator, token)).toBe(creator === "admin" && rank[token] <= rank[creator]);
      });
      it(`K2 a ${token} token of an active ${creator} ${rank[token] <= rank[creator] ? "acts as " + token : "stops working"}`, () => {
        expect(tokenEffectiveRole(token, { role: creator, status: "active" })).toBe(rank[token] <= rank[creator] ? token : null);
        expect(tokenEffectiveRole(token, { role: creator, status: "suspended" })).toBeNull();
      });
    }
    it(`K2 a token whose creator is gone stops working`, () => {
      expect(tokenEffectiveRole(creator, null)).toBeNull();
    });
  }
  it("K1 only Admins manage tokens", () => {
    expect(roles.filter(canManageApiTokens)).toEqual(["admin"]);
  });
});

describe("§11 Activity names the door", () => {
  const entry = { action: "member.suspended", actorId: "a", actorEmail: "ada@x.test", targetUserId: "u", targetEmail: "una@x.test", subjectType: null, subjectId: null, before: null, after: null };
  const names = { people: new Map([["a", "Ada Admin"], ["u", "Una User"]]), subjects: new Map(), orgName: "Acme" };
  it("§11 an entry made with a token ends with “via API token 'name'”; one made on a page does not", () => {
    expect(sentenceText(describeAuditEntry({ ...entry, via: { door: "api_token", tokenId: "t", name: "HR sync" } }, names))).toBe("Ada Admin suspended Una User via API token 'HR sync'");
    expect(sentenceText(describeAuditEntry({ ...entry, via: null }, names))).toBe("Ada Admin suspended Una User");
  });
});

describe("K3 problem details", () => {
  it("K3 a problem has type, title, status, detail and code; VALIDATION is 400 in the API; fields only when there are some", () => {
    expect(problem("SEAT_LIMIT", "No seat left.")).toEqual({ type: "/docs/api#problem-seat-limit", title: "No seat left on this tier", status: 409, detail: "No seat left.", code: "SEAT_LIMIT" });
    expect(problem("VALIDATION", "Bad.", { fields: { role: ["Choose a role."] } })).toMatchObject({ status: 400, fields: { role: ["Choose a role."] } });
    expect(problem("FORBIDDEN", "No.", { fields: {} })).not.toHaveProperty("fields");
    expect(apiStatus("UNAUTHENTICATED")).toBe(401);
    expect(apiStatus("INTERNAL")).toBe(500);
  });
});
