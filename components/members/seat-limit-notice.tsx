import Link from "next/link";
import type { SeatHelp } from "@/lib/seats/seat-help";

/**
 * #14.8: at N of N seats, the way on — for an Admin a direct link to Account subscription naming
 * the next tier's seats, for anyone else the Admins to ask, by name. Nothing below the limit.
 */
export function SeatLimitNotice({ help, className }: { help: SeatHelp; className?: string }) {
  if (!help.full) return null;
  return (
    <div role="note" aria-label="Seat limit" className={`rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 ${className ?? ""}`}>
      <p className="font-semibold">
        {help.used} of {help.limit} seats are in use: the {help.tierLabel} tier is full.
      </p>
      <p className="mt-1">
        {help.upgrade ? (
          <>
            <Link href={help.upgrade.href} className="font-semibold underline">
              {help.upgrade.label}
            </Link>{" "}
            on Account subscription, or free a seat by revoking an invitation or removing a member.
          </>
        ) : help.askAdmins ? (
          <>
            Ask {help.askAdmins} (Admin) to move to a larger tier, or to free a seat.
          </>
        ) : (
          <>Free a seat by revoking an invitation or removing a member.</>
        )}
      </p>
    </div>
  );
}
