/**
 * Regions a generated tenant can live in, with the UTC offset its people work in (fixed, no DST)
 * and the console host of the resource detail pages. Region codes come from the SDK region
 * tables (reference §0).
 */
export const REGIONS = [
  { name: "cn-north-4", utcOffsetMinutes: 480, console: "https://console.huaweicloud.com" },
  { name: "cn-east-3", utcOffsetMinutes: 480, console: "https://console.huaweicloud.com" },
  { name: "cn-south-1", utcOffsetMinutes: 480, console: "https://console.huaweicloud.com" },
  { name: "cn-southwest-2", utcOffsetMinutes: 480, console: "https://console.huaweicloud.com" },
  {
    name: "ap-southeast-1",
    utcOffsetMinutes: 480,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "ap-southeast-2",
    utcOffsetMinutes: 420,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "ap-southeast-3",
    utcOffsetMinutes: 480,
    console: "https://console-intl.huaweicloud.com",
  },
  { name: "af-south-1", utcOffsetMinutes: 120, console: "https://console-intl.huaweicloud.com" },
  { name: "tr-west-1", utcOffsetMinutes: 180, console: "https://console-intl.huaweicloud.com" },
  { name: "me-east-1", utcOffsetMinutes: 180, console: "https://console-intl.huaweicloud.com" },
  { name: "sa-brazil-1", utcOffsetMinutes: -180, console: "https://console-intl.huaweicloud.com" },
  { name: "la-south-2", utcOffsetMinutes: -240, console: "https://console-intl.huaweicloud.com" },
] as const satisfies readonly { name: string; utcOffsetMinutes: number; console: string }[];

/** One entry of {@link REGIONS}. */
export type RegionInfo = (typeof REGIONS)[number];
