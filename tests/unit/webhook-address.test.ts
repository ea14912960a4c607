import { describe, expect, it } from "vitest";
import { blockedAddressReason } from "@/lib/webhooks/address";

describe("W2 the address classifier", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "documentation"],
    ["198.18.0.1", "benchmarking"],
  ])("W2: IPv4 %s is refused (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each([
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["fec0::1", "site-local"],
  ])("W2: IPv6 %s is refused (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:7f00:1::1", "loopback"],
    ["2002:c0a8:101::1", "private"],
  ])("W2: IPv4 inside IPv6 %s is judged by its IPv4 address (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(`${reason} (IPv4 inside IPv6)`);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"])(
    "W2: public address %s is allowed",
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );

  it.each(["localhost", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "", "1.2.3.4.5", "::ffff:127.0.0.1:80"])(
    "W2: %s is not an IP address: refused here (names, decimal and octal forms are resolved by DNS first, and their answer is checked)",
    (text) => {
      expect(blockedAddressReason(text)).toBe("not an IP address");
    },
  );
});
