import "server-only";
import * as client from "openid-client";
import { ssoFetch } from "./guarded-fetch";

/** Where the identity provider sends people back (the redirect URI an Admin registers there). */
export function ssoRedirectUri(baseUrl: string): string {
  return `${baseUrl.replace(/\/$/, "")}/sso/callback`;
}

/** Plain-http issuers (a provider on this machine) only when the operator allows them (see schemas.ts). */
function insecureAllowed(issuer: URL): boolean {
  return issuer.protocol === "http:" && process.env.SEATWISE_SSO_ALLOW_HTTP === "1";
}

/**
 * OpenID Connect discovery with openid-client: fetches the provider's metadata and checks that
 * its `issuer` is exactly the URL configured (so tokens of another issuer are refused later).
 */
export async function discoverProvider(issuer: string, clientId: string, clientSecret?: string): Promise<client.Configuration> {
  const url = new URL(issuer);
  return client.discovery(url, clientId, clientSecret ? { client_secret: clientSecret } : undefined, clientSecret ? client.ClientSecretPost(clientSecret) : client.None(), {
    execute: insecureAllowed(url) ? [client.allowInsecureRequests] : [],
    timeout: 10,
    // Discovery, the code exchange and the keys go through the private-address guard (W2).
    [client.customFetch]: ssoFetch,
  });
}

/** A failure of discovery or of the code exchange, in words an Admin can act on (Test connection). */
export function describeOidcError(error: unknown, issuer: string): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } | unknown; status?: number };
  const cause = (e?.cause ?? {}) as { code?: string; message?: string; status?: number };
  const code = e?.code ?? "";
  const netCode = (cause.code ?? code) as string;
  if (typeof e?.message === "string" && / may not reach\.$/.test(e.message)) return e.message;
  if (typeof cause.message === "string" && / may not reach\.$/.test(cause.message)) return cause.message;
  if (["ENOTFOUND", "EAI_AGAIN"].includes(netCode)) return `The host of ${issuer} could not be found (DNS). Check the issuer URL.`;
  if (["ECONNREFUSED", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"].includes(netCode)) return `Nothing answered at ${issuer}. Check the issuer URL and that the provider is reachable from the Seatwise server.`;
  if (e?.message && /fetch failed/i.test(e.message)) return `${issuer} could not be reached from the Seatwise server.`;
  if (code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || code === "OAUTH_RESPONSE_IS_NOT_JSON") {
    return `${issuer}/.well-known/openid-configuration did not answer with OpenID Connect metadata. Check the issuer URL (see the README for Okta and Entra ID formats).`;
  }
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") {
    return `The provider's metadata names a different issuer than ${issuer}. Copy the issuer exactly as the provider's metadata gives it.`;
  }
  if (code === "OAUTH_HTTP_REQUEST_FORBIDDEN") return "The issuer must be an https:// URL.";
  if (typeof e?.message === "string" && e.message) return `Discovery failed: ${e.message.slice(0, 200)}`;
  return "Discovery failed for an unknown reason.";
}
