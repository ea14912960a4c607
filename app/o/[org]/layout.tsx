import { Inbox } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { MobileNav } from "@/components/shell/mobile-nav";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { RouteFocus } from "@/components/shell/route-focus";
import { SideNav, type NavItem } from "@/components/shell/side-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { requireMemberPage } from "@/lib/auth/session";
import { canChangeTier, canInviteSupplier, canManageApiTokens, canManageDomains, canManageProvisioning, canManageSso, canManageWebhooks, canReadAudit, canSubscribe } from "@/lib/permissions";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  // The membership, the organizations to switch to and the unread count: one statement (R8: every request).
  const ctx = await requireMemberPage(slug);
  const orgs = ctx.shell?.organizations ?? [];
  const unread = ctx.shell?.unread ?? 0;
  const base = `/o/${ctx.org.slug}`;
  // Users management sits above Surveys in Ecobot's navigation; Activity is for Admins (A1).
  const nav: NavItem[] = [
    { href: `${base}/users`, label: "Users", icon: "users" },
    { href: `${base}/surveys`, label: "Surveys", icon: "surveys" },
    { href: `${base}/subscriptions`, label: "My Subscriptions", icon: "subscriptions" },
    // P1 and I6: Admins subscribe to products and invite suppliers.
    ...(canSubscribe(ctx.membership.role) ? [{ href: `${base}/products`, label: "Products", icon: "products" } as NavItem] : []),
    ...(canInviteSupplier(ctx.membership.role, ctx.org.kind)
      ? [{ href: `${base}/suppliers`, label: "Suppliers", icon: "suppliers" } as NavItem]
      : []),
    ...(canReadAudit(ctx.membership.role) ? [{ href: `${base}/activity`, label: "Activity", icon: "activity" } as NavItem] : []),
    ...(canChangeTier(ctx.membership.role)
      ? [{ href: `${base}/settings/subscription`, label: "Account subscription", icon: "settings" } as NavItem]
      : []),
    // K1: API tokens, for Admins.
    ...(canManageApiTokens(ctx.membership.role) ? [{ href: `${base}/settings/api-tokens`, label: "API tokens", icon: "key" } as NavItem] : []),
    // W1: Admins register webhook endpoints.
    ...(canManageWebhooks(ctx.membership.role) ? [{ href: `${base}/settings/webhooks`, label: "Webhooks", icon: "webhooks" } as NavItem] : []),
    // D1, D2: verified domains and who may join through them (Admins).
    ...(canManageDomains(ctx.membership.role) ? [{ href: `${base}/settings/domains`, label: "Domains", icon: "domains" } as NavItem] : []),
    ...(canManageSso(ctx.membership.role) ? [{ href: `${base}/settings/sso`, label: "Single sign-on", icon: "sso" } as NavItem] : []),
    // C1–C4 (issue 17): the identity provider's SCIM provisioning (Admins).
    ...(canManageProvisioning(ctx.membership.role)
      ? [{ href: `${base}/settings/scim`, label: "Provisioning (SCIM)", icon: "provisioning" } as NavItem]
      : []),
  ];
  return (
    <div className="min-h-screen">
      {/* #14.14: the first Tab stop skips the header and navigation. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:text-indigo-700 focus:shadow-lg focus:ring-2 focus:ring-indigo-600"
      >
        Skip to main content
      </a>
      <RouteFocus />
      <header className="sticky top-0 z-40 border-b border-gray-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-2 px-4 sm:gap-4">
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <Link href="/" className="flex items-center gap-2" aria-label="Seatwise home">
              <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">
                S
              </span>
            </Link>
            <span aria-hidden className="text-gray-300">/</span>
            <OrgSwitcher
              current={{ slug: ctx.org.slug, name: ctx.org.name }}
              orgs={orgs}
            />
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:gap-2">
            <Link
              href={`${base}/inbox`}
              className="relative inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100"
              aria-label={unread ? `Inbox, ${unread} unread` : "Inbox"}
            >
              <Inbox aria-hidden className="h-5 w-5 text-gray-500" />
              <span className="hidden sm:inline">Inbox</span>
              {unread ? (
                <span className="rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white">{unread}</span>
              ) : null}
            </Link>
            <UserMenu orgSlug={ctx.org.slug} name={ctx.user.name ?? ctx.user.email} email={ctx.user.email} />
            <MobileNav items={nav} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-8 px-4 py-6 sm:py-8">
        <aside className="hidden w-52 shrink-0 md:block">
          <SideNav items={nav} />
        </aside>
        <main className="min-w-0 flex-1 focus:outline-none" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
