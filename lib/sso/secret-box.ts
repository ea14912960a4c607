import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets at rest (SPEC D3: the identity provider's client secret): AES-256-GCM with a key derived
 * from AUTH_SECRET by HKDF-SHA256, so a copy of the database alone opens nothing. Rotating
 * AUTH_SECRET makes stored secrets unreadable: an Admin enters the client secret again.
 */
function key(purpose: string): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: secrets cannot be encrypted.");
  return Buffer.from(hkdfSync("sha256", secret, "seatwise-secret-box", purpose, 32));
}

export function sealSecret(plain: string, purpose = "sso-client-secret"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function openSecret(sealed: string, purpose = "sso-client-secret"): string {
  const [version, payload] = sealed.split(".");
  if (version !== "v1" || !payload) throw new Error("Unknown secret format.");
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
