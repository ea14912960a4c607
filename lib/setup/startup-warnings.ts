import { devMailboxEnabled } from "@/lib/email/mailbox";

/** Settings that are fine for a demo and dangerous for real use, said once at start. */
export function warnAboutUnsafeSettings(env: Record<string, string | undefined> = process.env) {
  if (env.NODE_ENV === "production" && devMailboxEnabled(env)) {
    console.warn(
      "[seatwise] WARNING: SEATWISE_DEV_MAILBOX=1 in production: /dev/mailbox shows every email, sign-in and " +
        "invitation links included, to anyone. Use it for demos only; every page says so in a banner.",
    );
  }
  if (env.NODE_ENV === "production" && !env.AUTH_URL) {
    console.warn(
      "[seatwise] WARNING: AUTH_URL is not set: links in emails point to http://localhost. Set AUTH_URL to the app's public URL.",
    );
  }
}
