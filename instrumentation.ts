/**
 * Runs once when a server process starts, before it serves requests: the public URL is fixed, the
 * database is migrated (and seeded when empty), and the email sender's retry loop (SPEC E1), the
 * transfer expiry sweep (O1) and the pruning of ended rate-limit windows start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { warnAboutUnsafeSettings } = await import("./lib/setup/startup-warnings");
  warnAboutUnsafeSettings();
  const { publicBaseUrl } = await import("./lib/url");
  // Every link Auth.js and the app email is built on this, never on a request's Host header.
  process.env.AUTH_URL ??= publicBaseUrl();
  const { prepareDatabase } = await import("./db/prepare");
  await prepareDatabase();
  const { startEmailSender } = await import("./lib/email/sender");
  startEmailSender();
  // O1: pending ownership transfers past their 7 days become expired, and both sides are told.
  const { startTransferExpirySweep } = await import("./lib/transfers/expire-transfers");
  startTransferExpirySweep();
  // W1: webhook deliveries after commit, with retries; and invitation.expired, announced once per expiry.
  const { startWebhookSender } = await import("./lib/webhooks/sender");
  startWebhookSender();
  const { startInvitationExpirySweep } = await import("./lib/invitations/announce-expired-invitations");
  startInvitationExpirySweep();
  const { startRateLimitPruning } = await import("./lib/rate-limit");
  startRateLimitPruning();
  // K3: Idempotency-Keys older than 24 hours.
  const { startIdempotencyPruning } = await import("./lib/api/idempotency");
  startIdempotencyPruning();
  // W1 and issue 17: delivery and provisioning logs older than SEATWISE_HISTORY_DAYS (30).
  const { startHistoryPruning } = await import("./lib/retention/prune-history");
  startHistoryPruning();
}
