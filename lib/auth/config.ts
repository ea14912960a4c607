import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Resend from "next-auth/providers/resend";
import { cache } from "react";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { emailSchema } from "@/lib/invitations/schemas";
import { admitSignInEmail } from "@/lib/rate-limit";
import { clientIp } from "@/lib/url";
import { queueSignInEmail } from "./sign-in-email";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const adapters = new WeakMap<DatabaseHandle, Adapter>();

/** The Drizzle adapter, bound to the process's database handle when first used. */
function adapter(): Adapter {
  const handle = getDatabase();
  let a = adapters.get(handle);
  if (!a) {
    a = DrizzleAdapter(handle.db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    });
    adapters.set(handle, a);
  }
  return a;
}

// Auth.js checks which methods exist when it reads its config, before any database is opened:
// list them, each delegating to the real adapter at call time.
const adapterMethods = [
  "createUser",
  "getUser",
  "getUserByEmail",
  "getUserByAccount",
  "updateUser",
  "deleteUser",
  "linkAccount",
  "unlinkAccount",
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
] as const;

const lazyAdapter = {
  ...Object.fromEntries(
    adapterMethods.map((method) => [
      method,
      (...args: unknown[]) => (adapter()[method] as (...a: unknown[]) => unknown)(...args),
    ]),
  ),
  // The token row is written by queueSignInEmail, in the transaction of its email (E1).
  createVerificationToken: async (token: { identifier: string; token: string; expires: Date }) => token,
} as Adapter;

/** Signs the hash of every sign-in link's token; Auth.js checks the link with the same value. */
const verificationSecret = process.env.AUTH_SECRET ?? "";

export const { handlers, auth: authUncached, signIn, signOut } = NextAuth({
  adapter: lazyAdapter,
  // Database sessions: deleting a member's rows signs them out everywhere (SPEC R6).
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  trustHost: true,
  pages: {
    signIn: "/signin",
    verifyRequest: "/signin/check-email",
    error: "/signin/error",
  },
  providers: [
    Resend({
      // Every email goes through the outbox (SPEC E1): Resend when RESEND_API_KEY is set,
      // the local mailbox otherwise. The provider's own fetch to Resend is never used.
      apiKey: process.env.RESEND_API_KEY ?? "local-mailbox",
      from: process.env.EMAIL_FROM ?? "Seatwise <onboarding@resend.dev>",
      maxAge: 24 * 60 * 60,
      secret: verificationSecret,
      // The app's own address rule (the one of the sign-in form), stricter than Auth.js's default.
      normalizeIdentifier(identifier) {
        const parsed = emailSchema.safeParse(identifier);
        if (!parsed.success) throw new Error("Invalid email address format.");
        return parsed.data;
      },
      async sendVerificationRequest(request) {
        await queueSignInEmail(request, verificationSecret);
      },
    }),
  ],
  callbacks: {
    /**
     * Every sign-in email passes here before its token exists, whichever path asked for it: the
     * form's server action and a POST straight to /api/auth/signin/resend alike (issue 6.2).
     */
    async signIn({ user, email }) {
      if (!email?.verificationRequest) return true;
      const admission = await admitSignInEmail(user.email ?? "", { ip: await clientIp() });
      if (admission.allowed) return true;
      // The ceiling answers like a success: whether an address has an account stays unknown.
      if (admission.reason === "ceiling") return "/signin/check-email";
      if (admission.reason === "sso_required") return `/signin?${new URLSearchParams({ error: "SsoRequired" })}`;
      return `/signin?${new URLSearchParams({ error: "RateLimited", retry: String(admission.retryAfterSeconds) })}`;
    },
    /**
     * Where Auth.js may send the browser after sign-in (issue 14.19): a path or URL of ours, else
     * the default page. Auth.js's own default throws on what `new URL` cannot parse.
     */
    redirect({ url, baseUrl }) {
      return safeCallbackUrl(url, baseUrl) ?? baseUrl;
    },
    /** What GET /api/auth/session answers: no session token, no phone, nothing a script needs not. */
    session({ session, user }) {
      return { user: { id: user.id, name: user.name ?? null, email: user.email }, expires: session.expires } as typeof session;
    },
  },
});

/** One session lookup per request, however many components ask. */
export const auth = cache(() => authUncached());
