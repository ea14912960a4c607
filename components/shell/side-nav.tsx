"use client";

import { Activity, ClipboardList, CreditCard, Globe, KeyRound, LogIn, Package, Settings, Truck, UserCog, Users, Webhook } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const icons = {
  users: Users,
  surveys: ClipboardList,
  subscriptions: CreditCard,
  products: Package,
  suppliers: Truck,
  activity: Activity,
  settings: Settings,
  key: KeyRound,
  webhooks: Webhook,
  domains: Globe,
  sso: LogIn,
  provisioning: UserCog,
};

export type NavItem = { href: string; label: string; icon: keyof typeof icons };

export function SideNav({ items, horizontal = false, onNavigate }: { items: NavItem[]; horizontal?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label={horizontal ? "Main (compact)" : "Main"}>
      <ul className={horizontal ? "flex gap-1 overflow-x-auto" : "space-y-1"}>
        {items.map((item) => {
          const Icon = icons[item.icon];
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-indigo-50 text-indigo-700" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                <Icon aria-hidden className={cn("h-4 w-4", active ? "text-indigo-600" : "text-gray-400")} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
