import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireMember, type MemberContext } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { logUnexpectedError } from "@/lib/log-error";

const orgSlugSchema = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);

/** An AppError as the JSON answer of a route handler: its status, its code and its message. */
export function errorResponse(error: unknown): Response {
  unstable_rethrow(error);
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, { status: error.status });
  }
  logUnexpectedError("route", error);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

/**
 * The wrapper for route handlers inside an organization, like memberAction for server actions:
 * the session, then the caller's active membership of the organization in the URL (another
 * organization answers 404 exactly like one that does not exist), then the handler.
 */
export function memberRoute<P extends { org: string }>(
  handler: (request: Request, ctx: MemberContext, params: P) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const resolved = await params;
      const slug = orgSlugSchema.safeParse(resolved.org);
      if (!slug.success) throw new AppError("NOT_FOUND", "This organization was not found.");
      const ctx = await requireMember(slug.data);
      return await handler(request, ctx, resolved);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
