/**
 * Whole-process baselines of `ctsim generate`, timed by the bench harness beside the built
 * binary: N NDJSON records derived from one fixed CTS trace, written to standard output in
 * large (1 MiB) synchronous writes. Each varies the trace id and both times per record, so no
 * record repeats. Plain JavaScript run by node itself: no loader, the same start-up cost as the
 * built `ctsim`.
 *
 * - `stringify`: `JSON.stringify` of the trace object per record (the serialization ceiling
 *   the generator's own encoder should reach);
 * - `template`: pre-rendered JSON parts with the varying values concatenated in between;
 * - `patch`: the encoded record's bytes copied and the varying digits patched in place.
 *
 * Run: node baselines.mjs <stringify|template|patch> <count> <trace.json> > /dev/null
 * Prints `bytes=<n>` on stderr at the end.
 */
import { readFileSync, writeSync } from "node:fs";

const CHUNK = 1 << 20;
const [mode, countText, tracePath] = process.argv.slice(2);
const count = Number(countText);
if (!["stringify", "template", "patch"].includes(mode) || !Number.isSafeInteger(count)) {
  process.stderr.write(
    "usage: node baselines.mjs <stringify|template|patch> <count> <trace.json>\n",
  );
  process.exit(2);
}
const record = readFileSync(tracePath, "utf8").trim();
const trace = JSON.parse(record);
const START = 1_700_000_000_000;
let bytes = 0;

/** Writes all of `data` to fd 1, waiting out a non-blocking descriptor's EAGAIN. */
function writeAll(data) {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(1, data, offset, data.length - offset);
    } catch (error) {
      if (error.code !== "EAGAIN") throw error;
    }
  }
  bytes += data.length;
}

/** The 12 hex digits that end the trace id of record `i` (the id's node part in a UUID v1). */
function idTail(i) {
  return i.toString(16).padStart(12, "0");
}

function stringify() {
  const head = trace.trace_id.slice(0, 24);
  let text = "";
  for (let i = 0; i < count; i++) {
    trace.trace_id = head + idTail(i);
    trace.time = START + i;
    trace.record_time = START + i;
    text += `${JSON.stringify(trace)}\n`;
    if (text.length >= CHUNK) {
      writeAll(Buffer.from(text));
      text = "";
    }
  }
  writeAll(Buffer.from(text));
}

/** The record split around its varying values: id tail, time, record time. */
function parts() {
  const id = record.indexOf('"trace_id":"') + '"trace_id":"'.length + 24;
  const time = record.indexOf('"time":') + '"time":'.length;
  const recordTime = record.indexOf('"record_time":') + '"record_time":'.length;
  const digits = String(trace.time).length;
  return {
    slots: [id, time, recordTime],
    widths: [12, digits, digits],
    pieces: [
      record.slice(0, id),
      record.slice(id + 12, time),
      record.slice(time + digits, recordTime),
      `${record.slice(recordTime + digits)}\n`,
    ],
  };
}

function template() {
  const [p0, p1, p2, p3] = parts().pieces;
  let text = "";
  for (let i = 0; i < count; i++) {
    const time = START + i;
    text += p0 + idTail(i) + p1 + time + p2 + time + p3;
    if (text.length >= CHUNK) {
      writeAll(Buffer.from(text));
      text = "";
    }
  }
  writeAll(Buffer.from(text));
}

/** Writes `value` as ASCII digits of `base`, right-aligned in `width` bytes at `at`. */
function patchDigits(buffer, at, width, value, base) {
  let rest = value;
  for (let k = at + width - 1; k >= at; k--) {
    const digit = rest % base;
    buffer[k] = digit < 10 ? 48 + digit : 87 + digit;
    rest = Math.floor(rest / base);
  }
}

function patch() {
  const { slots, widths } = parts();
  const encoded = Buffer.from(`${record}\n`);
  // Slots are character offsets; the record before them is ASCII in every CTS trace we emit,
  // but measure in bytes to be safe.
  const at = slots.map((slot) => Buffer.byteLength(record.slice(0, slot)));
  const out = Buffer.allocUnsafe(CHUNK + encoded.length);
  let used = 0;
  for (let i = 0; i < count; i++) {
    encoded.copy(out, used);
    const time = START + i;
    patchDigits(out, used + at[0], widths[0], i, 16);
    patchDigits(out, used + at[1], widths[1], time, 10);
    patchDigits(out, used + at[2], widths[2], time, 10);
    used += encoded.length;
    if (used >= CHUNK) {
      writeAll(out.subarray(0, used));
      used = 0;
    }
  }
  writeAll(out.subarray(0, used));
}

({ stringify, template, patch })[mode]();
process.stderr.write(`bytes=${bytes}\n`);
