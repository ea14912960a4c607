import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, type Db, type DbOrTx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";

export const createOrganizationSchema = z.object({
  name: z
    .string({ error: "Enter your organization's name." })
    .trim()
    .min(2, "The name needs at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
});

export type CreateOrganizationOptions = {
  userId: string;
  name: string;
  kind?: "client" | "supplier";
  invitedByOrgId?: string | null;
  db?: Db;
};

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "org";
}

/** A slug nobody holds yet: the name's, or the name's with a short random suffix. */
async function freeSlug(tx: DbOrTx, name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const [taken] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
    if (!taken) return slug;
  }
  return `${base}-${randomBytes(6).toString("hex")}`;
}

/**
 * SPEC I5: a signed-in person creates an organization and becomes its Admin, on the Free tier.
 * Used by supplier acceptance too (I6), inside that transaction.
 */
export async function createOrganizationInTx(tx: DbOrTx, options: Omit<CreateOrganizationOptions, "db">) {
  const [user] = await tx.select().from(users).where(eq(users.id, options.userId));
  if (!user) throw new Error(`createOrganization: no user ${options.userId}`);
  const slug = await freeSlug(tx, options.name);
  const [org] = await tx
    .insert(organizations)
    .values({
      name: options.name,
      slug,
      tier: "free",
      kind: options.kind ?? "client",
      invitedByOrgId: options.invitedByOrgId ?? null,
    })
    .returning();
  await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "admin" });
  await recordAudit(tx, {
    orgId: org.id,
    actor: { id: user.id, email: user.email },
    action: "organization.created",
    target: { id: user.id, email: user.email },
    subject: { type: "organization", id: org.id },
    after: { name: org.name, tier: org.tier, kind: org.kind, role: "admin" },
  });
  return org;
}

export async function createOrganization(options: CreateOrganizationOptions) {
  const database = options.db ?? defaultDb;
  return database.transaction((tx) => createOrganizationInTx(tx, options));
}
