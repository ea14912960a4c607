import Link from "next/link";
import { cn } from "@/lib/cn";

/** The product area's views (§6): workflows, the Inbox and Outbox of tasks, and done tasks. */
export function AreaTabs(props: { base: string; current: "workflows" | "inbox" | "outbox" | "done"; inbox: number; outbox: number }) {
  const tabs = [
    { key: "workflows", label: "Workflows", href: props.base },
    { key: "inbox", label: "Inbox", href: `${props.base}?view=inbox`, count: props.inbox },
    { key: "outbox", label: "Outbox", href: `${props.base}?view=outbox`, count: props.outbox },
    { key: "done", label: "Done", href: `${props.base}?view=done` },
  ] as const;
  return (
    <nav aria-label="Product area" className="mb-6 border-b border-gray-200">
      <ul className="-mb-px flex gap-6 overflow-x-auto text-sm">
        {tabs.map((tab) => (
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
              {"count" in tab ? (
                <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-700">{tab.count}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
