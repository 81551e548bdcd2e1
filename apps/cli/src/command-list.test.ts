import { Help } from "commander";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../test/support/memory-io.js";
import { runCtsim } from "../test/support/run-ctsim.js";
import { COMMANDS, commandToRun } from "./command-list.js";
import { buildProgram } from "./program.js";

describe("the lazy command list", () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    "%s: the list line agrees with the command it loads",
    async (_name, entry) => {
      const command = (await entry.load())(memoryIo());
      expect(command.name()).toBe(entry.name);
      expect(command.description()).toBe(entry.description);
      expect(new Help().subcommandTerm(command)).toBe(
        [entry.name, entry.usage].filter(Boolean).join(" "),
      );
    },
  );

  it("lists each command once", () => {
    const names = COMMANDS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("--help lists the same as a program with every command loaded", async () => {
    const loaded = new Map(
      await Promise.all(COMMANDS.map(async (entry) => [entry.name, await entry.load()] as const)),
    );
    const full = memoryIo();
    buildProgram(full, loaded).outputHelp();
    const lazy = await runCtsim(["--help"]);
    expect(lazy.code).toBe(0);
    expect(lazy.stdout).toBe(full.out());
  });

  it("runs the command named first, or after help", () => {
    expect(commandToRun(["generate", "--count", "1"])?.name).toBe("generate");
    expect(commandToRun(["help", "validate"])?.name).toBe("validate");
    expect(commandToRun(["--help"])).toBeUndefined();
    expect(commandToRun(["nope"])).toBeUndefined();
  });

  it("ctsim help <command> shows the loaded command's options", async () => {
    const result = await runCtsim(["help", "generate"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--seed <n>/);
  });

  it("an unknown command still gets a suggestion", async () => {
    const result = await runCtsim(["generat"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Did you mean generate\?/);
  });
});

describe("ctsim --help", () => {
  it("keeps commander's own help line", async () => {
    const result = await runCtsim(["--help"]);
    expect(result.stdout).toMatch(/^ {2}help \[command\] +display help for command$/m);
  });
});
