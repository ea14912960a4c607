"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { inputClass } from "@/components/ui/field";

/**
 * A search-as-you-type picker (WAI-ARIA combobox) over any JSON search endpoint: each keystroke
 * asks the server for a bounded list, so it works the same over 10 or 50,000 rows. The chosen
 * item's id travels in a hidden input named `name`; the server checks it again like any field.
 * The member picker and the survey picker are this, with their endpoint and their row.
 */
export function SearchCombobox<T>(props: {
  name: string;
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  hint?: string;
  error?: string;
  /** The URL to fetch for a search text; answers `{ [resultKey]: T[] }`. */
  url: (q: string) => string;
  resultKey: string;
  itemId: (item: T) => string;
  itemText: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** What "N found" counts, for screen readers: "survey" → "3 surveys found". */
  noun: string;
  onChange?: (item: T | null) => void;
  /** The item already chosen when the picker appears (a filter already applied). */
  defaultValue?: T | null;
  /** Shown under "No … matches." when a search finds nothing (where to go instead). */
  emptyHint?: ReactNode;
  /**
   * The list in the flow, pushing what follows down, instead of floating: inside a scrolling
   * dialog a floating list is clipped by it and covers its buttons (#14.10).
   */
  inlineList?: boolean;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState(props.defaultValue ? props.itemText(props.defaultValue) : "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<T[]>([]);
  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<T | null>(props.defaultValue ?? null);
  const [status, setStatus] = useState<"idle" | "loading" | "done" | "failed">("idle");
  const request = useRef<AbortController | null>(null);
  const { url, resultKey, onChange } = props;
  const href = url(text);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setStatus("loading");
      try {
        const response = await fetch(href, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as Record<string, T[]>;
        const items = body[resultKey] ?? [];
        setOptions(items);
        setActive(items.length ? 0 : -1);
        setStatus("done");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("failed");
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [href, open, resultKey]);

  function choose(item: T) {
    setSelected(item);
    setText(props.itemText(item));
    setOpen(false);
    onChange?.(item);
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
      event.preventDefault();
      if (options[active]) choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const found = `${options.length} ${props.noun}${options.length === 1 ? "" : "s"} found`;
  return (
    <div className="relative space-y-1.5">
      <label htmlFor={inputId} className={props.hideLabel ? "sr-only" : "block text-sm font-medium text-gray-900"}>
        {props.label}
      </label>
      <input type="hidden" name={props.name} value={selected ? props.itemId(selected) : ""} />
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
        placeholder={props.placeholder}
        maxLength={100}
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
        aria-label={`${props.label}: matching ${props.noun}s`}
        // No empty strip over the "nothing found" panel below (issue 14.5): the list shows when it has rows.
        hidden={!open || !options.length}
        className={cn(
          "mt-1 overflow-auto rounded-md bg-white py-1 text-sm ring-1 ring-gray-200",
          props.inlineList ? "max-h-48" : "absolute left-0 right-0 z-30 max-h-64 shadow-lg",
        )}
      >
        {options.map((item, index) => (
          <li
            key={props.itemId(item)}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={cn("cursor-pointer px-3 py-2", index === active ? "bg-indigo-50 text-indigo-900" : "text-gray-800")}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
            onMouseEnter={() => setActive(index)}
          >
            {props.renderItem(item)}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className={open && (status === "failed" || (status === "done" && !options.length)) ? "text-sm text-gray-700" : "sr-only"}>
        {!open ? "" : status === "failed" ? "Searching failed. Try again." : status === "done" ? (options.length ? found : `No ${props.noun} matches.`) : ""}
      </p>
      {status === "done" && !options.length && !selected && props.emptyHint ? (
        // Stays after the input loses focus, so a keyboard user can Tab to a link in it.
        <p className="text-sm text-gray-600" onMouseDown={(event) => event.preventDefault()}>
          {props.emptyHint}
        </p>
      ) : null}
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
