#!/usr/bin/env node
import { ignoreClosedReader } from "./closed-reader.js";
import { runCli } from "./index.js";

ignoreClosedReader(
  process.stdout,
  (code) => process.exit(code),
  (line) => process.stderr.write(line),
);
process.exitCode = await runCli(process.argv.slice(2));
