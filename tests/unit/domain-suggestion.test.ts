import { describe, expect, it } from "vitest";
import { suggestDomain } from "@/lib/invitations/domain-suggestion";

describe("#14.15 did you mean …? on Invite Teammate", () => {
  const known = ["brightforge.test", "acme.test"];
  it("I1 #14.15 a domain one or two edits from the members' domain suggests it", () => {
    expect(suggestDomain("ana@brigthforge.test", known)).toBe("ana@brightforge.test");
    expect(suggestDomain("ana@brightforge.tset", known)).toBe("ana@brightforge.test");
    expect(suggestDomain("ana@brightfoge.test", known)).toBe("ana@brightforge.test");
    expect(suggestDomain("ana@acne.test", known)).toBe("ana@acme.test");
  });
  it("I1 #14.15 a known domain, a distant one, or a tie suggests nothing", () => {
    expect(suggestDomain("ana@brightforge.test", known)).toBeNull();
    expect(suggestDomain("ana@BrightForge.test", known)).toBeNull();
    expect(suggestDomain("ana@gmail.com", known)).toBeNull();
    expect(suggestDomain("ana@zzzz.test", known)).toBeNull();
    expect(suggestDomain("ana@ab.tt", ["ac.tx"])).toBeNull(); // two edits on a short domain
    expect(suggestDomain("ana@abc.test", ["abd.test", "abe.test"])).toBeNull();
    expect(suggestDomain("not-an-address", known)).toBeNull();
    expect(suggestDomain("ana@brigthforge.test", [])).toBeNull();
  });
});
