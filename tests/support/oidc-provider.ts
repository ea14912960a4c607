import { createHash, generateKeyPairSync, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real OpenID provider for the tests: the `oidc-provider` package on localhost (plain http,
 * allowed for Seatwise by SEATWISE_SSO_ALLOW_HTTP=1), with its development login and consent
 * pages (any login is accepted: the login typed is the account id). Accounts answer with the
 * email of their login unless `accounts` says otherwise (another address, email_verified false).
 * `tamper` re-signs the next ID tokens with the provider's own key after changing a claim: the
 * token another client or issuer of the same provider would carry, or a wrong nonce or expiry.
 */
export type OidcTestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, Record<string, unknown>>;
  tamper: { idToken?: (claims: Record<string, unknown>) => Record<string, unknown> };
  close: () => Promise<void>;
};

export async function startOidcProvider(options: { redirectUris: string[]; port?: number }): Promise<OidcTestProvider> {
  const { default: Provider } = await import("oidc-provider");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: "jwk" }) as Record<string, unknown>), kid: "test-key", alg: "RS256", use: "sig" };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const tamper: OidcTestProvider["tamper"] = {};
  const clientId = "seatwise";
  const clientSecret = "seatwise-test-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: true, name: `SSO ${id.split("@")[0]}`, ...(accounts.get(id) ?? {}) };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The ID token carries the email itself (Seatwise reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-cookie-key"] },
    jwks: { keys: [jwk] },
  } as never);
  // Re-sign the token endpoint's ID token with a claim changed, when a test asks for it.
  provider.use(async (ctx: { path: string; body: unknown }, next: () => Promise<void>) => {
    await next();
    if (ctx.path === "/token" && tamper.idToken && ctx.body && typeof ctx.body === "object" && "id_token" in ctx.body) {
      const body = ctx.body as { id_token: string };
      const [header, payload] = body.id_token.split(".");
      const claims = tamper.idToken(JSON.parse(Buffer.from(payload, "base64url").toString()));
      const data = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      body.id_token = `${data}.${sign("sha256", Buffer.from(data), privateKey).toString("base64url")}`;
    }
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tiny cookie jar for driving the provider's pages with fetch. */
class Jar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Walks the provider's pages as a person would: open the authorization URL, sign in as `login`
 * on the login page, accept the consent page, and return the URL the provider sends the browser
 * back to (Seatwise's callback with code and state), without following it.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl;
  let method: "GET" | "POST" = "GET";
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, { method, body, redirect: "manual", headers: { cookie: jar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) } });
    jar.store(response);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callbackPrefix)) return next;
      url = next.href;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (response.status >= 400) throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    method = "POST";
    body = prompt === "login" ? new URLSearchParams({ prompt, login, password: "any" }) : new URLSearchParams({ prompt });
  }
  throw new Error("the provider did not send the browser back");
}

export function sha256(value: string) {
  return createHash("sha256").update(value).digest("hex");
}
