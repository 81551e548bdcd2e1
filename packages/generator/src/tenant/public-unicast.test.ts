import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { ipv4ToUint, isPublicUnicastIpv4 } from "./public-unicast.js";

/** The rule restated octet by octet (independent of the CIDR table). */
function special(a: number, b: number, c: number): boolean {
  return (
    a === 0 ||
    a === 10 ||
    (a === 100 && b >= 64 && b <= 127) ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

const octet = fc.integer({ min: 0, max: 255 });

describe("isPublicUnicastIpv4", () => {
  test.prop([octet, octet, octet, octet], { numRuns: 5000 })(
    "agrees with the octet-wise rule on every address",
    (a, b, c, d) => {
      expect(isPublicUnicastIpv4(`${a}.${b}.${c}.${d}`)).toBe(!special(a, b, c));
    },
  );

  test.prop([fc.constantFrom(0, 10, 127, 224, 239, 240, 255), octet, octet, octet])(
    "refuses whole special /8s, multicast and reserved space",
    (a, b, c, d) => {
      expect(isPublicUnicastIpv4(`${a}.${b}.${c}.${d}`)).toBe(false);
    },
  );

  test.each([
    ["100.63.255.255", true],
    ["100.64.0.0", false],
    ["100.127.255.255", false],
    ["100.128.0.0", true],
    ["172.15.255.255", true],
    ["172.32.0.0", true],
    ["192.0.1.1", true],
    ["192.0.2.1", false],
    ["198.17.255.255", true],
    ["198.20.0.0", true],
    ["198.51.101.1", true],
    ["203.0.112.9", true],
    ["223.255.255.255", true],
    ["255.255.255.255", false],
    ["124.71.93.243", true],
    ["127.109.246.181", false],
    ["227.183.16.147", false],
  ] as const)("%s → %s", (ip, expected) => {
    expect(isPublicUnicastIpv4(ip)).toBe(expected);
  });

  test.each(["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "a.b.c.d", "1.2.3.-4"])(
    "refuses %j (not a dotted quad)",
    (text) => {
      expect(ipv4ToUint(text)).toBe(-1);
      expect(isPublicUnicastIpv4(text)).toBe(false);
    },
  );
});
