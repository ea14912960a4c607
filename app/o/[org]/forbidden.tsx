import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/shell/forbidden-notice";

export const metadata: Metadata = { title: "Not available to your role" };

/** 403 inside the app shell: a member of this organization whose role does not include the page. */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
