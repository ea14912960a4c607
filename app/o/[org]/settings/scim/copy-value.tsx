"use client";

import { Check, Copy } from "lucide-react";
import { useState, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";

/**
 * A value to paste into the identity provider (the base URL, a new token): a labelled read-only
 * field that selects itself on focus, and Copy. Where the clipboard is refused, the text is
 * selected instead so Ctrl+C copies it.
 */
export function CopyValue({
  id,
  label,
  value,
  labelHidden = false,
  inputRef,
  testId,
  copyLabel,
}: {
  id: string;
  label: string;
  /** The Copy button's accessible name ("Copy the SCIM base URL"). */
  copyLabel: string;
  value: string;
  labelHidden?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const done = copied === value;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelHidden ? "sr-only" : "block text-sm font-medium text-gray-900"}>
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={id}
          ref={inputRef}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={cn(inputClass, "font-mono text-xs")}
          data-testid={testId}
        />
        <Button
          type="button"
          variant="secondary"
          className="shrink-0 self-start sm:self-auto"
          aria-label={copyLabel}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(value);
            } catch {
              (document.getElementById(id) as HTMLInputElement | null)?.select();
            }
          }}
        >
          {done ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
          {done ? "Copied" : "Copy"}
        </Button>
      </div>
      <span className="sr-only" aria-live="polite">
        {done ? `${label} copied.` : ""}
      </span>
    </div>
  );
}
