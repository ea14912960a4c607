import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { endpoints, ProblemSchema } from "./endpoints";
import { problemTitles } from "./problem";

const statusWords: Record<number, string> = {
  400: "The request is not valid (VALIDATION, with `fields`).",
  401: "No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role.",
  403: "The token's role may not do this (FORBIDDEN). Nothing was changed.",
  404: "Not found — also another organization's ids.",
  409: "Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED …",
  410: "Expired or revoked.",
  429: "Too many requests for this token; see Retry-After.",
};

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoints' own zod schemas
 * (lib/api/endpoints.ts) — the ones lib/api/route.ts validates each request with (K3).
 */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "An organization API token (`sw_…`), created by an Admin under Settings → API tokens.",
  });
  for (const e of endpoints) {
    const errors = [...new Set([400, 401, 404, 429, ...(e.errors ?? [])])].sort();
    const success =
      e.status === 204
        ? { description: "Done." }
        : { description: e.status === 201 ? "Created." : "OK.", content: { "application/json": { schema: e.response ?? z.object({}) } } };
    registry.registerPath({
      method: e.method,
      path: e.path,
      operationId: e.operationId,
      tags: [e.tag],
      summary: e.summary,
      description: e.description,
      security: [{ [bearer.name]: [] }],
      request: {
        params: e.params as z.ZodObject,
        ...(e.query ? { query: e.query as z.ZodObject } : {}),
        ...(e.method === "post"
          ? {
              headers: z.object({
                "Idempotency-Key": z.string().min(1).max(255).optional().meta({
                  description: "Retries with the same key (per token, 24 hours) return the first answer and do nothing twice.",
                }),
              }),
            }
          : {}),
        ...(e.body ? { body: { required: true, content: { "application/json": { schema: e.body } } } } : {}),
      },
      responses: {
        [e.status]: success,
        ...Object.fromEntries(errors.map((status) => [status, { description: statusWords[status] ?? "Error.", content: problemContent }])),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Seatwise API",
      version: "1.0.0",
      description:
        "Members, invitations, plans, transfers, surveys and activity of one organization, under the same rules as the app's pages. Errors are RFC 9457 problem details with the rule's `code`.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
  });
  return cached;
}

/** Every problem code with its title, for the reference page's "Errors" section. */
export const problemCodes = Object.entries(problemTitles);
