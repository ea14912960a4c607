import Link from "next/link";
import { cn } from "@/lib/cn";

/** The three views of one plan user (P4), as tabs: profile, permissions, workflows. */
export function PlanUserNav(props: { base: string; current: "profile" | "permissions" | "workflows"; hasAccount: boolean }) {
  const tabs = [
    { key: "profile", href: props.base, label: "Show User Profile" },
    { key: "permissions", href: `${props.base}/permissions`, label: "Edit User Permissions" },
    ...(props.hasAccount ? [{ key: "workflows", href: `${props.base}/workflows`, label: "See workflows for this user" }] : []),
  ];
  return (
    <nav aria-label="Plan user" className="mb-6 border-b border-gray-200">
      <ul className="-mb-px flex gap-6 overflow-x-auto text-sm">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={props.current === tab.key ? "page" : undefined}
              className={cn(
                "inline-block whitespace-nowrap border-b-2 px-1 pb-3 font-medium",
                props.current === tab.key ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
