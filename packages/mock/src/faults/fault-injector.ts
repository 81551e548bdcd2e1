import { createPrng, type Prng } from "../internal/prng.js";
import type { FaultOptions, RouteFaults } from "./fault-options.js";
import type { HandlerFaults } from "./handler-faults.js";
import type { RouteName } from "./route-name.js";
import type { TransportFault } from "./transport-fault.js";

/** A failure the injector chose instead of handling a request; the core answers it in CTS's shape. */
export type InjectedFailure =
  /** `fail-page`: page `page` fails with `status`. */
  | { readonly kind: "page"; readonly page: number; readonly status: 500 | 503 }
  /** `throttle`: API Gateway's 429. */
  | { readonly kind: "throttle" }
  /** `error`: CTS's 500. */
  | { readonly kind: "error" };

/** What the injector decided for one request before it is handled. */
export interface FaultDecision {
  /** Answer with this failure instead of handling the request. */
  readonly failure?: InjectedFailure;
  /** Delay or drop, carried out by the transport. */
  readonly transport?: TransportFault;
}

const NONE: FaultDecision = {};

/**
 * Draws the configured faults from a seeded PRNG, so the same seed and request sequence give the
 * same faults. It knows route groups and page numbers, not replies: the core turns its
 * decisions into answers.
 *
 * @example
 * const faults = new FaultInjector(parseFaultSpec("traces:fail-page=2:503"), 1);
 * faults.decide("traces", 2); // { failure: { kind: "page", page: 2, status: 503 } }
 */
export class FaultInjector {
  private readonly prng: Prng;
  private readonly failures = new Map<number, number>();
  private readonly views = new Map<RouteName, HandlerFaults>();

  constructor(
    private readonly options: FaultOptions,
    seed: number,
  ) {
    this.prng = createPrng(seed ^ 0x5eed_fa17);
  }

  /**
   * Decides latency, drops, page failures, throttling and errors for one request, in that
   * order of draws. `page` is the request's page number (1 = first) on a paged route,
   * `undefined` on a route without pages, where `fail-page` never applies.
   */
  decide(route: RouteName, page: number | undefined): FaultDecision {
    const faults = this.faultsOf(route);
    if (faults === undefined) return NONE;
    const latency = faults.latency;
    const delayMs =
      latency === undefined
        ? 0
        : latency.minMs + Math.round(this.prng.next() * (latency.maxMs - latency.minMs));
    const drop = this.chance(faults.drop);
    const transport = delayMs > 0 || drop ? { delayMs, drop } : undefined;
    const failure = this.failure(faults, page);
    return { ...(failure === undefined ? {} : { failure }), ...(transport ? { transport } : {}) };
  }

  /** The faults a route group's handler carries out itself. */
  forHandler(route: RouteName): HandlerFaults {
    let view = this.views.get(route);
    if (view === undefined) {
      view = { duplicate: () => this.chance(this.faultsOf(route)?.duplicates) };
      this.views.set(route, view);
    }
    return view;
  }

  /** Faults of a route group (its own entry, else `"*"`). */
  private faultsOf(route: RouteName): RouteFaults | undefined {
    return this.options[route] ?? this.options["*"];
  }

  private failure(faults: RouteFaults, page: number | undefined): InjectedFailure | undefined {
    const failPage = faults.failPage;
    if (failPage !== undefined && page !== undefined && failPage.page === page) {
      const done = this.failures.get(page) ?? 0;
      if (done < failPage.times) {
        this.failures.set(page, done + 1);
        return { kind: "page", page, status: failPage.status };
      }
    }
    if (this.chance(faults.throttle)) return { kind: "throttle" };
    if (this.chance(faults.error)) return { kind: "error" };
    return undefined;
  }

  private chance(probability: number | undefined): boolean {
    return probability !== undefined && probability > 0 && this.prng.next() < probability;
  }
}
