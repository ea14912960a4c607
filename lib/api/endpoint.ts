import { z } from "zod";

/**
 * One endpoint of the public API: its method, path, and the zod schemas its route validates with.
 * The route handler (lib/api/route.ts) and the OpenAPI document (lib/api/openapi.ts) both read
 * this one definition, so the document cannot describe a request the route does not accept.
 */
export type Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI form, relative to /api/v1: `/orgs/{org}/members/{userId}`. */
  path: string;
  operationId: string;
  tag: "Members" | "Invitations" | "Plans" | "Transfers" | "Surveys" | "Activity" | "Webhooks" | "Domains" | "Provisioning";
  summary: string;
  description?: string;
  /** Path parameters, `org` included. */
  params: P;
  query?: Q;
  body?: B;
  /** The success answer's body; undefined for 204. */
  response?: R;
  status: 200 | 201 | 204;
  /** The problem codes this endpoint may answer besides the common ones (401, 404, 400, 429). */
  errors?: number[];
};

/** The parsed value of an optional part (query, body): undefined when the endpoint has none. */
type Parsed<S> = [NonNullable<S>] extends [never] ? undefined : NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;

export type EndpointInput<E extends Endpoint> = {
  params: z.output<E["params"]>;
  query: Parsed<E["query"]>;
  body: Parsed<E["body"]>;
};

export type EndpointOutput<E extends Endpoint> = [NonNullable<E["response"]>] extends [never]
  ? void
  : NonNullable<E["response"]> extends z.ZodType
    ? z.input<NonNullable<E["response"]>>
    : void;

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined, R extends z.ZodType | undefined = undefined>(
  endpoint: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return endpoint;
}
