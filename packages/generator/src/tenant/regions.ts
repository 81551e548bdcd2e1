import type { CountryCode } from "./address-ranges.js";

/**
 * Regions a generated tenant can live in, with the country its people work in (where its
 * offices, homes and the region's cloud addresses are), the UTC offset its people work in (fixed, no DST)
 * and the console host of the resource detail pages. Region codes come from the SDK region
 * tables (reference §0).
 */
export const REGIONS = [
  {
    name: "cn-north-4",
    country: "CN",
    utcOffsetMinutes: 480,
    console: "https://console.huaweicloud.com",
  },
  {
    name: "cn-east-3",
    country: "CN",
    utcOffsetMinutes: 480,
    console: "https://console.huaweicloud.com",
  },
  {
    name: "cn-south-1",
    country: "CN",
    utcOffsetMinutes: 480,
    console: "https://console.huaweicloud.com",
  },
  {
    name: "cn-southwest-2",
    country: "CN",
    utcOffsetMinutes: 480,
    console: "https://console.huaweicloud.com",
  },
  {
    name: "ap-southeast-1",
    country: "HK",
    utcOffsetMinutes: 480,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "ap-southeast-2",
    country: "TH",
    utcOffsetMinutes: 420,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "ap-southeast-3",
    country: "SG",
    utcOffsetMinutes: 480,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "af-south-1",
    country: "ZA",
    utcOffsetMinutes: 120,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "tr-west-1",
    country: "TR",
    utcOffsetMinutes: 180,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "me-east-1",
    country: "SA",
    utcOffsetMinutes: 180,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "sa-brazil-1",
    country: "BR",
    utcOffsetMinutes: -180,
    console: "https://console-intl.huaweicloud.com",
  },
  {
    name: "la-south-2",
    country: "CL",
    utcOffsetMinutes: -240,
    console: "https://console-intl.huaweicloud.com",
  },
] as const satisfies readonly {
  name: string;
  country: CountryCode;
  utcOffsetMinutes: number;
  console: string;
}[];

/** One entry of {@link REGIONS}. */
export type RegionInfo = (typeof REGIONS)[number];
