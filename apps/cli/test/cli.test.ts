import { describe, expect, it } from "vitest";
import { CLI_VERSION, ExitCode, runCli } from "../src/index.js";
import { memoryIo } from "./support/memory-io.js";

describe("ctsim", () => {
  it("prints help with every subcommand and exits 0", async () => {
    const io = memoryIo();
    expect(await runCli(["--help"], io)).toBe(ExitCode.ok);
    expect(io.out()).toContain("Usage: ctsim");
    expect(io.out()).toContain("catalog");
  });

  it("prints its version", async () => {
    const io = memoryIo();
    expect(await runCli(["--version"], io)).toBe(ExitCode.ok);
    expect(io.out().trim()).toBe(CLI_VERSION);
  });

  it("rejects an unknown command with a suggestion and exit code 2", async () => {
    const io = memoryIo();
    expect(await runCli(["catalgo"], io)).toBe(ExitCode.usage);
    expect(io.err()).toMatch(/unknown command 'catalgo'/);
    expect(io.err()).toMatch(/Did you mean catalog\?/);
  });

  it("rejects an unknown flag with exit code 2", async () => {
    const io = memoryIo();
    expect(await runCli(["catalog", "--no-such-flag"], io)).toBe(ExitCode.usage);
    expect(io.err()).toMatch(/unknown option '--no-such-flag'/);
  });

  it("exits 2 and shows help when no command is given", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(ExitCode.usage);
    expect(io.err()).toContain("Usage: ctsim");
  });
});
