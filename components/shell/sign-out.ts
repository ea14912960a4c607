"use server";

import { signOut } from "@/lib/auth/config";

// POST (server action) – ends this browser's session (the database row is deleted).
export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}
