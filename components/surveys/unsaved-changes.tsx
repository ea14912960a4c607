"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type UnsavedChanges = {
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  /** The editor registers how to submit "Save and check in"; null when no editor is shown. */
  registerSaveAndCheckIn: (submit: (() => void) | null) => void;
  saveAndCheckIn: () => void;
};

const Context = createContext<UnsavedChanges | null>(null);

/** The survey page's unsaved-edits state, shared by the editor and the Check in button (#14.1). */
export function useUnsavedChanges(): UnsavedChanges {
  const value = useContext(Context);
  if (!value) throw new Error("useUnsavedChanges needs an <UnsavedChangesGuard> around it.");
  return value;
}

/** Whether a click on this link leaves the page for another page of the app (a client navigation). */
function inAppDestination(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href, window.location.href);
  // Another site unloads this page: `beforeunload` asks there.
  if (url.origin !== window.location.origin) return null;
  // A jump within this page (the skip link) loses nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * S1, #14.1: while the survey has unsaved edits, leaving the page asks first — closing the tab or
 * reloading (the browser's own `beforeunload` prompt) and following any in-app link (the App
 * Router has no route-change events to cancel, so clicks on links are intercepted before Next's
 * <Link> sees them, in the capture phase on window).
 */
export function UnsavedChangesGuard({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [dirty, setDirty] = useState(false);
  const [leavingTo, setLeavingTo] = useState<string | null>(null);
  const saver = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      const destination = inAppDestination(event);
      if (!destination) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(destination);
    };
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", click, true);
    };
  }, [dirty]);

  const registerSaveAndCheckIn = useCallback((submit: (() => void) | null) => {
    saver.current = submit;
  }, []);
  const saveAndCheckIn = useCallback(() => saver.current?.(), []);
  const value = useMemo(() => ({ dirty, setDirty, registerSaveAndCheckIn, saveAndCheckIn }), [dirty, registerSaveAndCheckIn, saveAndCheckIn]);

  return (
    <Context.Provider value={value}>
      {children}
      {leavingTo ? (
        <Dialog
          open
          onOpenChange={(open) => !open && setLeavingTo(null)}
          title="Leave without saving?"
          description={<p>Your changes to this survey are not saved. If you leave now, they are lost.</p>}
        >
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setLeavingTo(null)}>
              Stay on this page
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                const to = leavingTo;
                setDirty(false);
                setLeavingTo(null);
                router.push(to);
              }}
            >
              Leave without saving
            </Button>
          </div>
        </Dialog>
      ) : null}
    </Context.Provider>
  );
}
