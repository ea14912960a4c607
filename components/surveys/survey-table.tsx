"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MoreVertical } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import {
  ForceCheckInDialog,
  MergeSurveyDialog,
  TransferSurveyDialog,
  type SurveyRef,
} from "@/components/surveys/survey-dialogs";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

export type SurveyRow = SurveyRef & {
  ownerEmail: string;
  checkedOutByMe: boolean;
  /** Already formatted, like every date here: the table renders the same on server and client. */
  updatedOn: string;
  canForceCheckIn: boolean;
  canTransfer: boolean;
  canMerge: boolean;
};

const itemClass =
  "flex w-full cursor-default items-center rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100";

/**
 * The Surveys table: one client component for the whole table (row menus and their dialogs),
 * fed by plain rows the server already paginated and checked against S2. The server checks
 * every action again.
 */
/** Columns shown from `sm` up (a priority-column table on phones). */
const wide = "hidden sm:table-cell";

export function SurveyTable(props: { orgSlug: string; rows: SurveyRow[]; mineOnlyMerge: boolean }) {
  const [open, setOpen] = useState<null | { kind: "force" | "transfer" | "merge"; survey: SurveyRow }>(null);
  const base = `/o/${props.orgSlug}/surveys`;
  return (
    <>
      <Table aria-label="Surveys">
        <thead className="bg-gray-50">
          <tr>
            <Th>Title</Th>
            {/* On a phone the title's cell carries these, and the row's ⋮ stays on screen. */}
            <Th className={wide}>Owner</Th>
            <Th className={wide}>Checked out by</Th>
            <Th className={`${wide} text-right`}>Responses</Th>
            <Th className={wide}>Last change</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {props.rows.map((s) => {
            const anyAction = (s.checkedOutById && !s.checkedOutByMe && s.canForceCheckIn) || s.canTransfer || s.canMerge;
            return (
              <tr key={s.id}>
                <Td className="whitespace-normal font-medium text-gray-900 sm:max-w-xs sm:truncate">
                  <Link href={`${base}/${s.id}`} className="hover:text-indigo-600 hover:underline">
                    {s.title}
                  </Link>
                  <span className="mt-0.5 block text-xs font-normal text-gray-500 sm:hidden">
                    {s.ownerName} · {s.checkedOutById ? `checked out by ${s.checkedOutByMe ? "you" : s.checkedOutByName}` : "checked in"} ·{" "}
                    {s.responses} response{s.responses === 1 ? "" : "s"}
                  </span>
                </Td>
                <Td className={wide}>{s.ownerName}</Td>
                <Td className={wide}>
                  {s.checkedOutById ? (
                    <span className="flex flex-col items-start gap-0.5">
                      <Badge tone={s.checkedOutByMe ? "indigo" : "amber"}>{s.checkedOutByMe ? "You" : s.checkedOutByName}</Badge>
                      <span className="text-xs text-gray-500">since {s.checkedOutSince}</span>
                    </span>
                  ) : (
                    <span className="text-gray-500">Checked in</span>
                  )}
                </Td>
                <Td className={`${wide} text-right tabular-nums`}>{s.responses}</Td>
                <Td className={wide}>{s.updatedOn}</Td>
                <Td className="text-right">
                  {anyAction ? (
                    <DropdownMenu.Root>
                      <DropdownMenu.Trigger
                        className="rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
                        aria-label={`Actions for ${s.title}`}
                      >
                        <MoreVertical aria-hidden className="h-4 w-4" />
                      </DropdownMenu.Trigger>
                      <DropdownMenu.Portal>
                        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200">
                          <DropdownMenu.Item asChild className={itemClass}>
                            <Link href={`${base}/${s.id}`}>Open</Link>
                          </DropdownMenu.Item>
                          {s.checkedOutById && !s.checkedOutByMe && s.canForceCheckIn ? (
                            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen({ kind: "force", survey: s })}>
                              Force check-in…
                            </DropdownMenu.Item>
                          ) : null}
                          {s.canTransfer ? (
                            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen({ kind: "transfer", survey: s })}>
                              Transfer…
                            </DropdownMenu.Item>
                          ) : null}
                          {s.canMerge ? (
                            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen({ kind: "merge", survey: s })}>
                              Merge into…
                            </DropdownMenu.Item>
                          ) : null}
                        </DropdownMenu.Content>
                      </DropdownMenu.Portal>
                    </DropdownMenu.Root>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {open?.kind === "force" ? (
        <ForceCheckInDialog orgSlug={props.orgSlug} survey={open.survey} onClose={() => setOpen(null)} />
      ) : open?.kind === "transfer" ? (
        <TransferSurveyDialog orgSlug={props.orgSlug} survey={open.survey} onClose={() => setOpen(null)} />
      ) : open?.kind === "merge" ? (
        <MergeSurveyDialog orgSlug={props.orgSlug} survey={open.survey} mineOnly={props.mineOnlyMerge} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
