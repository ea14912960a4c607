/** The before/after of the fields an audit entry changed, for the disclosure under its sentence (A1). */
import { personKeys } from "./mentions";
import { asPayload, roleLabel, tierLabel, type AuditNames, type AuditRecord } from "./record";

const fieldLabels: Record<string, string> = {
  role: "Role",
  status: "Status",
  firstName: "First name",
  lastName: "Last name",
  name: "Name",
  phone: "Phone",
  email: "Email",
  pendingEmail: "Pending email",
  tier: "Tier",
  seats: "Seats",
  permissions: "Permissions",
  ownerId: "Owner",
  subscriberId: "Subscriber",
  subscriberEmail: "Subscriber's email",
  checkedOutById: "Checked out by",
  checkedOutAt: "Checked out at",
  expiresAt: "Expires",
  plans: "Plans",
  plan: "Plan",
  onPlan: "On the plan",
  title: "Title",
  state: "State",
  shareLink: "Share link",
  companyName: "Company",
  otherSessionsEnded: "Other sessions ended",
  sessionsEnded: "Sessions ended",
  checkOutsReleased: "Check-outs released",
  planPlacesRemoved: "Plan places removed",
  transfersVoided: "Transfers voided",
  responsesMoved: "Responses moved",
  questionsAdded: "Questions added",
  member: "Member",
  groupName: "Group",
  transferToUserId: "Deprovisioning transfers to",
};

export function fieldLabel(key: string): string {
  if (fieldLabels[key]) return fieldLabels[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type FieldChange = { field: string; before: string; after: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The fields whose value differs between before and after, each shown for people: roles and
 * tiers by their labels, user ids by names, times in UTC, lists joined. Unchanged fields are left
 * out (a role change shows the role, not everything the entry recorded).
 */
export function changedFields(entry: Pick<AuditRecord, "before" | "after">, names: Pick<AuditNames, "people">, formatTime: (d: Date) => string): FieldChange[] {
  const before = asPayload(entry.before);
  const after = asPayload(entry.after);
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (key === "role") return roleLabel(value);
    if (key === "tier") return tierLabel(value);
    if (personKeys.has(key) && typeof value === "string") return names.people.get(value) ?? "a former member";
    if (typeof value === "string" && ISO.test(value) && !Number.isNaN(Date.parse(value))) return formatTime(new Date(value));
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ") : "none";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  // Ids of things (a plan's, a workflow's) mean nothing to a reader: the sentence names those; the
  // CSV keeps the raw JSON. Ids of people are shown as names.
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => personKeys.has(key) || !/Id$/.test(key));
  return keys
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => ({ field: fieldLabel(key), before: show(key, before[key]), after: show(key, after[key]) }));
}
