import { flat } from "./flat.js";

/** Values a template's `$placeholders` are filled from (JSON-safe strings: no `"`, `\`, controls). */
export type TemplateArgs = Readonly<Record<string, string>>;

/**
 * A JSON text template compiled into pre-escaped fragments, so filling it is string
 * concatenation: the result is the template's text escaped for use inside a JSON string
 * literal (the `request`/`response` fields are JSON text inside JSON).
 */
export class JsonTemplate {
  private readonly statics: readonly string[];
  /** `statics` with the opening and closing quote of a JSON string literal baked in. */
  private readonly quoted: readonly string[];
  private readonly keys: readonly string[];

  /** `text` is JSON with `$name` placeholders, e.g. `{"name":"$name","id":"$id"}`. */
  constructor(text: string) {
    const statics: string[] = [];
    const keys: string[] = [];
    let last = 0;
    for (const match of text.matchAll(/\$([a-zA-Z]\w*)/g)) {
      statics.push(flat(escapeInString(text.slice(last, match.index))));
      keys.push(match[1] as string);
      last = match.index + match[0].length;
    }
    statics.push(flat(escapeInString(text.slice(last))));
    this.statics = statics;
    const quoted = [...statics];
    quoted[0] = flat(`"${quoted[0]}`);
    quoted[quoted.length - 1] = flat(`${quoted[quoted.length - 1]}"`);
    this.quoted = quoted;
    this.keys = keys;
  }

  /** The filled, escaped text; a missing key renders as an empty string. */
  render(primary: TemplateArgs, extra?: TemplateArgs): string {
    return fill(this.statics, this.keys, primary, extra);
  }

  /** {@link JsonTemplate.render} as a JSON string literal (quotes included, no extra pieces). */
  renderQuoted(primary: TemplateArgs, extra?: TemplateArgs): string {
    return fill(this.quoted, this.keys, primary, extra);
  }
}

function fill(
  statics: readonly string[],
  keys: readonly string[],
  primary: TemplateArgs,
  extra: TemplateArgs | undefined,
): string {
  let out = statics[0] as string;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += (extra?.[key] ?? primary[key] ?? "") + (statics[i + 1] as string);
  }
  return out;
}

/** Escapes text for the inside of a JSON string literal. */
export function escapeInString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
