/**
 * An audit entry as lib/audit's pure functions read it (SPEC A1), the names resolved for it, and
 * the small readers of its before/after payloads shared by the sentence, the mentions and the
 * field changes.
 */
import type { Tier } from "@/db/schema";
import { roleLabels, type Role } from "@/lib/permissions";
import { tierLabels } from "@/lib/tiers";

export type AuditRecord = {
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetUserId: string | null;
  targetEmail: string | null;
  subjectType: string | null;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  /** The door of the change when not a page (SPEC §11), e.g. `{ door: "api_token", name: "HR sync" }`. */
  via?: unknown;
};

/** Names the queries resolved: people by user id, subjects by `${type}:${id}`. */
export type AuditNames = {
  people: Map<string, string>;
  subjects: Map<string, string>;
  orgName: string;
};

/** A piece of a sentence: plain words, or a name (shown in bold). */
export type SentencePart = string | { name: string };

export type Payload = Record<string, unknown>;

export const asPayload = (value: unknown): Payload => (value && typeof value === "object" && !Array.isArray(value) ? (value as Payload) : {});
export const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

export function roleLabel(value: unknown): string {
  return typeof value === "string" && value in roleLabels ? roleLabels[value as Role] : String(value ?? "—");
}

export function tierLabel(value: unknown): string {
  return typeof value === "string" && value in tierLabels ? tierLabels[value as Tier] : String(value ?? "—");
}

/** The sentence as plain text (the CSV export, and tests). */
export function sentenceText(parts: SentencePart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.name)).join("");
}
