import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { productPermissions, products } from "./schema";

/** The products of SPEC §5 and their permissions (P5). Reference data, kept in step at start. */
export const productCatalog = [
  {
    id: "pdoc_share",
    name: "PDoc Share",
    description: "Share your product documentation with customers",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      { key: "documents.view", label: "View documents", isDefault: true },
      { key: "documents.upload", label: "Upload documents", isDefault: true },
      { key: "documents.share", label: "Share with customers", isDefault: false },
    ],
  },
  {
    id: "supplier_evaluations",
    name: "Supplier Evaluations",
    description: "Rate your suppliers regularly and efficiently",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      { key: "evaluations.view", label: "View evaluations", isDefault: true },
      { key: "evaluations.rate", label: "Rate suppliers", isDefault: true },
      { key: "evaluations.publish", label: "Publish results to suppliers", isDefault: false },
    ],
  },
  {
    id: "corrective_actions",
    name: "Corrective Actions",
    description: "Track and analyze problematic incidents with your business partners",
    userMode: "several",
    supplierOnly: false,
    permissions: [
      { key: "incidents.view", label: "View incidents", isDefault: true },
      { key: "incidents.report", label: "Report incidents", isDefault: true },
      { key: "incidents.close", label: "Close incidents", isDefault: false },
    ],
  },
  {
    id: "service",
    name: "Service",
    description: "Serve your customers as a supplier",
    userMode: "several",
    supplierOnly: true,
    permissions: [
      { key: "requests.view", label: "View customer requests", isDefault: true },
      { key: "requests.answer", label: "Answer customer requests", isDefault: true },
      { key: "team.assign", label: "Assign requests to the team", isDefault: false },
    ],
  },
  {
    id: "custom_plan",
    name: "Custom Plan",
    description: "A plan tailored to your company, with unlimited users",
    userMode: "unlimited",
    supplierOnly: false,
    permissions: [
      { key: "workspace.view", label: "View the workspace", isDefault: true },
      { key: "workspace.edit", label: "Edit the workspace", isDefault: true },
    ],
  },
  {
    id: "company_profile",
    name: "Company Profile",
    description: "Your company's public profile",
    userMode: "single",
    supplierOnly: false,
    permissions: [
      { key: "profile.view", label: "View the profile", isDefault: true },
      { key: "profile.edit", label: "Edit the profile", isDefault: true },
    ],
  },
] as const;

export type ProductId = (typeof productCatalog)[number]["id"];

export async function syncProductCatalog(db: DbOrTx) {
  for (const [index, product] of productCatalog.entries()) {
    const { permissions, ...row } = product;
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
      await db
        .insert(productPermissions)
        .values({ productId: product.id, ...permission, sortOrder: order })
        .onConflictDoUpdate({
          target: [productPermissions.productId, productPermissions.key],
          set: { label: sql`excluded.label`, isDefault: sql`excluded.is_default`, sortOrder: sql`excluded.sort_order` },
        });
    }
  }
}
