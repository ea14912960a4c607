import "server-only";
import { hashSecretToken, newSecretToken } from "@/lib/tokens";

/** D1: the verification link's token — 256 random bits, only its SHA-256 stored (like I2). */
export const DOMAIN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const newDomainToken = newSecretToken;
export const hashDomainToken = hashSecretToken;

export function domainVerificationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/domains/verify/${token}`;
}

/** The domain part of an address, lower-cased ("Ann@Acme.COM" → "acme.com"). */
export function domainOfEmail(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).trim().toLowerCase();
}
