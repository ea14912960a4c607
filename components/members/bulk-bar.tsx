"use client";

import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format";
import { canChangeRoles, personOpKind, type Actor } from "@/lib/permissions";
import type { PersonOpChoice, PersonRowData } from "./person-row";

const ops: Array<[PersonOpChoice, string]> = [
  ["suspend", "Suspend"],
  ["reactivate", "Re-activate"],
  ["role", "Change role"],
  ["delete", "Delete"],
  ["resend", "Resend"],
  ["revoke", "Revoke"],
];

/**
 * The bar over the table while rows are selected: the bulk actions that apply to the kinds of
 * row selected (members, invitations) and that the viewer's role has at all (R3: Change role is
 * for Admins). Which selected rows an action cannot apply to is said in its dialog, before it runs.
 */
export function BulkBar(props: { viewer: Actor; rows: PersonRowData[]; onChoose: (op: PersonOpChoice, anchor: HTMLElement) => void; onClear: () => void }) {
  const members = props.rows.filter((r) => !r.kind).length;
  const invitations = props.rows.length - members;
  const shown = ops.filter(([op]) => (personOpKind[op] === "member" ? members > 0 : invitations > 0) && (op !== "role" || canChangeRoles(props.viewer.role)));
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm">
      <span className="font-medium text-indigo-900">
        {props.rows.length} selected{invitations && members ? ` (${plural(members, "member")}, ${plural(invitations, "invitation")})` : ""}
      </span>
      {shown.map(([op, label]) => (
        <Button key={op} size="sm" variant={op === "delete" || op === "revoke" ? "danger" : "secondary"} onClick={(event) => props.onChoose(op, event.currentTarget)}>
          {label}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={props.onClear}>
        Clear selection
      </Button>
    </div>
  );
}
