import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Resend from "next-auth/providers/resend";
import { cache } from "react";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { enqueueEmail, kickEmailSender } from "@/lib/email";

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

const lazyAdapter = Object.fromEntries(
  adapterMethods.map((method) => [
    method,
    (...args: unknown[]) => (adapter()[method] as (...a: unknown[]) => unknown)(...args),
  ]),
) as Adapter;

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
      normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
      async sendVerificationRequest({ identifier, url }) {
        await enqueueEmail(getDatabase().db, {
          to: identifier,
          template: "sign-in",
          props: { url, host: new URL(url).host },
        });
        kickEmailSender();
      },
    }),
  ],
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
});

/** One session lookup per request, however many components ask. */
export const auth = cache(() => authUncached());
