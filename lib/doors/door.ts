import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The door a request came through when it is not a page (SPEC §11: Activity says "via API token
 * 'HR sync'"). Set once by the door's wrapper (lib/api/route.ts) around the request, read by
 * recordAudit, so none of the services that write audit entries needs to know about doors.
 */
export type Door = { door: "api_token" | "scim"; tokenId: string; name: string };

const storage = new AsyncLocalStorage<Door>();

export function runThroughDoor<T>(door: Door, fn: () => Promise<T>): Promise<T> {
  return storage.run(door, fn);
}

export function currentDoor(): Door | null {
  return storage.getStore() ?? null;
}
