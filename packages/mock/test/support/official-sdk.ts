// Requests signed by Huawei's official Node SDK core, the way its clients sign them
// (BasicCredentials.processAuthRequest → AKSKSigner), then sent with fetch.
import { stringify } from "node:querystring";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";

/** An AK/SK (with its security token when temporary) and the project the client is built for. */
export interface SdkCredential {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken?: string;
  readonly projectId: string;
}

/** One call: `path` may hold `{project_id}`, which the SDK fills from the credential. */
export interface SdkCall {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | number>;
  readonly body?: unknown;
}

/** Signs `call` with the SDK (on the wall clock, as the SDK does) and sends it to `baseUrl`. */
export async function sdkFetch(
  baseUrl: string,
  credential: SdkCredential,
  call: SdkCall,
): Promise<Response> {
  const credentials = new BasicCredentials()
    .withAk(credential.ak)
    .withSk(credential.sk)
    .withProjectId(credential.projectId);
  if (credential.securityToken !== undefined) {
    credentials.withSecurityToken(credential.securityToken);
  }
  const request = {
    endpoint: baseUrl,
    url: call.path,
    method: call.method,
    headers: { "Content-Type": "application/json", "User-Agent": "huaweicloud-usdk-nodejs/3.0" },
    queryParams: call.query ?? {},
    data: call.body,
  };
  // processAuthRequest only uses its client argument for federated (OIDC) credentials.
  const signed = await credentials.processAuthRequest(undefined as never, request);
  const query = stringify(call.query ?? {});
  const url = `${signed.endpoint as string}${query === "" ? "" : `?${query}`}`;
  return fetch(url, {
    method: call.method,
    headers: signed.headers as Record<string, string>,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}
