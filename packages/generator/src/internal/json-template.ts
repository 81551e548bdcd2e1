import { flat } from "./flat.js";

/** Values a template's `$placeholders` are filled from (JSON-safe strings: no `"`, `\`, controls). */
export type TemplateArgs = Readonly<Record<string, string>>;

/** What a missing or empty value renders as: inside a string literal, or as a bare JSON value. */
const STRING_DEFAULT = "";
const VALUE_DEFAULT = "null";

/**
 * A JSON text template compiled into pre-escaped fragments, so filling it is string
 * concatenation: the result is the template's text escaped for use inside a JSON string
 * literal (the `request`/`response` fields are JSON text inside JSON).
 *
 * A placeholder inside a string literal (`"$name"`) takes its value as text; a bare placeholder
 * (`"count":$nodes`) is a JSON value slot: a missing or empty value renders `null` there, so a
 * call that does not know a value (a scenario's quick `createModelArtsTrainJob`) still yields
 * JSON text instead of `"engine_id":}` (issue 18, item 1). The constructor refuses a template
 * that is not JSON with its placeholders filled.
 */
export class JsonTemplate {
  private readonly statics: readonly string[];
  /** `statics` with the opening and closing quote of a JSON string literal baked in. */
  private readonly quoted: readonly string[];
  private readonly keys: readonly string[];
  /** Per placeholder: the text of a missing or empty value. */
  private readonly defaults: readonly string[];

  /**
   * `text` is JSON with `$name` placeholders, e.g. `{"name":"$name","count":$count}`.
   *
   * @throws Error when `text` with its placeholders filled (`"x"` in strings, `0` bare) is not JSON.
   */
  constructor(text: string) {
    const statics: string[] = [];
    const keys: string[] = [];
    const defaults: string[] = [];
    const inString = stringMask(text);
    let last = 0;
    let sample = "";
    for (const match of text.matchAll(/\$([a-zA-Z]\w*)/g)) {
      const between = text.slice(last, match.index);
      const quotedSlot = inString[match.index] === 1;
      statics.push(flat(escapeInString(between)));
      keys.push(match[1] as string);
      defaults.push(quotedSlot ? STRING_DEFAULT : VALUE_DEFAULT);
      sample += between + (quotedSlot ? "x" : "0");
      last = match.index + match[0].length;
    }
    statics.push(flat(escapeInString(text.slice(last))));
    assertJson(sample + text.slice(last), text);
    this.statics = statics;
    const quoted = [...statics];
    quoted[0] = flat(`"${quoted[0]}`);
    quoted[quoted.length - 1] = flat(`${quoted[quoted.length - 1]}"`);
    this.quoted = quoted;
    this.keys = keys;
    this.defaults = defaults;
  }

  /** The filled, escaped text; a missing key renders as `""` in a string, `null` as a value. */
  render(primary: TemplateArgs, extra?: TemplateArgs): string {
    return fill(this.statics, this.keys, this.defaults, primary, extra);
  }

  /** {@link JsonTemplate.render} as a JSON string literal (quotes included, no extra pieces). */
  renderQuoted(primary: TemplateArgs, extra?: TemplateArgs): string {
    return fill(this.quoted, this.keys, this.defaults, primary, extra);
  }
}

function fill(
  statics: readonly string[],
  keys: readonly string[],
  defaults: readonly string[],
  primary: TemplateArgs,
  extra: TemplateArgs | undefined,
): string {
  let out = statics[0] as string;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = extra?.[key] ?? primary[key];
    out +=
      (value === undefined || value === "" ? (defaults[i] as string) : value) +
      (statics[i + 1] as string);
  }
  return out;
}

/** 1 at each index of `text` that lies inside a JSON string literal (quotes excluded). */
function stringMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inside && c === "\\") {
      mask[i] = 1;
      mask[i + 1] = 1;
      i++;
    } else if (c === '"') inside = !inside;
    else if (inside) mask[i] = 1;
  }
  return mask;
}

function assertJson(sample: string, text: string): void {
  try {
    JSON.parse(sample);
  } catch {
    throw new Error(`JSON template is not JSON with its placeholders filled: ${text}`);
  }
}

/** Escapes text for the inside of a JSON string literal. */
export function escapeInString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
