"use client";

import type { FormHTMLAttributes } from "react";

/**
 * A GET filter form whose choices apply as soon as they change (#14.16): changing a select
 * submits the form; the search box applies on Enter. Its Apply button stays, for a browser
 * without JavaScript.
 */
export function AutoApplyForm(props: FormHTMLAttributes<HTMLFormElement>) {
  return (
    <form
      {...props}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) event.currentTarget.requestSubmit();
      }}
    />
  );
}
