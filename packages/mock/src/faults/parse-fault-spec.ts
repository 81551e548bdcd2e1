import { MockError, MockErrorCode } from "../mock-error.js";
import type { FaultOptions, RouteFaults } from "./fault-options.js";
import { ROUTE_NAMES, type RouteName } from "./route-name.js";

/** Grammar of a fault spec, for help texts. */
export const FAULT_SPEC_SYNTAX =
  "[route:]item[,item...][;...] with items latency=MS[-MS], throttle=P, error=P, " +
  "fail-page=N[:500|503[:TIMES]], duplicates=P, drop=P; route is * (default) or one of " +
  ROUTE_NAMES.join(", ");

/**
 * Parses a `--fault` spec into {@link FaultOptions}. Groups are separated by `;`, each optionally
 * prefixed by a route name and `:`; several groups for one route merge.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` naming the part that is wrong.
 * @example
 * parseFaultSpec("traces:latency=20-80,fail-page=3:503;*:throttle=0.05")
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const result: Partial<Record<RouteName | "*", RouteFaults>> = {};
  for (const group of spec.split(";").map((part) => part.trim())) {
    if (group === "") continue;
    const colon = group.indexOf(":");
    const equals = group.indexOf("=");
    const hasRoute = colon >= 0 && (equals < 0 || colon < equals);
    const route = hasRoute ? group.slice(0, colon).trim() : "*";
    if (route !== "*" && !(ROUTE_NAMES as readonly string[]).includes(route)) {
      throw invalid(spec, `unknown route "${route}"`);
    }
    let faults: RouteFaults = result[route as RouteName | "*"] ?? {};
    for (const item of (hasRoute ? group.slice(colon + 1) : group).split(",")) {
      faults = { ...faults, ...parseItem(spec, item.trim()) };
    }
    result[route as RouteName | "*"] = faults;
  }
  return result;
}

function parseItem(spec: string, item: string): RouteFaults {
  const [key, value = ""] = item.split("=", 2) as [string, string?];
  switch (key) {
    case "latency": {
      const match = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!match) throw invalid(spec, `latency "${value}" must be MS or MIN-MAX in ms`);
      const minMs = Number(match[1]);
      const maxMs = match[2] === undefined ? minMs : Number(match[2]);
      if (maxMs < minMs) throw invalid(spec, `latency ${value}: the maximum is below the minimum`);
      return { latency: { minMs, maxMs } };
    }
    case "throttle":
    case "error":
    case "duplicates":
    case "drop":
      return { [key]: probability(spec, key, value) };
    case "fail-page": {
      const match = /^(\d+)(?::(500|503))?(?::(\d+))?$/.exec(value);
      if (!match || Number(match[1]) < 1) {
        throw invalid(spec, `fail-page "${value}" must be N[:500|503[:TIMES]] with N ≥ 1`);
      }
      return {
        failPage: {
          page: Number(match[1]),
          status: match[2] === "503" ? 503 : 500,
          times: match[3] === undefined ? 1 : Number(match[3]),
        },
      };
    }
    default:
      throw invalid(spec, `unknown fault "${item}"`);
  }
}

function probability(spec: string, key: string, value: string): number {
  const p = Number(value);
  if (value === "" || !Number.isFinite(p) || p < 0 || p > 1) {
    throw invalid(spec, `${key} "${value}" must be a probability from 0 to 1`);
  }
  return p;
}

function invalid(spec: string, why: string): MockError {
  return new MockError(
    MockErrorCode.invalidOption,
    `invalid fault spec ${JSON.stringify(spec)}: ${why}. Syntax: ${FAULT_SPEC_SYNTAX}`,
  );
}
