import { redirect } from "next/navigation";
import { requireUserPage } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/orgs/queries";

export const dynamic = "force-dynamic";

/** The landing: into the person's first active organization, or to create one (I5). */
export default async function Home() {
  const user = await requireUserPage();
  const orgs = await listUserOrganizations(user.id);
  const active = orgs.find((o) => o.status === "active");
  if (active) redirect(`/o/${active.slug}/users`);
  if (orgs.length) redirect(`/suspended?org=${encodeURIComponent(orgs[0].slug)}`);
  redirect("/onboarding");
}
