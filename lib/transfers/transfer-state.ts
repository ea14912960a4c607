import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";

export type TransferState = "pending" | "accepted" | "declined" | "cancelled" | "expired" | "void";

/** O1: a pending transfer past its expiry is expired everywhere, whether or not the sweep ran. */
export function effectiveTransferState(t: { state: TransferState; expiresAt: Date }, now = new Date()): TransferState {
  return t.state === "pending" && t.expiresAt <= now ? "expired" : t.state;
}

export const transferStateLabels: Record<TransferState, string> = {
  pending: "Waiting for an answer",
  accepted: "Accepted",
  declined: "Declined",
  cancelled: "Cancelled",
  expired: "Expired",
  void: "No longer valid",
};

/**
 * O2: why a transfer can no longer be answered or cancelled — accepted, declined, cancelled,
 * expired, or void (a party left, the plan was reassigned) — as the error the action answers.
 */
export function transferClosedError(t: { state: TransferState; expiresAt: Date }, now = new Date()): AppError | null {
  switch (effectiveTransferState(t, now)) {
    case "pending":
      return null;
    case "accepted":
      return new AppError("ALREADY_USED", "This transfer was already accepted.");
    case "declined":
      return new AppError("CONFLICT", "This transfer was declined.");
    case "cancelled":
      return new AppError("CONFLICT", "This transfer was cancelled by the subscriber.");
    case "expired":
      return new AppError("EXPIRED", `This transfer expired on ${formatDate(t.expiresAt)}. Ask the subscriber to send a new one.`);
    case "void":
      return new AppError("CONFLICT", "This transfer is no longer valid: the plan or one of the people changed since it was sent.");
  }
}
