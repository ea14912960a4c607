"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * #14.14: after a client navigation the App Router keeps focus on the link that was followed,
 * which may not even exist on the new page; a keyboard or screen-reader user is left behind.
 * On each new path (not the first load, not a jump to an anchor), focus moves to the page's
 * main heading, so reading and Tab start from the new content.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (window.location.hash) return;
    // A dialog opened by the new page keeps its own focus.
    if (document.activeElement?.closest('[role="dialog"],[role="alertdialog"]')) return;
    const heading = document.querySelector<HTMLElement>("#main h1") ?? document.getElementById("main");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
