import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

/** The host the figures were measured on, as one Markdown line. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown cpu";
  return [
    `cpu: ${model}`,
    `cores: ${cores.length} (available to node: ${availableParallelism()})`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node ${process.version}`,
    `linux ${release()}`,
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  ].join(" · ");
}
