"use client";

import Form from "next/form";
import type { ComponentProps } from "react";

/**
 * A GET filter form whose choices apply as soon as they change (#14.16): changing a select
 * submits the form, as a client navigation (next/form), keeping scroll; the search box applies
 * on Enter. Its Apply button stays, for a browser without JavaScript (then a plain GET).
 */
export function AutoApplyForm(props: ComponentProps<typeof Form> & { action: string }) {
  return (
    <Form
      {...props}
      scroll={false}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) event.currentTarget.requestSubmit();
      }}
    />
  );
}
