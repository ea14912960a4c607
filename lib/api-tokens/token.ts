import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** `sw_` and 256 random bits in base64url: 46 characters. */
export const API_TOKEN_PATTERN = /^sw_[A-Za-z0-9_-]{43}$/;
/** What lists show of a token: `sw_` and its first 8 random characters. */
const PREFIX_LENGTH = 11;

export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `sw_${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, PREFIX_LENGTH) };
}

/** Only this SHA-256 is stored (K1): a copy of the database holds no usable token. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
