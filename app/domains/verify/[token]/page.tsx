import type { Metadata } from "next";
import { CenteredCard } from "@/components/ui/centered-card";
import { hashDomainToken } from "@/lib/domains/domain-token";
import { findDomainByToken } from "@/lib/domains/manage-domains";
import { secretTokenPattern } from "@/lib/tokens";
import { VerifyDomainForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify a domain" };
export const dynamic = "force-dynamic";

/** SPEC D1: the emailed link. GET shows what would be verified; the button (a POST) verifies it. */
export default async function VerifyDomainPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = secretTokenPattern.test(token) ? await findDomainByToken(hashDomainToken(token)) : null;
  if (!found) {
    return (
      <CenteredCard title="This verification link is not valid">
        <p>It may have been replaced by a newer link, or mistyped. Ask the Admin to send a new one from Settings → Domains.</p>
      </CenteredCard>
    );
  }
  if (found.status === "verified") {
    return (
      <CenteredCard title="Domain already verified">
        <p>
          {found.domain} is verified for {found.orgName}. This link was used.
        </p>
      </CenteredCard>
    );
  }
  if (!found.expiresAt || found.expiresAt <= new Date()) {
    return (
      <CenteredCard title="Verification link expired">
        <p>Ask the Admin of {found.orgName} to send a new one from Settings → Domains.</p>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title={`Verify ${found.domain}`}>
      <p>
        {found.orgName} asked to verify <strong>{found.domain}</strong> as its domain. This link was sent to {found.email}; opening
        it proves the address is yours. Verify only if {found.orgName} is your company.
      </p>
      <VerifyDomainForm token={token} domain={found.domain} />
    </CenteredCard>
  );
}
