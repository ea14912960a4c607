"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * The element that had focus last outside any dialog. Dialogs here are opened from state (a menu
 * item, a button), not from a Radix Trigger, so Radix has no trigger to return focus to and would
 * drop it on <body>. We remember the opener ourselves.
 */
let lastFocusOutsideDialogs: HTMLElement | null = null;
if (typeof document !== "undefined") {
  document.addEventListener(
    "focusin",
    (event) => {
      const target = event.target as HTMLElement | null;
      if (target && !target.closest('[role="dialog"],[role="alertdialog"]')) lastFocusOutsideDialogs = target;
    },
    true,
  );
}

/**
 * The control a person used to open a dialog. An item of a dropdown menu disappears with its menu,
 * so the menu's own button (the ⋮ trigger, which labels the menu) stands for it.
 */
function openerFor(element: Element | null): HTMLElement | null {
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  const menu = element.closest('[role="menu"]');
  if (menu) {
    const triggerId = menu.getAttribute("aria-labelledby");
    return triggerId ? document.getElementById(triggerId) : null;
  }
  return element;
}

function focusable(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element && element.isConnected && !element.hasAttribute("disabled") && element.getAttribute("aria-hidden") !== "true";
}

/**
 * An accessible modal dialog (focus trap, Escape, labelled title and description). When it
 * closes — Escape, Cancel, the close button or a success — focus goes back to the control that
 * opened it (WAI-ARIA dialog pattern), or to `returnFocus()` when the caller knows better (the
 * opener was replaced by the action's result).
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Where focus goes when the dialog closes, if not to its opener (evaluated at closing time). */
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const opener = useRef<HTMLElement | null>(null);
  const openerLabel = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    // Runs before Radix moves focus into the dialog: the active element is still the opener, or
    // (a menu item that just closed its menu) the last element focused before it.
    const active = openerFor(document.activeElement) ?? openerFor(lastFocusOutsideDialogs);
    opener.current = active;
    openerLabel.current = active?.getAttribute("aria-label") ?? null;
  }, [open]);
  const restoreFocus = (event: Event) => {
    event.preventDefault();
    let target = returnFocus?.() ?? opener.current;
    // A row re-rendered by the server may have replaced its button with an equal one: find it by its label.
    if (!focusable(target) && openerLabel.current) {
      target = document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(openerLabel.current)}"]`);
    }
    if (focusable(target)) target.focus();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-gray-900/40" />
        <RadixDialog.Content
          onCloseAutoFocus={restoreFocus}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(92vw,30rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ring-1 ring-gray-200 focus:outline-none"
        >
          <RadixDialog.Title className="pr-8 text-lg font-semibold text-gray-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description asChild>
              <div className="mt-2 text-sm text-gray-600">{description}</div>
            </RadixDialog.Description>
          ) : null}
          <div className="mt-5">{children}</div>
          <RadixDialog.Close className="absolute right-4 top-4 rounded-md p-1 text-gray-400 hover:bg-gray-100 hover:text-gray-600" aria-label="Close">
            <X aria-hidden className="h-4 w-4" />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A confirm dialog's last row: Cancel, then the action (disabled while it runs). */
export function DialogActions(props: { onCancel: () => void; label: string; pendingLabel: string; pending: boolean; danger?: boolean; disabled?: boolean }) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button variant="secondary" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={props.danger === false ? "primary" : "danger"} disabled={props.pending || props.disabled}>
        {props.pending ? props.pendingLabel : props.label}
      </Button>
    </div>
  );
}
