// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the endpoints' zod schemas (K3)
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
