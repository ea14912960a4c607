import type { ReactNode } from "react";

/** The logo and one card in the middle of the page: invitation, email confirmation and account pages. */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2">
        <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">S</span>
        <span className="text-xl font-semibold tracking-tight">Seatwise</span>
      </div>
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
        <div className="mt-3 space-y-4 text-sm text-gray-600">{children}</div>
      </div>
    </main>
  );
}
