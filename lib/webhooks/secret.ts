import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Webhook signing secrets (SPEC W1). A secret must be read back to sign each delivery, so it is
 * stored encrypted (AES-256-GCM) with a key derived from AUTH_SECRET by HKDF, not hashed: a copy
 * of the database alone does not reveal it. Rotating AUTH_SECRET makes the stored secrets
 * unreadable; deliveries then fail with a clear reason and the endpoint must be recreated
 * (docs/decisions/075).
 */
function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: webhook signing secrets cannot be encrypted or read.");
  return Buffer.from(hkdfSync("sha256", secret, "seatwise", "webhook-signing-secret-v1", 32));
}

/** A new secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), ciphertext.toString("base64"), cipher.getAuthTag().toString("base64")].join(":");
}

export function decryptWebhookSecret(stored: string): string {
  const [version, iv, ciphertext, tag] = stored.split(":");
  if (version !== "v1" || !iv || !ciphertext || !tag) throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}
