import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../index.js";

async function ctsim(...argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const sink = (chunks: string[]): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done): void {
        chunks.push(chunk.toString());
        done();
      },
    });
  const code = await runCli(argv, {
    stdout: sink([]),
    stderr: sink(err),
    stdin: process.stdin,
    env: {},
  });
  return { code, stderr: err.join("") };
}

const bin = fileURLToPath(new URL("../bin.ts", import.meta.url));

describe("ctsim serve", () => {
  it.each([
    [["--port", "http"], /--port must be an integer/],
    [["--days", "9"], /--days must be an integer from 1 to 7/],
    [["--auth", "aksk", "--ak", "AK"], /--ak and --sk together/],
    [["--token", "t"], /--token needs --auth token/],
    [["--fault", "traces:latency=x"], /invalid fault spec/],
    [["--auth", "kerberos"], /Allowed choices are none, token, aksk/],
  ])("rejects %j with exit code 2", async (argv, message) => {
    const { code, stderr } = await ctsim("serve", "--port", "0", ...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("serves a seeded week with AK/SK, prints URL, project and credentials, stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=@ctsim/source",
        bin,
        "serve",
        "--port",
        "0",
        "--auth",
        "aksk",
        "--seed",
        "4",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("try: curl")) resolve(out);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
    const projectId = /project id: (\S+)/.exec(banner)?.[1];
    expect(banner).toMatch(/AK: [A-Z0-9]{20}\s+SK: [A-Za-z0-9]{40}/);
    const unsigned = await fetch(`${url}/v3/${projectId}/traces?trace_type=system`);
    expect(unsigned.status).toBe(401);
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(err).toContain("stopped");
  });
});
