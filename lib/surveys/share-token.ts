import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { isTokenShaped } from "@/lib/token-shape";

/**
 * A survey's share link: 256 random bits. The SHA-256 finds the survey (docs/decisions/022); the
 * token itself is kept sealed (sealShareToken) so the link can be shown again (docs/decisions/060).
 */
export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are base64url; anything else is not a link we made (and never reaches the database). */
export function isShareTokenShape(token: string): boolean {
  return isTokenShaped(token);
}

export function shareUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/s/${token}`;
}

const SEAL_VERSION = "v1";

/** The sealing key: HKDF-SHA256 of AUTH_SECRET, for this one purpose (a leaked key opens links only). */
function sealingKey(secret = process.env.AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set: share links cannot be sealed.");
  return Buffer.from(hkdfSync("sha256", secret, "seatwise", "survey-share-link/v1", 32));
}

/**
 * Seals a share token for storage (AES-256-GCM, a fresh 96-bit nonce each time), bound to its
 * survey: a sealed value copied onto another survey's row does not open there.
 */
export function sealShareToken(token: string, surveyId: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret), iv);
  cipher.setAAD(Buffer.from(surveyId));
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/**
 * The token of a sealed share link, or null when it cannot be opened (another secret, another
 * survey, tampered): the page then offers Replace, as for links made before sealing.
 */
export function openShareToken(sealed: string, surveyId: string, secret?: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(surveyId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const token = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    return isShareTokenShape(token) ? token : null;
  } catch {
    return null;
  }
}

/**
 * The share link as its manager sees it on the survey's page (#14.9): the URL when it can be shown,
 * `legacy` for a link made before tokens were sealed (only Replace gives one to copy). Callers
 * pass only what canManageSurveyShareLink allowed: nobody else gets the URL.
 */
export function shareLinkForManager(
  survey: { id: string; hasShareLink: boolean; shareTokenSealed: string | null },
  baseUrl: string,
): { state: "none" } | { state: "shown"; url: string } | { state: "legacy" } {
  if (!survey.hasShareLink) return { state: "none" };
  const token = survey.shareTokenSealed ? openShareToken(survey.shareTokenSealed, survey.id) : null;
  return token ? { state: "shown", url: shareUrl(baseUrl, token) } : { state: "legacy" };
}

/**
 * What a merge does to the merged-away survey's share link (#14.10, docs/decisions/061): carried
 * over to the target when the target has none (its respondents keep answering, now into the
 * target), ended when the target has its own; "none" when the source has no link.
 */
export function shareLinkAfterMerge(source: { hasShareLink: boolean }, target: { hasShareLink: boolean }): "none" | "carried" | "ends" {
  if (!source.hasShareLink) return "none";
  return target.hasShareLink ? "ends" : "carried";
}
