/** One documented CTS or API Gateway error: the code, its HTTP status and the message as returned. */
export interface CtsErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

/**
 * Every CTS error code found in the documentation (reference §4.2), keyed by code. Messages are
 * verbatim, quirks included ("NotificationV3 name is existed already.").
 */
export const CTS_ERRORS = {
  "CTS.0001": { code: "CTS.0001", status: 400, message: "The IAM or OBS service is abnormal." },
  "CTS.0002": {
    code: "CTS.0002",
    status: 403,
    message: "Authentication failed or you do not have the permissions required.",
  },
  "CTS.0003": { code: "CTS.0003", status: 400, message: "The message body is empty or invalid." },
  "CTS.0004": { code: "CTS.0004", status: 500, message: "Failed to write data." },
  "CTS.0005": { code: "CTS.0005", status: 500, message: "Failed to read data." },
  "CTS.0013": { code: "CTS.0013", status: 403, message: "No permission, Please check roles." },
  "CTS.0100": {
    code: "CTS.0100",
    status: 404,
    message: "API version query is not supported in CTS.",
  },
  "CTS.0200": {
    code: "CTS.0200",
    status: 400,
    message: "The number of trackers has reached the upper limit.",
  },
  "CTS.0201": { code: "CTS.0201", status: 400, message: "A management tracker has been created." },
  "CTS.0202": {
    code: "CTS.0202",
    status: 400,
    message: "The value of the tracker_type parameter is incorrect.",
  },
  "CTS.0203": {
    code: "CTS.0203",
    status: 400,
    message: "The value of tracker_name parameter is in an incorrect format.",
  },
  "CTS.0204": {
    code: "CTS.0204",
    status: 400,
    message: "The tracker_name parameter of a management tracker can only be set to system.",
  },
  "CTS.0205": {
    code: "CTS.0205",
    status: 400,
    message: "The status parameter can only be set to enabled or disabled.",
  },
  "CTS.0206": {
    code: "CTS.0206",
    status: 400,
    message:
      "The data_bucket parameter cannot be included in the message body for a management tracker.",
  },
  "CTS.0207": {
    code: "CTS.0207",
    status: 400,
    message:
      "The tracker_name parameter in the message body cannot be set to system for a data tracker.",
  },
  "CTS.0208": { code: "CTS.0208", status: 400, message: "The tracker already exists." },
  "CTS.0209": {
    code: "CTS.0209",
    status: 400,
    message: "A type of operations on an OBS bucket can be tracked by only one tracker.",
  },
  "CTS.0210": {
    code: "CTS.0210",
    status: 400,
    message: "The OBS bucket to track cannot be empty.",
  },
  "CTS.0211": { code: "CTS.0211", status: 400, message: "The tracked OBS bucket does not exist." },
  "CTS.0212": {
    code: "CTS.0212",
    status: 400,
    message: "The tracked OBS bucket cannot be modified.",
  },
  "CTS.0213": {
    code: "CTS.0213",
    status: 400,
    message: "The OBS bucket used for trace transfer cannot be a tracked OBS bucket.",
  },
  "CTS.0214": { code: "CTS.0214", status: 404, message: "The tracker does not exist." },
  "CTS.0215": { code: "CTS.0215", status: 400, message: "The OBS bucket already exists." },
  "CTS.0216": { code: "CTS.0216", status: 400, message: "Failed to create a bucket." },
  "CTS.0217": {
    code: "CTS.0217",
    status: 400,
    message: "Failed to set a lifecycle rule for the OBS bucket.",
  },
  "CTS.0218": {
    code: "CTS.0218",
    status: 400,
    message: "The value of file_prefix_name is in an incorrect format.",
  },
  "CTS.0219": { code: "CTS.0219", status: 400, message: "The operation type cannot be empty." },
  "CTS.0220": { code: "CTS.0220", status: 400, message: "KMS is not supported." },
  "CTS.0221": { code: "CTS.0221", status: 400, message: "The KMS ID is empty." },
  "CTS.0222": { code: "CTS.0222", status: 400, message: "KMS verification failed." },
  "CTS.0225": {
    code: "CTS.0225",
    status: 400,
    message: "Only WRITE and/or READ operations on the OBS bucket can be tracked.",
  },
  "CTS.0228": { code: "CTS.0228", status: 400, message: "The CTS service is not trusted." },
  "CTS.0229": {
    code: "CTS.0229",
    status: 400,
    message: "The organization tracker already exists.",
  },
  "CTS.0231": {
    code: "CTS.0231",
    status: 400,
    message:
      "Invalid bucket name. The bucket name must contain 3 to 63 characters, including lowercase letters, digits, hyphens (-), and periods (.), and must start with a digit or lowercase letter.",
  },
  "CTS.0300": { code: "CTS.0300", status: 400, message: "Query failed." },
  "CTS.0400": { code: "CTS.0400", status: 400, message: "NotificationV3 name is existed already." },
} as const satisfies Record<string, CtsErrorDefinition>;

/** A documented CTS error code, e.g. `"CTS.0204"`. */
export type CtsErrorCode = keyof typeof CTS_ERRORS;

/**
 * API Gateway errors (reference §4.3). Gateway bodies also carry `request_id`.
 * `APIGW.0101` is the most likely code for an unknown route; its number is unconfirmed.
 * `APIGW.0302` and its message come from the error table of Huawei's API Request Signing Guide
 * (`devg-apisign`, "Error Codes"; APIG's user guide lists it as `APIG.0302`).
 */
export const GATEWAY_ERRORS = {
  "APIGW.0301": {
    code: "APIGW.0301",
    status: 401,
    message: "Incorrect IAM authentication information",
  },
  "APIGW.0302": {
    code: "APIGW.0302",
    status: 403,
    message: "The IAM user is not authorized to access the API.",
  },
  "APIGW.0101": {
    code: "APIGW.0101",
    status: 404,
    message: "The API does not exist or has not been published in the environment",
  },
} as const satisfies Record<string, CtsErrorDefinition>;

/** A gateway error code. */
export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

/** Looks up a CTS or gateway error by its code; `undefined` for an unknown code. */
export function findErrorDefinition(code: string): CtsErrorDefinition | undefined {
  if (Object.hasOwn(CTS_ERRORS, code)) return CTS_ERRORS[code as CtsErrorCode];
  if (Object.hasOwn(GATEWAY_ERRORS, code)) return GATEWAY_ERRORS[code as GatewayErrorCode];
  return undefined;
}
