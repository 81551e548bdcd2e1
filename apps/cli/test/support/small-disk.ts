import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A directory on a filesystem of a few megabytes, where writes end with ENOSPC. */
export interface SmallDisk {
  readonly dir: string;
  /** Unmounts and removes it. */
  remove(): void;
}

/**
 * Mounts a `sizeKiB` tmpfs on a fresh temporary directory. Mounting needs root (or
 * CAP_SYS_ADMIN): where it is refused this returns the reason instead, for the test to skip with.
 *
 * @example
 * const disk = mountSmallDisk(2048);
 * if (typeof disk === "string") console.warn(`skipped: ${disk}`);
 */
export function mountSmallDisk(sizeKiB: number): SmallDisk | string {
  const dir = mkdtempSync(join(tmpdir(), "ctsim-small-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKiB}k`, "tmpfs", dir], {
      stdio: "pipe",
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot mount a ${sizeKiB} KiB tmpfs (${stderr || (error as Error).message})`;
  }
  return {
    dir,
    remove(): void {
      execFileSync("umount", [dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
