"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { signOutAction } from "./sign-out";

/**
 * The user name at the top right opens My Subscriptions (as in the ecratum article), the person's
 * profile (name, phone, sign-in email, the organizations they can leave) and Sign out. On a narrow
 * screen only the initial shows; the name stays the button's accessible name.
 */
export function UserMenu({ orgSlug, name, email }: { orgSlug: string; name: string; email: string }) {
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-2 rounded-md px-1.5 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:px-2.5">
        <span aria-hidden className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only sm:not-sr-only">{name}</span>
        <ChevronDown aria-hidden className="hidden h-4 w-4 text-gray-400 sm:block" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-gray-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-gray-500">{email}</DropdownMenu.Label>
          <DropdownMenu.Item asChild>
            <Link
              href={`/o/${orgSlug}/subscriptions`}
              className="block rounded-md px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
            >
              My Subscriptions
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link
              href={`/account?org=${encodeURIComponent(orgSlug)}`}
              className="block rounded-md px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
            >
              Your profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
          <DropdownMenu.Item
            // The menu unmounts when an item is chosen; the form lives outside it and is submitted.
            onSelect={() => signOutForm.current?.requestSubmit()}
            className="block w-full cursor-default rounded-md px-2 py-1.5 text-left text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
      <form ref={signOutForm} action={signOutAction} hidden />
    </DropdownMenu.Root>
  );
}
