"use client";

import Link from "next/link";
import { useActionState } from "react";
import { markNotificationReadAction } from "@/app/o/[org]/inbox/actions";
import { acceptTransferAction, declineTransferAction } from "@/app/o/[org]/plans/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/form-state";

export type NotificationItem = {
  id: string;
  title: string;
  body: string;
  when: string;
  unread: boolean;
  href: string | null;
  linkLabel: string | null;
  transferId: string | null;
  /** A transfer request that can still be answered (N1, O2). */
  canAnswer: boolean;
  /** What became of the transfer a request is about, once it cannot be answered. */
  transferOutcome: string | null;
};

/** Which row an action's answer belongs to: the id it echoes back on failure, or returns on success. */
function answeredId(state: FormState, field: string): string | null {
  const data = state.data as Record<string, string> | undefined;
  return (state.ok ? data?.[field] : state.values?.[field]) ?? null;
}

/**
 * The Inbox (N1): one client component for the whole page of notifications, with one form action
 * each for Mark as read, Accept and Decline; an answer shows on the notification it concerns.
 */
export function NotificationList(props: { orgSlug: string; items: NotificationItem[] }) {
  const [readState, markRead, marking] = useActionState(markNotificationReadAction, initialFormState);
  const [acceptState, accept, accepting] = useActionState(acceptTransferAction, initialFormState);
  const [declineState, decline, declining] = useActionState(declineTransferAction, initialFormState);
  const busy = marking || accepting || declining;
  const messageFor = (item: NotificationItem) => {
    // An answer shows once, on the request it answers (#14.11), not on every notice of that transfer.
    const isRequest = item.canAnswer || item.transferOutcome !== null;
    for (const [state, field, id] of [
      [acceptState, "transferId", isRequest ? item.transferId : null],
      [declineState, "transferId", isRequest ? item.transferId : null],
      [readState, "notificationId", item.id],
    ] as const) {
      if (id && answeredId(state, field) === id && (state.formError || (state.ok && state.message))) return state;
    }
    return null;
  };
  return (
    <ul className="divide-y divide-gray-100" aria-label="Notifications">
      {props.items.map((item) => {
        const answer = messageFor(item);
        return (
          <li key={item.id} className="flex items-start gap-3 p-4" aria-label={`${item.unread ? "Unread: " : ""}${item.title}`}>
            <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.unread ? "bg-indigo-600" : "bg-gray-200"}`} />
            <div className="min-w-0 flex-1">
              <p className={`text-sm ${item.unread ? "font-semibold text-gray-900" : "font-medium text-gray-800"}`}>{item.title}</p>
              {item.body ? <p className="mt-0.5 text-sm text-gray-600">{item.body}</p> : null}
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-gray-500">
                <span>{item.when}</span>
                {item.href ? (
                  <Link href={item.href} className="font-medium text-indigo-600 hover:text-indigo-500">
                    {item.linkLabel}
                  </Link>
                ) : null}
                {item.transferOutcome ? <Badge>{item.transferOutcome}</Badge> : null}
              </p>
              {answer ? (
                <p role={answer.ok ? "status" : "alert"} className={`mt-2 text-sm ${answer.ok ? "text-green-700" : "text-red-600"}`}>
                  {answer.ok ? answer.message : answer.formError}
                </p>
              ) : null}
              {item.canAnswer && item.transferId ? (
                <div className="mt-3 flex gap-2">
                  <form action={accept}>
                    <input type="hidden" name="org" value={props.orgSlug} />
                    <input type="hidden" name="transferId" value={item.transferId} />
                    <Button type="submit" size="sm" disabled={busy}>
                      Accept
                    </Button>
                  </form>
                  <form action={decline}>
                    <input type="hidden" name="org" value={props.orgSlug} />
                    <input type="hidden" name="transferId" value={item.transferId} />
                    <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                      Decline
                    </Button>
                  </form>
                </div>
              ) : null}
            </div>
            {item.unread ? (
              <form action={markRead} className="shrink-0">
                <input type="hidden" name="org" value={props.orgSlug} />
                <input type="hidden" name="notificationId" value={item.id} />
                <Button type="submit" size="sm" variant="ghost" disabled={busy} aria-label={`Mark "${item.title}" as read`}>
                  Mark as read
                </Button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
