/**
 * What API Gateway answers when a request is refused before it reaches CTS: code `APIGW.0201`
 * for each, the status saying what was wrong (APIG's error table, "APIG.0201"; the mock spells
 * the prefix `APIGW.` as for its other gateway errors). APIG documents 494 for oversized headers;
 * the mock answers the standard 431. No timeout answer is documented: 408 is the mock's.
 */
export const REQUEST_ERRORS = {
  /** A request that does not parse as HTTP/1.1 (request line, headers, framing). */
  malformed: { status: 400, message: "API request error." },
  /** The request did not arrive in time. */
  timeout: { status: 408, message: "Request timeout." },
  /** A body over the limit (APIG: 12 MB). */
  bodyTooLarge: { status: 413, message: "Request entity too large." },
  /** A request target over 32 KiB. */
  uriTooLarge: { status: 414, message: "Request URI too large." },
  /** A header over 32 KiB, or all of them over 128 KiB. */
  headersTooLarge: { status: 431, message: "Request headers too large." },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

/** One kind of refused request. */
export type RequestErrorKind = keyof typeof REQUEST_ERRORS;

/** The code of every {@link REQUEST_ERRORS} answer. */
export const REQUEST_ERROR_CODE = "APIGW.0201";
