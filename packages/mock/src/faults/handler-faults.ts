/**
 * The faults of one route group that its handler carries out itself, because only the handler
 * knows when they apply; the core decides every other fault before the handler runs.
 */
export interface HandlerFaults {
  /**
   * Whether this continuation page repeats the previous page's last trace (`duplicates`). Each
   * call draws from the seeded fault sequence: ask once, and only for a continuation page.
   */
  duplicate(): boolean;
}
