import type { ContextOperation } from "./context-operation.js";

const IAM_PAGE = "https://support.huaweicloud.com/intl/en-us/usermanual-iam/iam_01_0012.html";
const IAM_EU_PAGE =
  "https://support.huaweicloud.com/intl/en-us/eu-west-0-usermanual-iam/iam_01_0012.html";
const IAM_KL_PAGE =
  "https://support.huaweicloud.com/intl/en-us/my-kualalumpur-1-usermanual-iam/iam_01_0012.html";
const OTC_PAGE = "https://docs.otc.t-systems.com/en-us/usermanual/iam/iam_01_0012.html";

/**
 * IAM operations ctsim emits, from Huawei's "Key IAM Operations Supported by CTS" tables (IAM
 * 3.0 names; the IAM 5 `…V5` names are not used). IAM is a global service: its traces are kept
 * by the management tracker of the region that records global services (the intl page: "In the
 * CN-Hong Kong region, a tracker is created to record management traces of all global
 * services, such as IAM") and carry `event_type` `global` in transferred files (reference,
 * "Corrections"). A failed sign-in is a trace of its own (`loginFailed`), not a failed `login`:
 * its `code` 401 is ctsim's choice (no example shows it).
 */
export const IAM_OPERATIONS = [
  iam("Login", "user", "login", "ConsoleAction", "200", IAM_PAGE, true),
  iam("Login failure", "user", "loginFailed", "ConsoleAction", "401", IAM_PAGE, false),
  iam("Logout", "user", "logout", "ConsoleAction", "200", IAM_PAGE, true),
  iam(
    "Logging in as a federated user",
    "user",
    "tenantLoginBySamlSuccess",
    "ConsoleAction",
    "200",
    IAM_KL_PAGE,
    true,
  ),
  iam(
    "Changing the password at first login or after it expired",
    "user",
    "changePassword",
    "ConsoleAction",
    "200",
    OTC_PAGE,
    true,
  ),
  iam("Changing the password", "user", "updateUserPwd", "ConsoleAction", "200", OTC_PAGE, true),
  iam(
    "Creating an access key (AK/SK)",
    "user",
    "createCredential",
    "ConsoleAction",
    "201",
    OTC_PAGE,
    true,
  ),
  iam(
    "Deleting an access key (AK/SK)",
    "user",
    "deleteCredential",
    "ConsoleAction",
    "204",
    OTC_PAGE,
    true,
  ),
  iam("Switching the role", "user", "switchRole", "ConsoleAction", "200", IAM_EU_PAGE, true),
] as const satisfies readonly ContextOperation[];

function iam(
  operation: string,
  resourceType: string,
  traceName: string,
  traceType: "ConsoleAction" | "ApiCall",
  code: string,
  source: string,
  confirmed: boolean,
): ContextOperation {
  return {
    service: "IAM",
    operation,
    resourceType,
    traceName,
    traceTypes: [traceType],
    tracker: "system",
    eventType: "global",
    code,
    source,
    confirmed,
  };
}
