"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { inputClass } from "@/components/ui/field";

export type PickedMember = { userId: string; name: string | null; email: string };

function label(member: PickedMember) {
  return member.name ? `${member.name} (${member.email})` : member.email;
}

/**
 * Search-as-you-type member picker (WAI-ARIA combobox): each keystroke asks the database for at
 * most 20 matching active members (GET /api/orgs/:org/members), so it works the same in an
 * organization of 4 or of 10,000. The chosen member's id travels in a hidden input named `name`;
 * the server checks it again like any other field.
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
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickedMember[]>([]);
  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<PickedMember | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "done" | "failed">("idle");
  const request = useRef<AbortController | null>(null);
  const { orgSlug, notOnPlanId, onPlanId, onChange } = props;
  const exclude = (props.excludeUserIds ?? []).join(",");

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      const params = new URLSearchParams({ q: text });
      if (notOnPlanId) params.set("notOnPlan", notOnPlanId);
      if (onPlanId) params.set("onPlan", onPlanId);
      for (const userId of exclude ? exclude.split(",") : []) params.append("exclude", userId);
      setStatus("loading");
      try {
        const response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/members?${params}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { members: PickedMember[] };
        setOptions(body.members);
        setActive(body.members.length ? 0 : -1);
        setStatus("done");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("failed");
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, orgSlug, notOnPlanId, onPlanId, exclude]);

  function choose(member: PickedMember) {
    setSelected(member);
    setText(label(member));
    setOpen(false);
    onChange?.(member);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === "Enter" && open) {
      // Enter picks the highlighted member instead of submitting the form half-filled.
      event.preventDefault();
      if (options[active]) choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="relative space-y-1.5">
      <label htmlFor={inputId} className={props.hideLabel ? "sr-only" : "block text-sm font-medium text-gray-900"}>
        {props.label}
      </label>
      <input type="hidden" name={props.name} value={selected?.userId ?? ""} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={props.placeholder ?? "Type a name or email"}
        className={inputClass}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (selected) {
            setSelected(null);
            onChange?.(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${props.label}: matching members`}
        hidden={!open}
        className="absolute left-0 right-0 z-30 mt-1 max-h-64 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-gray-200"
      >
        {options.map((member, index) => (
          <li
            key={member.userId}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={cn("cursor-pointer px-3 py-2", index === active ? "bg-indigo-50 text-indigo-900" : "text-gray-800")}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(member);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="font-medium">{member.name ?? member.email}</span>
            {member.name ? <span className="block text-xs text-gray-500">{member.email}</span> : null}
          </li>
        ))}
      </ul>
      {/* Outside the listbox, which may hold options only; read out as the results change. */}
      <p role="status" aria-live="polite" className={open && (status === "failed" || (status === "done" && !options.length)) ? "text-sm text-gray-600" : "sr-only"}>
        {!open ? "" : status === "failed" ? "Searching failed. Try again." : status === "done" ? (options.length ? `${options.length} member${options.length === 1 ? "" : "s"} found` : "No member matches.") : ""}
      </p>
      {props.hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
