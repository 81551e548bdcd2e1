import { describe, expect, it } from "vitest";
import { ipClass } from "./ip-class.js";

describe("ipClass", () => {
  it.each([
    ["124.71.93.243", "public"],
    ["8.8.8.8", "public"],
    ["10.1.2.3", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.0.1", "private"],
    ["100.64.0.1", "shared (CGNAT)"],
    ["100.128.0.1", "public"],
    ["127.109.246.181", "loopback"],
    ["169.254.1.1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.255", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.1", "reserved"],
    ["203.0.113.9", "documentation"],
    ["0.0.0.0", "unspecified"],
    ["2001:db8::1", "IPv6"],
    ["", "none"],
    ["300.1.1.1", "invalid"],
  ])("%s is %s", (ip, kind) => {
    expect(ipClass(ip)).toBe(kind);
  });
});
