import { afterEach, describe, expect, it, vi } from "vitest";
import { transportFromEnv } from "@/lib/email/transport";
import { contentSecurityPolicy, hostMatches, serverActionOriginAllowed, staticSecurityHeaders } from "@/lib/security/headers";
import { warnAboutUnsafeSettings } from "@/lib/setup/startup-warnings";
import { clientIpFrom, publicBaseUrl } from "@/lib/url";

afterEach(() => vi.restoreAllMocks());

describe("§10 client addresses come only from a declared proxy", () => {
  const h = (value: string) => new Headers({ "x-forwarded-for": value, "x-real-ip": "203.0.113.9" });

  it("without SEATWISE_TRUSTED_PROXY_HEADER no header is trusted", () => {
    expect(clientIpFrom(h("198.51.100.1"), {})).toBeNull();
  });

  it("with one trusted hop, the right-most entry (the one the proxy appended) is the client, whatever the client wrote", () => {
    const env = { SEATWISE_TRUSTED_PROXY_HEADER: "X-Forwarded-For" };
    expect(clientIpFrom(h("6.6.6.6, 198.51.100.1"), env)).toBe("198.51.100.1");
    expect(clientIpFrom(h("198.51.100.1"), env)).toBe("198.51.100.1");
  });

  it("with two trusted hops, the second from the right; too few entries or garbage is no address", () => {
    const env = { SEATWISE_TRUSTED_PROXY_HEADER: "x-forwarded-for", SEATWISE_TRUSTED_PROXY_HOPS: "2" };
    expect(clientIpFrom(h("6.6.6.6, 198.51.100.1, 10.0.0.2"), env)).toBe("198.51.100.1");
    expect(clientIpFrom(h("10.0.0.2"), env)).toBeNull();
    expect(clientIpFrom(h("not-an-ip, 10.0.0.2"), env)).toBeNull();
  });

  it("a single-value header (x-real-ip) and addresses with ports or brackets", () => {
    expect(clientIpFrom(h("x"), { SEATWISE_TRUSTED_PROXY_HEADER: "x-real-ip" })).toBe("203.0.113.9");
    const env = { SEATWISE_TRUSTED_PROXY_HEADER: "x-forwarded-for" };
    expect(clientIpFrom(h("[2001:db8::1]:443"), env)).toBe("2001:db8::1");
    expect(clientIpFrom(h("198.51.100.1:5678"), env)).toBe("198.51.100.1");
  });
});

describe("§10 links in emails never come from a request header", () => {
  it("AUTH_URL, else the local server on PORT", () => {
    expect(publicBaseUrl({ AUTH_URL: "https://seatwise.example.com/" })).toBe("https://seatwise.example.com");
    expect(publicBaseUrl({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
  });
});

describe("§10 security headers", () => {
  it("the CSP allows scripts only with the nonce, forbids framing, plugins and foreign forms", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "upgrade-insecure-requests"]) {
      expect(csp).toContain(directive);
    }
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("nosniff, DENY, a strict referrer policy always; HSTS only under https", () => {
    const plain = staticSecurityHeaders({ https: false });
    expect(plain).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
  });

  it("server actions: same host or an allowed one; another site is refused; no Origin passes as Next lets it", () => {
    expect(serverActionOriginAllowed("http://localhost:3000", "localhost:3000", [])).toBe(true);
    expect(serverActionOriginAllowed("https://evil.example", "localhost:3000", [])).toBe(false);
    expect(serverActionOriginAllowed("null", "localhost:3000", [])).toBe(false);
    expect(serverActionOriginAllowed(null, "localhost:3000", [])).toBe(true);
    expect(serverActionOriginAllowed("https://app.proxy.example", "internal:3000", ["*.proxy.example"])).toBe(true);
    expect(hostMatches("a.b.proxy.example", "*.proxy.example")).toBe(false);
    expect(hostMatches("a.b.proxy.example", "**.proxy.example")).toBe(true);
    expect(hostMatches("proxy.example", "**.proxy.example")).toBe(false);
  });
});

describe("§10 no secret in a production log", () => {
  it("the local mailbox prints links in development only", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const email = { to: "a@example.test", subject: "Your Seatwise sign-in link", html: "", text: "Open http://localhost:3000/api/auth/callback/resend?token=SECRET" };
    await transportFromEnv({ NODE_ENV: "production" }).send(email);
    await transportFromEnv({ NODE_ENV: "development" }).send(email);
    expect(String(info.mock.calls[0][0])).not.toContain("SECRET");
    expect(String(info.mock.calls[1][0])).toContain("SECRET");
  });

  it("a production server with the public mailbox on warns at start", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warnAboutUnsafeSettings({ NODE_ENV: "production", SEATWISE_DEV_MAILBOX: "1", AUTH_URL: "https://x.example" });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("SEATWISE_DEV_MAILBOX=1 in production")]);
    warn.mockClear();
    warnAboutUnsafeSettings({ NODE_ENV: "production", AUTH_URL: "https://x.example" });
    expect(warn).not.toHaveBeenCalled();
  });
});
