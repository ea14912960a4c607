import Link from "next/link";
import { cn } from "@/lib/cn";

export type Tab = { key: string; href: string; label: string; count?: number };

/** Views of one thing as underlined tabs; the current one is `aria-current="page"`. */
export function TabNav(props: { label: string; tabs: readonly Tab[]; current: string }) {
  return (
    <nav aria-label={props.label} className="mb-6 border-b border-gray-200">
      {/* Wraps on a phone rather than scrolling a tab out of sight (#14.16). */}
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1 text-sm sm:gap-x-6">
        {props.tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={props.current === tab.key ? "page" : undefined}
              className={cn(
                "inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-1 pb-3 font-medium",
                props.current === tab.key ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900",
              )}
            >
              {tab.label}
              {tab.count !== undefined ? (
                <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-700">{tab.count}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
