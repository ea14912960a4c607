import fs from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { endpoints } from "@/lib/api/endpoints";

const typesFile = path.join(__dirname, "../support/api-types.ts");
const header = "// Generated from GET /api/v1/openapi.json by tests/unit/api-openapi.test.ts (UPDATE_API_TYPES=1 rewrites it). Do not edit.\n\n";

async function servedDocument() {
  const response = GET();
  expect(response.status).toBe(200);
  return response.json();
}

describe("K3 the OpenAPI document", () => {
  it("K3 is OpenAPI 3.1 and describes every endpoint the routes serve, with problem+json errors", async () => {
    const doc = await servedDocument();
    expect(doc.openapi).toBe("3.1.0");
    for (const e of endpoints) {
      const op = doc.paths?.[e.path]?.[e.method];
      expect(op?.operationId, `${e.method} ${e.path}`).toBe(e.operationId);
      expect(op.responses["401"].content["application/problem+json"]).toBeDefined();
      if (e.method === "post") expect(op.parameters.some((p: { name: string; in: string }) => p.in === "header" && p.name === "Idempotency-Key")).toBe(true);
    }
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "detail", "code"]));
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("K3 the typed test client's types are generated from the served document and have not drifted", async () => {
    const generated = header + astToString(await openapiTS(await servedDocument()));
    if (process.env.UPDATE_API_TYPES === "1") fs.writeFileSync(typesFile, generated);
    expect(fs.readFileSync(typesFile, "utf8"), "tests/support/api-types.ts is stale: run UPDATE_API_TYPES=1 npx vitest run tests/unit/api-openapi.test.ts").toBe(generated);
  });
});
