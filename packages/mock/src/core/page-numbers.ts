/** Markers remembered at most; the oldest is forgotten first. */
const MARKER_MEMORY = 10_000;

/**
 * Which page each continuation marker handed out leads to, so a request on a paged route knows
 * its page number (for `fail-page`). A marker it does not remember leads to page 2.
 */
export class PageNumbers {
  private readonly pageOfMarker = new Map<string, number>();

  /** The page a request with `marker` is on: 1 without a marker. */
  pageOf(marker: string | undefined): number {
    return marker === undefined ? 1 : (this.pageOfMarker.get(marker) ?? 2);
  }

  /** Notes that `marker` leads to page `page`. */
  remember(marker: string, page: number): void {
    if (this.pageOfMarker.size >= MARKER_MEMORY) {
      const oldest = this.pageOfMarker.keys().next().value;
      if (oldest !== undefined) this.pageOfMarker.delete(oldest);
    }
    this.pageOfMarker.set(marker, page);
  }
}
