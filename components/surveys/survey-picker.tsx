"use client";

import { SearchCombobox } from "@/components/ui/search-combobox";

export type PickedSurvey = { id: string; title: string; ownerName: string; checkedOutById: string | null; responses: number };

/**
 * The survey picker of Merge: search-as-you-type against GET /api/orgs/:org/surveys (at most 20
 * surveys of the organization per keystroke), never a list of every survey.
 */
export function SurveyPicker(props: {
  orgSlug: string;
  name: string;
  label: string;
  excludeIds?: string[];
  /** Only the caller's own surveys (a User merges only surveys they own, S2). */
  mineOnly?: boolean;
  error?: string;
  hint?: string;
  onChange?: (survey: PickedSurvey | null) => void;
  /** In a dialog: the list takes its place in the flow instead of floating over the buttons (#14.10). */
  inlineList?: boolean;
}) {
  const { orgSlug, excludeIds, mineOnly } = props;
  return (
    <SearchCombobox<PickedSurvey>
      name={props.name}
      label={props.label}
      placeholder="Type part of a survey title"
      hint={props.hint}
      error={props.error}
      noun="survey"
      resultKey="surveys"
      url={(q) => {
        const params = new URLSearchParams({ q });
        for (const id of excludeIds ?? []) params.append("exclude", id);
        if (mineOnly) params.set("mine", "1");
        return `/api/orgs/${encodeURIComponent(orgSlug)}/surveys?${params}`;
      }}
      itemId={(s) => s.id}
      itemText={(s) => s.title}
      renderItem={(s) => (
        <>
          <span className="font-medium">{s.title}</span>
          <span className="block text-xs text-gray-600">
            {s.ownerName} · {s.responses} response{s.responses === 1 ? "" : "s"}
            {s.checkedOutById ? " · checked out" : ""}
          </span>
        </>
      )}
      onChange={props.onChange}
      inlineList={props.inlineList}
    />
  );
}
