#!/usr/bin/env node
import { ignoreClosedReader } from "./closed-reader.js";
import { runCli } from "./index.js";

const exit = (code: number): never => process.exit(code);
ignoreClosedReader(process.stdout, exit, (line) => process.stderr.write(line));
// Where else could a failure of standard error be told?
ignoreClosedReader(process.stderr, exit, () => undefined);
process.exitCode = await runCli(process.argv.slice(2));
