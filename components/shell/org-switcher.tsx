"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";

export type OrgOption = { slug: string; name: string };

/** Header control to move between the organizations the person belongs to. */
export function OrgSwitcher({ current, orgs }: { current: OrgOption; orgs: OrgOption[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="inline-flex min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-semibold text-gray-900 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:gap-2 sm:px-2.5"
        aria-label={`Organization: ${current.name}. Switch organization`}
      >
        <span className="truncate">{current.name}</span>
        <ChevronsUpDown aria-hidden className="h-4 w-4 shrink-0 text-gray-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-gray-500">Organizations</DropdownMenu.Label>
          {orgs.map((org) => (
            <DropdownMenu.Item key={org.slug} asChild>
              <Link
                href={`/o/${org.slug}/users`}
                className="flex items-center justify-between gap-3 rounded-md px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
              >
                {org.name}
                {org.slug === current.slug ? <Check aria-label="current" className="h-4 w-4 text-indigo-600" /> : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item asChild>
            <Link
              href="/onboarding"
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
            >
              <Plus aria-hidden className="h-4 w-4" /> Create organization
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
