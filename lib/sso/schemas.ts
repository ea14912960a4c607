import { z } from "zod";

/** Checkbox groups arrive as nothing, one string or several: always a list here. */
const idList = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid()).max(200),
);

/**
 * An issuer URL: https, no query or fragment. Plain http only for a provider on this machine and
 * only when SEATWISE_SSO_ALLOW_HTTP=1 (tests and local development; docs/decisions/081).
 */
export const issuerSchema = z
  .string({ error: "Enter the issuer URL of your identity provider." })
  .trim()
  .max(500, "That URL is too long.")
  .pipe(z.url({ error: "Enter a URL, like https://acme.okta.com." }))
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.search || url.hash || url.username || url.password) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && process.env.SEATWISE_SSO_ALLOW_HTTP === "1" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  }, "The issuer must be an https:// URL with no query (like https://acme.okta.com).")
  .transform((value) => value.replace(/\/+$/, ""));

/** D3: Settings → Single sign-on. An empty client secret keeps the stored one. */
export const ssoConnectionSchema = z.object({
  issuer: issuerSchema,
  clientId: z.string({ error: "Enter the client ID." }).trim().min(1, "Enter the client ID.").max(255, "That client ID is too long."),
  clientSecret: z.string().max(2000, "That client secret is too long.").optional().transform((v) => (v ? v.trim() : undefined)),
  /** The verified domains whose addresses sign in through the provider. */
  domainIds: idList,
  /** D4: of those, the domains whose addresses may not use magic links (break-glass Admins excepted). */
  requireSsoDomainIds: idList,
  /** D4: the Admins who keep magic links when SSO is required. */
  breakGlassUserIds: idList,
});
export type SsoConnectionInput = z.input<typeof ssoConnectionSchema>;

/** "Test connection": the fields as typed, before saving. */
export const testSsoConnectionSchema = z.object({
  issuer: issuerSchema,
  clientId: z.string().trim().max(255).optional(),
});
