"use client";

import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { forbiddenNotice } from "@/lib/page-access";

/** The 403 page inside the organization's shell: what this page is for, and a way back. */
export function ForbiddenNotice() {
  const pathname = usePathname();
  const notice = forbiddenNotice(pathname);
  const home = `/${pathname.split("/").slice(1, 3).join("/")}/users`;
  // #14.12: a refusal names who can help. Asked only when a refusal is shown (not on every page).
  const [ask, setAsk] = useState<{ for: string; text: string | null } | null>(null);
  useEffect(() => {
    const org = pathname.split("/")[2];
    if (!org) return;
    const controller = new AbortController();
    fetch(`/api/orgs/${encodeURIComponent(org)}/who-to-ask?${new URLSearchParams({ path: pathname })}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ ask: string | null }>) : { ask: null }))
      .then((body) => setAsk({ for: pathname, text: body.ask }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);
  const askText = ask?.for === pathname ? ask.text : null;
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
      <ShieldAlert aria-hidden className="mx-auto h-10 w-10 text-amber-500" />
      <h1 className="mt-4 text-xl font-semibold text-gray-900">{notice.title}</h1>
      <p className="mt-2 text-sm text-gray-600">{notice.body}</p>
      <p className="mt-2 min-h-5 text-sm text-gray-800" aria-live="polite" data-testid="who-to-ask">
        {askText ? `Who can help: ${askText}.` : ""}
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href={home} className={buttonClass("primary")}>
          Back to Users
        </Link>
      </div>
    </div>
  );
}

/** The 404 page inside the organization's shell: the thing does not exist (or is not yours to see). */
export function NotFoundNotice() {
  const pathname = usePathname();
  const home = `/${pathname.split("/").slice(1, 3).join("/")}/users`;
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-xl font-semibold text-gray-900">Page not found</h1>
      <p className="mt-2 text-sm text-gray-600">
        It may have been deleted or moved, or the link is mistyped.
      </p>
      <div className="mt-6">
        <Link href={home} className={buttonClass("primary")}>
          Back to Users
        </Link>
      </div>
    </div>
  );
}
