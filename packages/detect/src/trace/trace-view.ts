/**
 * One CTS trace as rules read it: fields by dotted path into the record as CTS writes it
 * (`user.name`, `user.domain.id`), where a string holding JSON text (`request`, `response`) is
 * parsed lazily, once per trace, the first time a path goes inside it (`request.status`).
 * Arrays on the way are flattened: `user.invoked_by` yields each element.
 */
export class TraceView {
  /** The record as parsed from its JSON text. */
  readonly record: Readonly<Record<string, unknown>>;
  private text: string | undefined;
  private readonly parsed = new Map<string, unknown>();

  constructor(record: Readonly<Record<string, unknown>>, text?: string) {
    this.record = record;
    this.text = text;
  }

  /** Builds a view from one NDJSON line (throws `SyntaxError` on bad JSON). */
  static fromLine(line: string): TraceView {
    const record = JSON.parse(line) as unknown;
    if (record === null || typeof record !== "object" || Array.isArray(record))
      throw new SyntaxError("a trace must be a JSON object");
    return new TraceView(record as Record<string, unknown>, line);
  }

  /** `trace_id`, or `""` when the record has none. */
  get traceId(): string {
    const id = this.record.trace_id;
    return typeof id === "string" ? id : "";
  }

  /** `time` (epoch ms), or `NaN` when the record has none. */
  get time(): number {
    const time = this.record.time;
    return typeof time === "number" ? time : Number(time);
  }

  /** The record's JSON text (what keyword searches read). */
  get json(): string {
    this.text ??= JSON.stringify(this.record);
    return this.text;
  }

  /**
   * Every value at `path` (already split on dots): `[]` when the path is absent, `[null]` when
   * it holds null, several values when it crosses arrays.
   */
  values(path: readonly string[]): unknown[] {
    let current: unknown[] = [this.record];
    for (const key of path) {
      const next: unknown[] = [];
      for (const value of current) this.step(value, key, next);
      current = next;
      if (current.length === 0) break;
    }
    return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
  }

  private step(value: unknown, key: string, out: unknown[]): void {
    if (Array.isArray(value)) {
      for (const item of value) this.step(item, key, out);
      return;
    }
    const container = typeof value === "string" ? this.parseJsonText(value) : value;
    if (container === null || typeof container !== "object") return;
    if (Array.isArray(container)) {
      for (const item of container) this.step(item, key, out);
      return;
    }
    const record = container as Record<string, unknown>;
    if (Object.hasOwn(record, key)) out.push(record[key]);
  }

  /** JSON text inside a field (e.g. `request`), parsed once per trace. */
  private parseJsonText(text: string): unknown {
    if (this.parsed.has(text)) return this.parsed.get(text);
    let value: unknown;
    try {
      value =
        text.length > 0 && (text[0] === "{" || text[0] === "[") ? JSON.parse(text) : undefined;
    } catch {
      value = undefined;
    }
    this.parsed.set(text, value);
    return value;
  }
}
