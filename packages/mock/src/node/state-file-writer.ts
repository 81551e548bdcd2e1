import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { MockState } from "../core/mock-state-data.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { journalLine, journalPath, stateFileText } from "./state-file.js";
import { syncDirectory, writeDurably } from "./write-durably.js";

/** Options of {@link StateFileWriter.open}. */
export interface StateFileWriterOptions {
  /** Told of each failed save (its changes were not saved). Default: none. */
  readonly onError?: (error: Error) => void;
  /** Journal size from which it is folded into the state file. Default: 1 MiB. */
  readonly foldAtBytes?: number;
}

/** Changes waiting for the same save, and what to tell them. */
interface Batch {
  /** Changes, by project. */
  readonly projects: Map<string, number>;
  readonly saved: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function newBatch(): Batch {
  let resolve = (): void => {};
  let reject = (_error: Error): void => {};
  const saved = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A batch nobody waits for (all its callers gone) must not crash the process when it fails.
  saved.catch(() => {});
  return { projects: new Map(), saved, resolve, reject };
}

/**
 * Saves a service's state as it changes, so that a change is acknowledged only once it is on
 * disk. A change appends the changed project's whole state as one line to the journal
 * (`<path>.journal`), synced to disk (`fdatasync`) before the change is acknowledged; changes
 * committed while a save is in progress are saved together by the next one (group commit).
 * From time to time, and at {@link StateFileWriter.close}, the journal is folded into the
 * state file: the whole state is written to `<path>.tmp`, synced, renamed over the file, the
 * directory synced, and the journal emptied. A crash leaves the file whole and the journal
 * whole but for a last line it cut short, which was never acknowledged; `readStateFile` reads
 * both.
 *
 * Chosen by measurement over rewriting the whole file for each save (see the package README):
 * a journal line costs the changed project, not the whole state, and one synced append
 * instead of a synced file, a rename and a synced directory.
 *
 * @example
 * const writer = await StateFileWriter.open("state.json", () => core.exportState());
 * const server = await startCtsServer({ core, commitState: (project) => writer.commit(project) });
 */
export class StateFileWriter {
  private next: Batch | undefined;
  private running: Promise<void> | undefined;
  /** The journal's size after its last whole save. */
  private journalBytes: number;
  /** Changes whose save failed and that no later save has covered, by project. */
  private readonly lost = new Map<string, number>();

  private constructor(
    readonly path: string,
    private readonly journal: FileHandle,
    private readonly state: () => MockState,
    private readonly options: StateFileWriterOptions,
    size: number,
  ) {
    this.journalBytes = size;
  }

  /**
   * Opens (or creates) the journal of the state file at `path`; `state` gives the state to
   * save, read at each save.
   *
   * @throws {MockError} `CTSIM_MOCK_STATE_FILE` when the journal cannot be opened.
   */
  static async open(
    path: string,
    state: () => MockState,
    options: StateFileWriterOptions = {},
  ): Promise<StateFileWriter> {
    try {
      const journal = await open(journalPath(path), "a");
      const { size } = await journal.stat();
      await syncDirectory(dirname(path)); // the journal's name is durable before a line is
      return new StateFileWriter(path, journal, state, options, size);
    } catch (error) {
      throw new MockError(
        MockErrorCode.stateFile,
        `state file ${path}: cannot open ${journalPath(path)} (${(error as Error).message})`,
        { cause: error },
      );
    }
  }

  /**
   * Saves the change just made to `projectId`: resolves once a save begun after this call is
   * on disk, or rejects with that save's error (the change is then not saved, though a later
   * save of the same project, or a fold, saves it with the rest).
   */
  commit(projectId: string): Promise<void> {
    this.next ??= newBatch();
    const batch = this.next;
    batch.projects.set(projectId, (batch.projects.get(projectId) ?? 0) + 1);
    this.running ??= this.drain();
    return batch.saved;
  }

  /** Changes whose save failed and that no later save has covered. */
  get unsaved(): number {
    let count = 0;
    for (const changes of this.lost.values()) count += changes;
    return count;
  }

  /**
   * Waits for the save in progress, folds the journal into the state file (so a stopped
   * service leaves one file) and closes the journal.
   *
   * @throws {MockError} `CTSIM_MOCK_STATE_FILE` naming the file, how many changes it lacks and
   *   the cause, when changes whose save failed cannot be saved now either.
   */
  async close(): Promise<void> {
    await this.running;
    try {
      await this.fold();
    } catch (error) {
      const count = this.unsaved;
      // Every acknowledged change is in the journal: nothing is lost unless saves failed.
      if (count > 0) {
        const changes = count === 1 ? "1 change" : `${count} changes`;
        throw new MockError(
          MockErrorCode.stateFile,
          `state file ${this.path}: the last ${changes} (answered with errors) could not be saved: ${(error as Error).message}`,
          { cause: error },
        );
      }
      this.options.onError?.(error as Error);
    } finally {
      await this.journal.close();
    }
  }

  private async drain(): Promise<void> {
    for (let batch = this.next; batch !== undefined; batch = this.next) {
      this.next = undefined;
      const { projects } = this.state();
      let lines = "";
      for (const projectId of batch.projects.keys()) {
        lines += journalLine(projectId, projects[projectId]);
      }
      try {
        await this.append(lines);
        for (const projectId of batch.projects.keys()) this.lost.delete(projectId);
        batch.resolve();
      } catch (error) {
        for (const [projectId, changes] of batch.projects) {
          this.lost.set(projectId, (this.lost.get(projectId) ?? 0) + changes);
        }
        this.options.onError?.(error as Error);
        batch.reject(error as Error);
      }
      if (this.journalBytes >= (this.options.foldAtBytes ?? 1024 * 1024)) {
        await this.fold().catch((error: Error) => this.options.onError?.(error));
      }
    }
    this.running = undefined;
  }

  /** Appends whole lines and syncs them; on failure, cuts the journal back to its last save. */
  private async append(lines: string): Promise<void> {
    const bytes = Buffer.from(lines);
    try {
      for (let at = 0; at < bytes.length; ) {
        at += (await this.journal.write(bytes, at)).bytesWritten;
      }
      await this.journal.datasync();
      this.journalBytes += bytes.length;
    } catch (error) {
      // A part written before the disk filled must not stay between two whole lines.
      await this.journal.truncate(this.journalBytes).catch(() => {});
      throw error;
    }
  }

  /** Writes the whole state to the file, then empties the journal. */
  private async fold(): Promise<void> {
    await writeDurably(this.path, stateFileText(this.state()));
    this.lost.clear();
    await this.journal.truncate(0);
    this.journalBytes = 0;
  }
}
