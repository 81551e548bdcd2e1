import { percent, type StatsSection } from "../stats-section.js";

/** Traces per hour of day (0–23) and per weekday (0 = Sunday), at the report's UTC offset. */
export interface ActivityTime {
  readonly utcOffsetMinutes: number;
  readonly byHour: readonly number[];
  readonly byWeekday: readonly number[];
  /** Traces on Saturday or Sunday, as a share of all timed traces. */
  readonly weekendShare: number;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When the tenant works: people keep office hours and weekends, machines do not. */
export const activityTime: StatsSection<ActivityTime> = {
  title: "Traces per hour of day and weekday",
  create(context) {
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(7).fill(0);
    const offset = context.utcOffsetMinutes * 60_000;
    return {
      add(trace) {
        if (!Number.isFinite(trace.time)) return;
        const local = trace.time + offset;
        const hour = Math.floor((((local % DAY) + DAY) % DAY) / HOUR);
        byHour[hour] = (byHour[hour] as number) + 1;
        // 1970-01-01 was a Thursday (4).
        const weekday = (((Math.floor(local / DAY) + 4) % 7) + 7) % 7;
        byWeekday[weekday] = (byWeekday[weekday] as number) + 1;
      },
      result() {
        const all = byWeekday.reduce((a, b) => a + b, 0);
        const weekend = (byWeekday[0] as number) + (byWeekday[6] as number);
        return {
          utcOffsetMinutes: context.utcOffsetMinutes,
          byHour,
          byWeekday,
          weekendShare: all === 0 ? 0 : Math.round((weekend / all) * 10_000) / 10_000,
        };
      },
    };
  },
  format(result) {
    const total = result.byHour.reduce((a, b) => a + b, 0);
    const max = Math.max(1, ...result.byHour);
    const offset = result.utcOffsetMinutes;
    const zone = `UTC${offset < 0 ? "-" : "+"}${String(Math.abs(offset) / 60)}`;
    return [
      ...result.byHour.map(
        (n, hour) =>
          `${String(hour).padStart(2, "0")}h ${zone} ${String(n).padStart(9)} ${percent(n, total).padStart(6)} ${"#".repeat(Math.round((40 * n) / max))}`,
      ),
      result.byWeekday.map((n, day) => `${DAYS[day]} ${n} (${percent(n, total)})`).join("  "),
    ];
  },
};
