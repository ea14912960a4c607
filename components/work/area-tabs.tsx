import { TabNav } from "@/components/ui/tab-nav";

/** The product area's views (§6): workflows, the Inbox and Outbox of tasks, and done tasks. */
export function AreaTabs(props: { base: string; current: "workflows" | "inbox" | "outbox" | "done"; inbox: number; outbox: number }) {
  const tabs = [
    { key: "workflows", label: "Workflows", href: props.base },
    { key: "inbox", label: "Inbox", href: `${props.base}?view=inbox`, count: props.inbox },
    { key: "outbox", label: "Outbox", href: `${props.base}?view=outbox`, count: props.outbox },
    { key: "done", label: "Done", href: `${props.base}?view=done` },
  ];
  return <TabNav label="Product area" tabs={tabs} current={props.current} />;
}
