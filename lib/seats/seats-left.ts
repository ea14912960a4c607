/**
 * Seats left under a limit, for the organization's tier (T1, T2) and a plan's seats (P1, P3)
 * alike: null when unlimited. Pure, so pages and client components ask it instead of doing the
 * arithmetic themselves; the services decide under the lock (reserveSeat, lockPlan).
 */
export function seatsLeft(usage: { limit: number | null; used: number }): number | null {
  return usage.limit === null ? null : Math.max(0, usage.limit - usage.used);
}

/** Every seat taken: nobody more joins until one is freed or the limit is raised (T3, P3). */
export function seatsFull(usage: { limit: number | null; used: number }): boolean {
  return seatsLeft(usage) === 0;
}
