import type { CorpusStats } from "./corpus-stats.js";
import type { StatsSection } from "./stats-section.js";
import { STATS_SECTIONS, type StatsSectionName } from "./stats-sections.js";

/**
 * The realism report as text: a heading per section, then its lines.
 *
 * @example
 * process.stdout.write(formatCorpusStats(stats.finish()));
 */
export function formatCorpusStats(stats: CorpusStats): string {
  const lines = [
    `${stats.records} traces${stats.unreadable > 0 ? `, ${stats.unreadable} unreadable values skipped` : ""} (at most ${stats.maxTracked} distinct values tracked per section)`,
  ];
  for (const name of Object.keys(STATS_SECTIONS) as StatsSectionName[]) {
    const section = STATS_SECTIONS[name] as StatsSection<unknown>;
    lines.push("", `## ${section.title}`, ...section.format(stats.sections[name]));
  }
  return `${lines.join("\n")}\n`;
}
