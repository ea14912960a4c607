import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/shell/forbidden-notice";

export const metadata: Metadata = { title: "Page not found" };

/** 404 inside the app shell: an id of this organization that does not exist (or no longer does). */
export default function NotFound() {
  return <NotFoundNotice />;
}
