import "server-only";
import { revalidatePath } from "next/cache";

/** After a change inside an organization, every page of it renders fresh data. */
export function refreshOrganization(orgSlug: string) {
  revalidatePath(`/o/${orgSlug}`, "layout");
}
