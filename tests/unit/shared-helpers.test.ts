import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bulkOutcomeTone } from "@/components/members/person-row";
import { namesList, plural } from "@/lib/format";
import { seatsFull, seatsLeft } from "@/lib/seats/seats-left";
import { isTokenShaped, secretTokenPattern } from "@/lib/token-shape";
import { secretTokenPattern as fromTokens } from "@/lib/tokens";

describe("#14.24 one plural, one token shape, one seats-left", () => {
  it("#14.24 plural: one word, regular and irregular", () => {
    expect(plural(1, "seat")).toBe("1 seat");
    expect(plural(0, "seat")).toBe("0 seats");
    expect(plural(3, "person", "people")).toBe("3 people");
  });
  it("#14.6 namesList names the first few and counts the rest", () => {
    expect(namesList(["Ana"])).toBe("Ana");
    expect(namesList(["Ana", "Bo"])).toBe("Ana and Bo");
    expect(namesList(["Ana", "Bo", "Cy"])).toBe("Ana, Bo and Cy");
    expect(namesList(["Ana", "Bo", "Cy", "Di", "Ed"])).toBe("Ana, Bo, Cy and 2 more");
  });
  it("#14.24 T1 T2 P3 seats left: none under the limit, null when unlimited, never negative", () => {
    expect(seatsLeft({ limit: 10, used: 7 })).toBe(3);
    expect(seatsLeft({ limit: 4, used: 6 })).toBe(0);
    expect(seatsLeft({ limit: null, used: 600 })).toBeNull();
    expect(seatsFull({ limit: 4, used: 4 })).toBe(true);
    expect(seatsFull({ limit: 4, used: 3 })).toBe(false);
    expect(seatsFull({ limit: null, used: 10_000 })).toBe(false);
  });
  it("#14.24 I2 one token shape for every link: base64url of 20–200 characters", () => {
    expect(fromTokens).toBe(secretTokenPattern);
    expect(isTokenShaped("A".repeat(43))).toBe(true);
    expect(isTokenShaped("abc_-DEF".repeat(5))).toBe(true);
    expect(isTokenShaped("short")).toBe(false);
    expect(isTokenShaped("a".repeat(201))).toBe(false);
    expect(isTokenShaped(`${"a".repeat(30)}'; drop`)).toBe(false);
  });
});

describe("#14.6 a bulk result is green only when every row was done", () => {
  it("#14.6 all done: green; some not done: amber; none done: red", () => {
    expect(bulkOutcomeTone([{ ok: true }, { ok: true }])).toBe("ok");
    expect(bulkOutcomeTone([{ ok: true }, { ok: false }])).toBe("partial");
    expect(bulkOutcomeTone([{ ok: false }, { ok: false }])).toBe("error");
  });
});

describe("#14.24 rules in one place: guards over the source", () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
    });
  const root = path.resolve(__dirname, "../..");

  it("#14.24 N1 one notification writer: no service inserts notifications but lib/notifications/write-notifications.ts", () => {
    const writers = files(path.join(root, "lib"))
      .filter((f) => /insert\(notifications\)/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(writers).toEqual(["lib/notifications/write-notifications.ts"]);
  });

  it("#14.24 pages and components never compare roles to decide what someone may do (a badge's colour for Admin aside)", () => {
    const offenders = [...files(path.join(root, "app")), ...files(path.join(root, "components"))]
      .filter((f) => /role\s*(===|!==)\s*"(manager|user)"|role\s*!==\s*"admin"/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("#14.24 one plural: no module writes its own", () => {
    const own = [...files(path.join(root, "lib")), ...files(path.join(root, "components")), ...files(path.join(root, "app"))]
      .filter((f) => /const plural = /.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(own).toEqual([]);
  });
});
