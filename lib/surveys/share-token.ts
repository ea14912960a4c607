import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { isTokenShaped } from "@/lib/token-shape";

/** A survey's share link: 256 random bits; only the SHA-256 is stored (docs/decisions/022). */
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
