import { COMPRESS_TYPES, type CreateTrackerRequest, DATA_EVENTS } from "@ctsim/catalog";
import fc from "fast-check";

/** Options of {@link dataTrackerRequestArbitrary}. */
export interface TrackerArbitraryOptions {
  /** Prefix of every tracker and bucket name, to tell generated ones apart. Default `""`. */
  readonly namePrefix?: string;
  /** Also generate `obs_info` (trace transfer to an OBS bucket). Default `true`. */
  readonly withObsInfo?: boolean;
}

/**
 * A data tracker name: 1–32 characters of `[A-Za-z0-9_-]` not starting with `_` or `-`, never
 * `system` or `system-trace` (CTS.0203, CTS.0207; the length rule comes from one regional error
 * table, reference §1.3).
 */
export function trackerNameArbitrary(
  options: Pick<TrackerArbitraryOptions, "namePrefix"> = {},
): fc.Arbitrary<string> {
  const prefix = options.namePrefix ?? "";
  const rest = Math.max(0, 31 - prefix.length);
  const first = prefix.length === 0 ? "[A-Za-z0-9]" : "";
  return fc
    .stringMatching(new RegExp(`^${first}[A-Za-z0-9_-]{0,${rest}}$`))
    .map((tail) => `${prefix}${tail}`)
    .filter((name) => name.length > 0 && name !== "system" && name !== "system-trace");
}

/** An OBS bucket name: 3–63 characters of `[a-z0-9.-]` starting with a letter or digit (CTS.0231). */
export function bucketNameArbitrary(
  options: Pick<TrackerArbitraryOptions, "namePrefix"> = {},
): fc.Arbitrary<string> {
  const prefix = (options.namePrefix ?? "").toLowerCase().replace(/[^a-z0-9.-]/g, "-");
  const min = Math.max(0, 3 - prefix.length);
  const max = Math.max(min, 62 - prefix.length);
  const first = prefix.length === 0 ? "[a-z0-9]" : "";
  return fc
    .stringMatching(new RegExp(`^${first}[a-z0-9.-]{${min},${max}}$`))
    .map((tail) => `${prefix}${tail}`);
}

/**
 * A valid CreateTracker body for a data tracker (reference §1.3): a name, the bucket it tracks
 * with a non-empty subset of `WRITE`/`READ`, and optionally LTS, integrity validation and OBS
 * transfer to a different bucket with a valid file prefix.
 *
 * @example
 * fc.sample(dataTrackerRequestArbitrary({ namePrefix: "ct-" }), 1)[0].tracker_type; // "data"
 */
export function dataTrackerRequestArbitrary(
  options: TrackerArbitraryOptions = {},
): fc.Arbitrary<CreateTrackerRequest> {
  const prefix = options.namePrefix ?? "";
  const obsInfo = fc.record(
    {
      bucket_name: bucketNameArbitrary({ namePrefix: `${prefix}dst-` }),
      file_prefix_name: fc.stringMatching(/^[0-9a-zA-Z._-]{0,64}$/),
      is_obs_created: fc.constant(false),
      bucket_lifecycle: fc.constantFrom(0, 30, 60, 90, 180, 1095),
      compress_type: fc.constantFrom(...COMPRESS_TYPES),
      is_sort_by_service: fc.boolean(),
    },
    { requiredKeys: ["bucket_name"] },
  );
  return fc
    .record(
      {
        tracker_name: trackerNameArbitrary({ namePrefix: prefix }),
        bucket: bucketNameArbitrary({ namePrefix: `${prefix}src-` }),
        events: fc.subarray([...DATA_EVENTS], { minLength: 1 }),
        is_lts_enabled: fc.boolean(),
        is_support_validate: fc.boolean(),
        obs_info:
          options.withObsInfo === false
            ? fc.constant(undefined)
            : fc.option(obsInfo, { nil: undefined }),
      },
      { requiredKeys: ["tracker_name", "bucket", "events"] },
    )
    .map(({ bucket, events, obs_info, ...rest }) => ({
      tracker_type: "data" as const,
      ...rest,
      data_bucket: { data_bucket_name: bucket, data_event: events },
      ...(obs_info === undefined ? {} : { obs_info }),
    }));
}
