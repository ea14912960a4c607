import Link from "next/link";

/** Previous / Next links under a list paginated in the database. */
export function Pagination({
  page,
  pageCount,
  href,
  summary,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  summary?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-gray-200 px-4 py-3 text-sm">
      <span className="text-gray-600">
        Page {page} of {pageCount}
        {summary ? ` · ${summary}` : ""}
      </span>
      <span className="flex gap-3">
        {page > 1 ? (
          <Link className="font-medium text-indigo-600 hover:text-indigo-500" href={href(page - 1)}>
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="font-medium text-indigo-600 hover:text-indigo-500" href={href(page + 1)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
