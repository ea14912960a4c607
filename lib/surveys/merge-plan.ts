import type { SurveyQuestion } from "@/db/schema/work";

export type MergePlan = {
  /** Source question id → the target question id its answers move to (only ids that change). */
  rename: Record<string, string>;
  /** Source questions the target does not have yet: appended to the target, in order. */
  added: SurveyQuestion[];
  /** Target questions that already ask a source question: the answers join them. */
  matched: Array<{ source: SurveyQuestion; target: SurveyQuestion }>;
  /** The target's question ids after the merge (to keep stray answer keys from colliding). */
  targetIds: string[];
};

const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * SPEC S2 merge: how one survey's responses join another's without losing an answer. A source
 * question whose text the target already asks (compared without case and extra spaces) joins
 * that question; any other is added to the target (optional there), under a fresh id if its id is
 * taken there.
 * Pure, so the preview and the merge itself always agree.
 */
export function planMerge(source: SurveyQuestion[], target: SurveyQuestion[], newId: () => string): MergePlan {
  const byText = new Map<string, SurveyQuestion>();
  for (const question of target) if (!byText.has(normal(question.text))) byText.set(normal(question.text), question);
  const taken = new Set(target.map((q) => q.id));
  const claimed = new Set<string>();
  const rename: Record<string, string> = {};
  const added: SurveyQuestion[] = [];
  const matched: MergePlan["matched"] = [];
  for (const question of source) {
    const same = byText.get(normal(question.text));
    if (same && !claimed.has(same.id)) {
      claimed.add(same.id);
      matched.push({ source: question, target: same });
      if (same.id !== question.id) rename[question.id] = same.id;
      continue;
    }
    let id = question.id;
    while (taken.has(id)) id = newId();
    taken.add(id);
    if (id !== question.id) rename[question.id] = id;
    // Optional in the target: its own respondents are not suddenly required to answer another survey's questions.
    added.push({ id, text: question.text });
  }
  return { rename, added, matched, targetIds: [...taken] };
}
