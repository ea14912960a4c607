import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard } from "@/components/ui/centered-card";

export const metadata: Metadata = { title: "Single sign-on refused" };

/** D3: what a refused single sign-on says. No session was made; nothing of the provider's answer is echoed. */
const reasons: Record<string, { title: string; text: string }> = {
  state: { title: "This sign-in could not be continued", text: "It did not start in this browser, was already used, or its link was altered. Start again from the sign-in page." },
  expired: { title: "This sign-in took too long", text: "Start again from the sign-in page." },
  provider: { title: "Your identity provider did not sign you in", text: "You may have cancelled, or single sign-on is not set up correctly. Try again, or ask your IT team." },
  token: {
    title: "Your identity provider's answer was refused",
    text: "Its issuer, audience, nonce, signature or expiry did not check out, so nothing was signed in. If this keeps happening, ask an Admin to run Test connection on Settings → Single sign-on.",
  },
  email: { title: "No email address from your identity provider", text: "Ask your IT team to release the email claim (scope 'email') to Seatwise." },
  email_unverified: { title: "Your email address is not verified", text: "Your identity provider says your email address is not verified. Ask your IT team." },
  domain: {
    title: "That address cannot sign in here",
    text: "Your identity provider signed you in with an address that is not at a domain this organization verified for single sign-on. Nothing was signed in.",
  },
  not_member: { title: "You are not a member yet", text: "This organization admits new people by invitation. Ask one of its Admins to invite you." },
  suspended: { title: "Your access is suspended", text: "Ask an Admin of your organization to re-activate it." },
  seats: { title: "Every seat is taken", text: "Your organization has no free seat for you. Its Admins were told; try again once they free a seat or move to a larger tier." },
};

export default async function SsoErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reason } = await searchParams;
  const entry = (typeof reason === "string" && reasons[reason]) || reasons.provider;
  return (
    <CenteredCard title={entry.title}>
      <p role="alert">{entry.text}</p>
      <Link href="/signin" className="font-medium text-indigo-600 hover:text-indigo-500">
        Back to sign in
      </Link>
    </CenteredCard>
  );
}
