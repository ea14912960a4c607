/**
 * Issue 14.15: "did you mean …?" for an address whose domain looks like a typo of a domain the
 * organization's members use ("brigthforge.test" when members are at "brightforge.test"). Pure,
 * so the Invite Teammate form asks before sending and tests can call it directly.
 */

/** Edits between two strings, a swap of neighbours counting as one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The address with a known domain instead of its own, when its own is not known and is one or
 * two small edits away from exactly one known domain (one edit for short domains); else null.
 */
export function suggestDomain(address: string, knownDomains: readonly string[]): string | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).trim().toLowerCase();
  if (!domain) return null;
  const known = [...new Set(knownDomains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
  if (known.includes(domain)) return null;
  const allowed = domain.length < 8 ? 1 : 2;
  const near = known
    .map((candidate) => ({ candidate, distance: editDistance(domain, candidate) }))
    .filter((c) => c.distance > 0 && c.distance <= allowed)
    .sort((x, y) => x.distance - y.distance);
  if (!near.length || (near.length > 1 && near[0].distance === near[1].distance)) return null;
  return `${local}@${near[0].candidate}`;
}
