import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { planUserPermissions, productPermissions, products } from "./schema";
import type { PlanCapability } from "@/lib/permissions";

type CatalogPermission = {
  /** The capability of the product area this permission unlocks (docs/decisions/011). */
  key: PlanCapability;
  label: string;
  description: string;
  isDefault: boolean;
  /** Keys this permission had before; plan users who held one of them keep the permission. */
  formerKeys?: readonly string[];
};

type CatalogProduct = {
  id: string;
  name: string;
  description: string;
  userMode: "several" | "unlimited" | "single";
  supplierOnly: boolean;
  permissions: readonly CatalogPermission[];
};

/**
 * The products of SPEC §5 and their permissions (P5). Reference data, kept in step at start.
 * Every permission is one capability of the product area (workflows and tasks, SPEC §6), named in
 * the product's own words; `lib/plans/product-area.ts` checks it on every page and action.
 */
export const productCatalog = [
  {
    id: "pdoc_share",
    name: "PDoc Share",
    description: "Share your product documentation with customers",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      {
        key: "workflows.view_all",
        label: "View all documents",
        description: "See every plan user's document workflows and their tasks, not only your own.",
        isDefault: true,
        formerKeys: ["documents.view"],
      },
      {
        key: "workflows.create",
        label: "Upload documents",
        description: "Start document workflows of your own.",
        isDefault: true,
        formerKeys: ["documents.upload"],
      },
      {
        key: "tasks.send",
        label: "Assign document tasks",
        description: "Send tasks to other users of the plan.",
        isDefault: false,
        formerKeys: ["documents.share"],
      },
    ],
  },
  {
    id: "supplier_evaluations",
    name: "Supplier Evaluations",
    description: "Rate your suppliers regularly and efficiently",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      {
        key: "workflows.view_all",
        label: "View all evaluations",
        description: "See every plan user's evaluation workflows and their tasks, not only your own.",
        isDefault: true,
        formerKeys: ["evaluations.view"],
      },
      {
        key: "workflows.create",
        label: "Start evaluations",
        description: "Start evaluation workflows of your own.",
        isDefault: true,
        formerKeys: ["evaluations.rate"],
      },
      {
        key: "tasks.send",
        label: "Assign rating tasks",
        description: "Send tasks to other users of the plan.",
        isDefault: false,
        formerKeys: ["evaluations.publish"],
      },
    ],
  },
  {
    id: "corrective_actions",
    name: "Corrective Actions",
    description: "Track and analyze problematic incidents with your business partners",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      {
        key: "workflows.view_all",
        label: "View all incidents",
        description: "See every plan user's incident workflows and their tasks, not only your own.",
        isDefault: true,
        formerKeys: ["incidents.view"],
      },
      {
        key: "workflows.create",
        label: "Report incidents",
        description: "Start incident workflows of your own.",
        isDefault: true,
        formerKeys: ["incidents.report"],
      },
      {
        key: "tasks.send",
        label: "Assign corrective tasks",
        description: "Send tasks to other users of the plan.",
        isDefault: false,
        formerKeys: ["incidents.close"],
      },
    ],
  },
  {
    id: "service",
    name: "Service",
    description: "Serve your customers as a supplier",
    userMode: "several",
    supplierOnly: true,
    permissions: [
      {
        key: "workflows.view_all",
        label: "View all customer requests",
        description: "See every plan user's request workflows and their tasks, not only your own.",
        isDefault: true,
        formerKeys: ["requests.view"],
      },
      {
        key: "workflows.create",
        label: "Answer customer requests",
        description: "Open request workflows of your own.",
        isDefault: true,
        formerKeys: ["requests.answer"],
      },
      {
        key: "tasks.send",
        label: "Assign requests to the team",
        description: "Send tasks to other users of the plan.",
        isDefault: false,
        formerKeys: ["team.assign"],
      },
    ],
  },
  {
    id: "custom_plan",
    name: "Custom Plan",
    description: "A plan tailored to your company, with unlimited users",
    userMode: "unlimited",
    supplierOnly: false,
    permissions: [
      {
        key: "workflows.view_all",
        label: "View all workflows",
        description: "See every plan user's workflows and their tasks, not only your own.",
        isDefault: true,
        formerKeys: ["workspace.view"],
      },
      {
        key: "workflows.create",
        label: "Create workflows",
        description: "Start workflows of your own.",
        isDefault: true,
        formerKeys: ["workspace.edit"],
      },
      {
        key: "tasks.send",
        label: "Send tasks",
        description: "Send tasks to other users of the plan.",
        isDefault: false,
      },
    ],
  },
  {
    id: "company_profile",
    name: "Company Profile",
    description: "Your company's public profile",
    userMode: "single",
    supplierOnly: false,
    // One user, the subscriber, who always holds every permission (P5): there is nobody whose
    // workflows "view all" could reveal, so the profile has only the two capabilities it uses.
    permissions: [
      {
        key: "workflows.create",
        label: "Edit the profile",
        description: "Start profile update workflows.",
        isDefault: true,
        formerKeys: ["profile.edit"],
      },
      {
        key: "tasks.send",
        label: "Plan profile updates",
        description: "Send profile tasks to the plan's user.",
        isDefault: true,
      },
    ],
  },
] as const satisfies readonly CatalogProduct[];

export type ProductId = (typeof productCatalog)[number]["id"];

/**
 * Writes the catalogue: products and permissions upserted; a permission renamed here is granted to
 * every plan user who held one of its `formerKeys`; permissions no longer listed are deleted (with
 * their grants), so no stored permission is one that gates nothing.
 */
export async function syncProductCatalog(db: DbOrTx) {
  for (const [index, product] of productCatalog.entries()) {
    const { permissions, ...row } = product as CatalogProduct;
    await db
      .insert(products)
      .values({ ...row, sortOrder: index })
      .onConflictDoUpdate({
        target: products.id,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          userMode: sql`excluded.user_mode`,
          supplierOnly: sql`excluded.supplier_only`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    for (const [order, permission] of permissions.entries()) {
      const { formerKeys, ...values } = permission;
      await db
        .insert(productPermissions)
        .values({ productId: product.id, ...values, sortOrder: order })
        .onConflictDoUpdate({
          target: [productPermissions.productId, productPermissions.key],
          set: {
            label: sql`excluded.label`,
            description: sql`excluded.description`,
            isDefault: sql`excluded.is_default`,
            sortOrder: sql`excluded.sort_order`,
          },
        });
      if (formerKeys?.length) {
        await db.execute(sql`
          insert into ${planUserPermissions} (plan_user_id, product_id, key)
          select plan_user_id, product_id, ${permission.key}
          from ${planUserPermissions}
          where product_id = ${product.id} and ${inArray(planUserPermissions.key, [...formerKeys])}
          on conflict do nothing`);
      }
    }
    await db.delete(productPermissions).where(
      and(
        eq(productPermissions.productId, product.id),
        notInArray(
          productPermissions.key,
          permissions.map((p) => p.key),
        ),
      ),
    );
  }
}
