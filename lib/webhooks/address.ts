import { BlockList, isIP } from "node:net";

/**
 * SPEC W2: which IP addresses a webhook may never reach. Pure, so every form is unit-tested:
 * the check runs on the address a name resolved to, right before connecting to that address.
 * IPv4-mapped, IPv4-compatible, 6to4 and NAT64 IPv6 addresses are judged by the IPv4 address
 * they carry, so `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
const v4 = new BlockList();
const v4Ranges: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
for (const [network, prefix] of v4Ranges) v4.addSubnet(network, prefix, "ipv4");

const v6Ranges: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["100::", 64, "discard"],
  ["2001::", 32, "Teredo"],
  ["2001:db8::", 32, "documentation"],
  ["fc00::", 7, "unique local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
];

function v4Reason(address: string): string | null {
  for (const [network, prefix, reason] of v4Ranges) {
    const one = new BlockList();
    one.addSubnet(network, prefix, "ipv4");
    if (one.check(address, "ipv4")) return reason;
  }
  return null;
}

/** The 16 bytes of an IPv6 address (any textual form, with or without an embedded IPv4 tail). */
function v6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    tail = last.split(".").map(Number);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const restGroups = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...(rest !== undefined ? Array(missing).fill("0") : []), ...restGroups].map((g) => parseInt(g || "0", 16));
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function embeddedV4(bytes: number[]): string | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const tail = bytes.slice(12, 16).join(".");
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
  if (zero(0, 10) && ((bytes[10] === 0xff && bytes[11] === 0xff) || (bytes[10] === 0 && bytes[11] === 0 && !zero(12, 16)))) {
    if (zero(0, 12) && bytes[12] === 0 && bytes[13] === 0 && bytes[14] === 0) return null; // ::, ::1: judged as IPv6
    return tail;
  }
  // 64:ff9b::a.b.c.d (NAT64, well-known prefix)
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return tail;
  // 2002:AABB:CCDD::/48 (6to4)
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6).join(".");
  return null;
}

/**
 * Why an address must not be reached (loopback, private, link-local …), or null when it is a
 * public unicast address. Anything that is not an IP address is refused too.
 */
export function blockedAddressReason(address: string): string | null {
  const family = isIP(address.includes("%") ? address.slice(0, address.indexOf("%")) : address);
  if (family === 4) return v4.check(address, "ipv4") ? v4Reason(address) : null;
  if (family !== 6) return "not an IP address";
  const bytes = v6Bytes(address);
  const inner = embeddedV4(bytes);
  if (inner) {
    const reason = blockedAddressReason(inner);
    return reason ? `${reason} (IPv4 inside IPv6)` : null;
  }
  const normalized = bytesToV6(bytes);
  for (const [network, prefix, reason] of v6Ranges) {
    const one = new BlockList();
    one.addSubnet(network, prefix, "ipv6");
    if (one.check(normalized, "ipv6")) return reason;
  }
  return null;
}

function bytesToV6(bytes: number[]): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(":");
}
