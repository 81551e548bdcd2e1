import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../src/bin.ts", import.meta.url));

/** Servers still running: a test that fails before stopping its server must not leave it behind. */
const running = new Set<ChildProcessWithoutNullStreams>();

/** A `ctsim serve` process that has printed its banner. */
export interface ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it printed on stdout up to its `try:` line. */
  readonly banner: string;
  /** What it printed on stderr so far. */
  stderr(): string;
}

/**
 * Starts `ctsim serve --port 0 …argv` from its TypeScript sources in a child process and
 * resolves once the banner is whole (its last line, `try: …`, printed); rejects if it exits
 * first. Call {@link killServes} after each test.
 *
 * @example const { banner } = await startServe(["--auth", "aksk"]);
 */
export async function startServe(
  argv: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@ctsim/source", bin, "serve", "--port", "0", ...argv],
    { env: { ...process.env, ...env } },
  );
  running.add(child);
  child.once("exit", () => running.delete(child));
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/^try: .*\n/m.test(out)) resolve(out);
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { child, banner, stderr: () => err };
}

/** Kills (SIGKILL) every server {@link startServe} started that is still running. */
export function killServes(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}
