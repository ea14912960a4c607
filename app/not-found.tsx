import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every other 404: an unknown path, or an organization the visitor does not belong to — which
 * reads exactly like one that does not exist (SPEC §10), so it says nothing about it.
 */
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2">
        <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
          S
        </span>
        <span className="text-xl font-semibold tracking-tight">Seatwise</span>
      </div>
      <div className="w-full max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-xl font-semibold text-gray-900">Page not found</h1>
        <p className="mt-2 text-sm text-gray-600">
          There is nothing at this address, or it belongs to an organization you are not a member of.
        </p>
        <Link href="/" className={`${buttonClass("primary")} mt-6`}>
          Go to Seatwise
        </Link>
      </div>
    </main>
  );
}
