import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { canManageSso } from "@/lib/permissions";
import { getSsoSettings } from "@/lib/sso/manage-sso";
import { ssoRedirectUri } from "@/lib/sso/oidc";
import { publicBaseUrl } from "@/lib/url";
import { SsoForm } from "./sso-form";

export const metadata: Metadata = { title: "Single sign-on" };

/** SPEC D3, D4: the organization's OpenID Connect connection (Admins). */
export default async function SsoPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageSso(ctx.membership.role)) forbidden();
  const settings = await getSsoSettings(ctx);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description={`People at ${ctx.org.name}'s verified domains sign in through your OpenID Connect identity provider (Okta, Entra ID, Google Workspace …) instead of email links.`}
      />
      <Card className="max-w-3xl p-6">
        <SsoForm
          orgSlug={ctx.org.slug}
          redirectUri={ssoRedirectUri(publicBaseUrl())}
          connection={settings.connection}
          domains={settings.domains}
          admins={settings.admins}
        />
      </Card>
    </>
  );
}
