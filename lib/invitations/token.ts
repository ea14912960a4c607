import "server-only";
import { hashSecretToken, newSecretToken } from "@/lib/tokens";

/** SPEC I2: 256 random bits; only the SHA-256 is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  return newSecretToken();
}

export function hashInvitationToken(token: string): string {
  return hashSecretToken(token);
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_TTL_MS);
}

export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/invite/${token}`;
}
