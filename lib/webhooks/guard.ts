import "server-only";
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { blockedAddressReason } from "./address";

/** SEATWISE_WEBHOOK_ALLOW_PRIVATE=1: the operator lets webhooks reach private addresses and plain http (dev, tests). */
export function privateAddressesAllowed(): boolean {
  return process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** A refusal of the SSRF guard (W2): says why, never anything secret. */
export class BlockedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

/**
 * Whether a URL may be used as a webhook endpoint at all (W2): http(s) only, https in
 * production, no user name or password in it. The address it resolves to is checked separately.
 */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/seatwise.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// URL.";
  if (url.protocol === "http:" && process.env.NODE_ENV === "production" && !privateAddressesAllowed()) {
    return "Use an https:// URL: deliveries are signed, but their content must not travel unencrypted.";
  }
  if (url.username || url.password) return "Leave the user name and password out of the URL.";
  return null;
}

function hostOf(url: URL): string {
  // new URL("http://[::1]/").hostname is "[::1]"
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** Resolves a name to every address it has, and refuses unless all of them are public (W2). */
async function resolvePublic(hostname: string, family: number, allowPrivate = privateAddressesAllowed(), what = "webhooks"): Promise<dns.LookupAddress[]> {
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await dns.promises.lookup(hostname, { all: true, family: family === 4 || family === 6 ? family : 0 });
  if (!addresses.length) throw new BlockedAddressError(`${hostname} did not resolve to any address.`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = blockedAddressReason(address);
      if (reason) throw new BlockedAddressError(`${hostname} resolves to a ${reason} address (${address}), which ${what} may not reach.`);
    }
  }
  return addresses;
}

/**
 * A `lookup` for node:http(s) that resolves the name, checks every address, and hands the checked
 * addresses — and only those — to the socket. There is no second resolution between the check and
 * the connection, so DNS rebinding has no gap to use. `allowPrivate` is read at each lookup (the
 * operator's setting); `what` names the door in the refusal ("webhooks", "single sign-on").
 */
export function guardedLookupFor(allowPrivate: () => boolean, what: string): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublic(hostname, options.family as number, allowPrivate(), what).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}

/** The lookup of every webhook delivery (W2). */
export const guardedLookup: LookupFunction = guardedLookupFor(privateAddressesAllowed, "webhooks");

/**
 * The check when an endpoint is saved (W2): the URL's form, then its host's addresses now.
 * Delivery checks again, on every attempt, because what a name resolves to can change.
 */
export async function webhookUrlProblem(raw: string): Promise<string | null> {
  const problem = urlProblem(raw);
  if (problem) return problem;
  const host = hostOf(new URL(raw));
  try {
    await resolvePublic(host, 0);
  } catch (error) {
    if (error instanceof BlockedAddressError) return error.message;
    return `${host} cannot be resolved.`;
  }
  return null;
}

/** IP-literal hosts never reach `lookup` (Node connects to them directly): they are checked here. */
export function assertLiteralHostAllowed(url: URL, allowPrivate = privateAddressesAllowed(), what = "webhooks") {
  const host = hostOf(url);
  if (!isIP(host) || allowPrivate) return;
  const reason = blockedAddressReason(host);
  if (reason) throw new BlockedAddressError(`${host} is a ${reason} address, which ${what} may not reach.`);
}
