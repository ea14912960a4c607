import { TabNav } from "@/components/ui/tab-nav";

/** The three views of one plan user (P4), as tabs: profile, permissions, workflows. */
export function PlanUserNav(props: { base: string; current: "profile" | "permissions" | "workflows"; hasAccount: boolean }) {
  const tabs = [
    { key: "profile", href: props.base, label: "Show User Profile" },
    { key: "permissions", href: `${props.base}/permissions`, label: "Edit User Permissions" },
    ...(props.hasAccount ? [{ key: "workflows", href: `${props.base}/workflows`, label: "See workflows for this user" }] : []),
  ];
  return <TabNav label="Plan user" tabs={tabs} current={props.current} />;
}
