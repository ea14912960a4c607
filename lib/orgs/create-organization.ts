import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, type Db, type DbOrTx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { hitRateLimit, rateLimitRules, retryMinutes } from "@/lib/rate-limit";
import { lockPersonForOnboarding, setOwnNamesInTx } from "@/lib/account/profile";
import { transaction } from "@/lib/transaction";

const personName = z
  .string()
  .trim()
  .max(80, "Keep names under 80 characters.")
  .optional()
  .transform((v) => v || undefined);

export const createOrganizationSchema = z.object({
  name: z
    .string({ error: "Enter your organization's name." })
    .trim()
    .min(2, "The name needs at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  /** Asked when the person has no name yet, so teammates see a name and not an address twice. */
  firstName: personName,
  lastName: personName,
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

/** Candidate slugs: the name's, then the name's with a short random suffix. */
function slugCandidates(name: string): string[] {
  const base = slugify(name);
  return [base, ...Array.from({ length: 4 }, () => `${base}-${randomBytes(3).toString("hex")}`), `${base}-${randomBytes(8).toString("hex")}`];
}

/**
 * SPEC I5: a signed-in person creates an organization and becomes its Admin, on the Free tier.
 * Used by supplier acceptance too (I6), inside that transaction.
 */
export async function createOrganizationInTx(tx: DbOrTx, options: Omit<CreateOrganizationOptions, "db">) {
  const [user] = await tx.select().from(users).where(eq(users.id, options.userId));
  if (!user) throw new Error(`createOrganization: no user ${options.userId}`);
  // Two people naming their company alike at the same moment: the slug is claimed by the insert
  // itself (ON CONFLICT DO NOTHING), never by a look-then-insert that both could pass.
  let org: typeof organizations.$inferSelect | undefined;
  for (const slug of slugCandidates(options.name)) {
    [org] = await tx
      .insert(organizations)
      .values({
        name: options.name,
        slug,
        tier: "free",
        kind: options.kind ?? "client",
        invitedByOrgId: options.invitedByOrgId ?? null,
      })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
    if (org) break;
  }
  if (!org) throw new Error("createOrganization: no free slug found");
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

/**
 * I5 from the onboarding page: a person creates an organization of their own, at most
 * rateLimitRules.organizationsPerPerson a day (each one is a new tenant with a Free tier). A person
 * without a name gives one here (first name required then), set in the same transaction.
 */
export async function createOwnOrganization(options: { userId: string; name: string; firstName?: string; lastName?: string }) {
  const rule = rateLimitRules.organizationsPerPerson;
  const limit = await hitRateLimit(`org-create:${options.userId}`, rule);
  if (!limit.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `You created ${rule.limit} organizations today, the most one person may. Try again in ${retryMinutes(limit.retryAfterSeconds)}.`,
    );
  }
  return transaction(async (tx) => {
    const { user, orgIds } = await lockPersonForOnboarding(tx, options.userId);
    const named = Boolean(user.name || user.firstName || user.lastName);
    if (!named && !options.firstName) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { firstName: ["Enter your first name: your teammates will see it."] },
      });
    }
    const org = await createOrganizationInTx(tx, { userId: options.userId, name: options.name });
    if (options.firstName) {
      await setOwnNamesInTx(tx, user, [...orgIds, org.id], { firstName: options.firstName, lastName: options.lastName ?? "" });
    }
    return org;
  });
}

export async function createOrganization(options: CreateOrganizationOptions) {
  const database = options.db ?? defaultDb;
  return database.transaction((tx) => createOrganizationInTx(tx, options));
}
