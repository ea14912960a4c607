import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument, problemCodes } from "@/lib/api/openapi";
import { apiStatus } from "@/lib/api/problem";
import type { ErrorCode } from "@/lib/errors";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  description?: string;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: Schema }> }>;
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A schema as one line of TypeScript-like text: what a reader needs, without the JSON Schema noise. */
function typeText(schema: Schema | undefined, depth = 0): string {
  if (!schema) return "—";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((s) => typeText(s, depth)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes("null");
  const main = types.find((t) => t !== "null");
  let text: string;
  if (main === "array") text = `${typeText(schema.items, depth)}[]`;
  else if (main === "object" && schema.properties) {
    if (depth > 1) text = "object";
    else
      text = `{ ${Object.entries(schema.properties)
        .map(([k, v]) => `${k}${schema.required?.includes(k) ? "" : "?"}: ${typeText(v, depth + 1)}`)
        .join("; ")} }`;
  } else text = main ? (schema.format ? `${main} (${schema.format})` : main) : "any";
  return nullable ? `${text} | null` : text;
}

function limits(schema: Schema | undefined): string {
  if (!schema) return "";
  const parts = [
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} characters` : null,
    schema.maxItems !== undefined ? `≤ ${schema.maxItems} items` : null,
    schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : null,
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
  ].filter(Boolean);
  return parts.join(", ");
}

const methodTone: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-green-100 text-green-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

/** K3: the API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiReferencePage() {
  const doc = openApiDocument();
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => ["get", "post", "patch", "delete"].includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
  const tags = (doc.tags ?? []).map((t) => t.name);
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 text-gray-800">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Seatwise</p>
      <h1 className="mt-1 text-3xl font-bold text-gray-900">API reference</h1>
      <p className="mt-3 max-w-3xl text-sm leading-6">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable: <a className="font-medium text-indigo-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>

      <nav aria-label="On this page" className="mt-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {["Authentication", "Errors", "Idempotency and limits", ...tags].map((name) => (
          <a key={name} href={`#${name.toLowerCase().replace(/\W+/g, "-")}`} className="text-indigo-700 underline">
            {name}
          </a>
        ))}
      </nav>

      <section id="authentication" className="mt-10 space-y-3 text-sm leading-6">
        <h2 className="text-xl font-semibold text-gray-900">Authentication</h2>
        <p>
          An Admin creates a token under <strong>Settings → API tokens</strong> in the organization (name, role, expiry). Send it on every request;
          the organization in the URL is its slug, as in the app&apos;s <code>/o/&#123;org&#125;</code>.
        </p>
        <pre className="overflow-x-auto rounded-lg bg-gray-900 p-4 text-xs text-gray-100">
          {`curl -H "Authorization: Bearer $SEATWISE_TOKEN" \\
  "$SEATWISE_URL/api/v1/orgs/acme-castings/members?limit=50"

curl -X POST -H "Authorization: Bearer $SEATWISE_TOKEN" \\
  -H "Content-Type: application/json" -H "Idempotency-Key: hire-2026-0042" \\
  -d '{"emails":["new.hire@acme.test"],"role":"user"}' \\
  "$SEATWISE_URL/api/v1/orgs/acme-castings/invitations"`}
        </pre>
        <p>
          A token acts as a member of its role — every rule of the app applies to it as to a person of that role — and never above its creator&apos;s
          role of the moment: if the creator leaves, is suspended or is demoted below the token&apos;s role, the token answers 401. Actions done
          with a token show in Activity as “… via API token &apos;name&apos;”.
        </p>
      </section>

      <section id="errors" className="mt-10 space-y-3 text-sm leading-6">
        <h2 className="text-xl font-semibold text-gray-900">Errors</h2>
        <p>
          Errors are <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>,{" "}
          <code>detail</code> and <code>code</code>, the rule that refused; <code>fields</code> names the fields of a VALIDATION error. Another
          organization&apos;s ids answer 404 exactly like ids that do not exist.
        </p>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200 text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Code</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
                <th scope="col" className="py-2 font-semibold">Title</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {problemCodes.map(([code, title]) => (
                <tr key={code} id={`problem-${code.toLowerCase().replace(/_/g, "-")}`}>
                  <td className="py-2 pr-4 font-mono text-xs">{code}</td>
                  <td className="py-2 pr-4">{apiStatus(code as ErrorCode | "INTERNAL")}</td>
                  <td className="py-2">{title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="idempotency-and-limits" className="mt-10 space-y-3 text-sm leading-6">
        <h2 className="text-xl font-semibold text-gray-900">Idempotency and limits</h2>
        <p>
          Send an <code>Idempotency-Key</code> header (1–255 visible characters) with any POST: a retry with the same key, from the same token, within
          24 hours returns the first answer — success or refusal — with <code>Idempotent-Replayed: true</code>, and nothing happens twice, even when
          the copies arrive at the same moment. The same key with a different request is 409.
        </p>
        <p>
          Each token may make 600 requests a minute (the operator may change it); over that the answer is 429 with <code>Retry-After</code> in
          seconds. Lists page with <code>?cursor=</code> (the previous page&apos;s <code>nextCursor</code>) and <code>limit</code> (at most 200).
        </p>
      </section>

      {tags.map((tag) => (
        <section key={tag} id={tag.toLowerCase()} className="mt-12">
          <h2 className="text-xl font-semibold text-gray-900">{tag}</h2>
          <div className="mt-4 space-y-6">
            {operations
              .filter(({ op }) => op.tags?.includes(tag))
              .map(({ path, method, op }) => {
                const body = op.requestBody?.content["application/json"]?.schema;
                const bodySchema = body?.$ref ? schemas[refName(body.$ref)] : body;
                const params = op.parameters ?? [];
                return (
                  <article key={op.operationId} id={op.operationId} className="rounded-lg p-5 ring-1 ring-gray-200">
                    <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                      <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${methodTone[method]}`}>{method}</span>
                      <span className="break-all">/api/v1{path}</span>
                    </h3>
                    <p className="mt-2 text-sm font-medium text-gray-900">{op.summary}</p>
                    {op.description ? <p className="mt-1 text-sm text-gray-600">{op.description}</p> : null}
                    {params.length ? (
                      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
                        {params.map((p) => (
                          <div key={`${p.in}-${p.name}`} className="contents">
                            <dt className="font-mono text-xs">
                              {p.name}
                              <span className="ml-1 text-gray-500">({p.in}{p.required ? ", required" : ""})</span>
                            </dt>
                            <dd className="text-gray-700">
                              <code className="text-xs">{typeText(p.schema)}</code> {limits(p.schema)} {p.schema?.description ?? p.description ?? ""}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                    {bodySchema ? (
                      <div className="mt-3 text-sm">
                        <p className="font-medium">Body (JSON)</p>
                        <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
                          {Object.entries(bodySchema.properties ?? {}).map(([name, s]) => (
                            <div key={name} className="contents">
                              <dt className="font-mono text-xs">
                                {name}
                                {bodySchema.required?.includes(name) ? <span className="ml-1 text-gray-500">(required)</span> : null}
                              </dt>
                              <dd>
                                <code className="text-xs">{typeText(s)}</code> {limits(s)} {s.description ?? ""}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      </div>
                    ) : null}
                    <ul className="mt-3 flex flex-wrap gap-2 text-xs">
                      {Object.entries(op.responses).map(([status, r]) => {
                        const schema = r.content?.["application/json"]?.schema;
                        return (
                          <li key={status} className="rounded bg-gray-100 px-2 py-1" title={r.description}>
                            <strong>{status}</strong> {schema ? typeText(schema) : r.content ? "Problem" : r.description}
                          </li>
                        );
                      })}
                    </ul>
                  </article>
                );
              })}
          </div>
        </section>
      ))}

      <section className="mt-12 text-sm">
        <h2 className="text-xl font-semibold text-gray-900">Shapes</h2>
        <dl className="mt-3 space-y-2">
          {Object.entries(schemas).map(([name, s]) => (
            <div key={name} id={`schema-${name}`}>
              <dt className="font-mono text-xs font-semibold">{name}</dt>
              <dd className="font-mono text-xs text-gray-700">{typeText(s)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="mt-10 text-sm">
        <Link href="/" className="text-indigo-700 underline">
          Back to Seatwise
        </Link>
      </p>
    </main>
  );
}
