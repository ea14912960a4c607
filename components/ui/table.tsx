import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  // A table wider than the screen scrolls sideways; keyboard users reach that scroll too. `relative`
  // keeps absolutely positioned cells' content (sr-only labels) inside the scroll area: without it
  // they sit at their column's place and widen the whole page on a phone.
  return (
    <div
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600"
      tabIndex={0}
      role="region"
      aria-label={props["aria-label"] ? `${props["aria-label"]} (scrollable)` : "Table (scrollable)"}
    >
      <table className={cn("min-w-full divide-y divide-gray-200 text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-gray-500", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("whitespace-nowrap px-4 py-3 text-gray-700", className)} {...props} />;
}
