"use client";

import { ActionButton } from "@/components/ui/action-button";
import type { JoinOffer } from "@/lib/domains/join";
import { joinByDomainAction, requestToJoinAction } from "./actions";

/** D2 with I5: the organizations a person may join (or ask to join) through the domain of their address. */
export function JoinOffers({ offers, email }: { offers: JoinOffer[]; email: string }) {
  return (
    <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
      <h1 className="text-xl font-semibold text-gray-900">Your company is on Seatwise</h1>
      <p className="mt-1 text-sm text-gray-600">Your address {email} is at a domain verified by:</p>
      <ul className="mt-4 space-y-4" aria-label="Organizations you can join">
        {offers.map((offer) => (
          <li key={offer.domainId} className="flex flex-wrap items-center justify-between gap-3">
            <span className="text-sm">
              <span className="font-medium text-gray-900">{offer.orgName}</span>{" "}
              <span className="text-gray-500">({offer.domain})</span>
            </span>
            {offer.policy === "join" ? (
              <ActionButton action={joinByDomainAction} fields={{ domainId: offer.domainId }} variant="primary" pendingLabel="Joining…">
                Join {offer.orgName}
              </ActionButton>
            ) : offer.requested ? (
              <span className="text-sm text-gray-600">Request sent: waiting for an Admin</span>
            ) : (
              <ActionButton action={requestToJoinAction} fields={{ domainId: offer.domainId }} variant="primary" pendingLabel="Sending…">
                Ask to join
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
