"use client";

import type React from "react";
import { SearchCombobox } from "@/components/ui/search-combobox";

/** A member, or (issue 14.5, `invited`) someone with a live invitation: then `userId` is `invitation:<id>`. */
export type PickedMember = { userId: string; name: string | null; email: string; invited?: boolean };

function label(member: PickedMember) {
  const text = member.name ? `${member.name} (${member.email})` : member.email;
  return member.invited ? `${text} — Invited` : text;
}

/**
 * The one member picker (transfer a survey, Add User To Plan, Transfer Ownership, filters): each
 * keystroke asks the database for at most 20 matching active members
 * (GET /api/orgs/:org/members), so it works the same in an organization of 4 or of 10,000. The
 * chosen member's id travels in a hidden input named `name`; the server checks it again.
 */
export function MemberPicker(props: {
  orgSlug: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  placeholder?: string;
  /** Leave out the users already on this plan (Add User To Plan). */
  notOnPlanId?: string;
  /** Only the users of this plan (a task's assignee). */
  onPlanId?: string;
  /** Leave out these people (the survey's owner, the plan's subscriber). */
  excludeUserIds?: string[];
  onChange?: (member: PickedMember | null) => void;
  /** Labelled by a visually hidden label (in a table row) instead of a visible one. */
  hideLabel?: boolean;
  /** The member already chosen when the picker appears (a filter already applied). */
  defaultValue?: PickedMember | null;
  /** Issue 14.5: list people with a live invitation too, marked Invited (the server asks R1 again). */
  includeInvitees?: boolean;
  /** What the empty list says besides "No member matches." (where to invite someone new). */
  emptyHint?: React.ReactNode;
}) {
  const { orgSlug, notOnPlanId, onPlanId, excludeUserIds, includeInvitees } = props;
  return (
    <SearchCombobox<PickedMember>
      name={props.name}
      label={props.label}
      hideLabel={props.hideLabel}
      placeholder={props.placeholder ?? "Type a name or email"}
      hint={props.hint}
      error={props.error}
      noun="member"
      resultKey="members"
      url={(q) => {
        const params = new URLSearchParams({ q });
        if (notOnPlanId) params.set("notOnPlan", notOnPlanId);
        if (onPlanId) params.set("onPlan", onPlanId);
        for (const userId of excludeUserIds ?? []) params.append("exclude", userId);
        if (includeInvitees) params.set("invitees", "1");
        return `/api/orgs/${encodeURIComponent(orgSlug)}/members?${params}`;
      }}
      itemId={(m) => m.userId}
      itemText={label}
      renderItem={(m) => (
        <>
          <span className="font-medium">{m.name ?? m.email}</span>
          {m.invited ? (
            <span className="ml-2 inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">
              Invited
            </span>
          ) : null}
          {m.name ? <span className="block text-xs text-gray-600">{m.email}</span> : null}
        </>
      )}
      emptyHint={props.emptyHint}
      onChange={props.onChange}
      defaultValue={props.defaultValue}
    />
  );
}
