import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { type MockState, parseMockState } from "../core/mock-state.js";
import { MockError, MockErrorCode } from "../mock-error.js";

/** Marks a file as ctsim's; a file without it (or of another version) is refused, not overwritten. */
const FORMAT = "ctsim-mock-state";
const VERSION = 1;

/**
 * Reads a state file written by {@link StateFileWriter}: `undefined` when it does not exist yet.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when it cannot be read, is not JSON, is not a
 *   ctsim state file of this version, or holds invalid state (see `parseMockState`).
 */
export function readStateFile(path: string): MockState | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw refused(path, (error as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refused(path, `not JSON (${(error as Error).message})`);
  }
  const file = value as { format?: unknown; version?: unknown } | null;
  if (file?.format !== FORMAT || file.version !== VERSION) {
    throw refused(path, `not a ${FORMAT} file of version ${VERSION}`);
  }
  try {
    return parseMockState(value);
  } catch (error) {
    throw refused(path, (error as Error).message);
  }
}

function refused(path: string, reason: string): MockError {
  return new MockError(MockErrorCode.invalidOption, `state file ${path}: ${reason}`);
}

/**
 * Rewrites a state file after changes, one write at a time: each write goes to `<path>.tmp`
 * and is renamed over the file, so a crash or a full disk never leaves a half-written state.
 * Changes arriving during a write are saved by one more write after it. A failed write is
 * reported to `onError` and retried at the next change (and at {@link StateFileWriter.flush}).
 *
 * @example
 * const writer = new StateFileWriter("state.json", () => core.exportState(), console.error);
 * const core = createCtsCore({ onStateChange: () => writer.changed() });
 */
export class StateFileWriter {
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    readonly path: string,
    private readonly state: () => MockState,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Schedules a write of the current state. */
  changed(): void {
    this.dirty = true;
    this.writing ??= this.drain();
  }

  /** Resolves once every change so far is written (or its write has failed and been reported). */
  async flush(): Promise<void> {
    if (this.dirty && this.writing === undefined) this.writing = this.drain();
    await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const text = `${JSON.stringify({ format: FORMAT, version: VERSION, ...this.state() }, null, 2)}\n`;
      try {
        await writeFile(`${this.path}.tmp`, text);
        await rename(`${this.path}.tmp`, this.path);
      } catch (error) {
        this.dirty = true; // written by the next change or flush
        this.onError(error as Error);
        break;
      }
    }
    this.writing = undefined;
  }
}
