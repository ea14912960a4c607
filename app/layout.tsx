import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { devMailboxEnabled } from "@/lib/email/mailbox";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Seatwise", template: "%s · Seatwise" },
  description: "Seats, roles and ownership for your company.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce (proxy.ts) on its scripts.
  await headers();
  const publicMailbox = process.env.NODE_ENV === "production" && devMailboxEnabled();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {publicMailbox ? (
          <div role="note" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950">
            Demo mode: emails are public. Anyone can read every email, sign-in links included, at /dev/mailbox.
          </div>
        ) : null}
        {children}
      </body>
    </html>
  );
}
