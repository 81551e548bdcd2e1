import type { Prng } from "./prng.js";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = `${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz`;
/** Characters of the long opaque strings (security tokens, IAM tokens): base64url, shell-safe. */
const OPAQUE = `${ALNUM}-_`;

function draw(rng: Prng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

/** A permanent access key id: `HPUA` and 16 upper-case letters and digits (20 characters). */
export function permanentAccessKey(rng: Prng): string {
  return `HPUA${draw(rng, UPPER_ALNUM, 16)}`;
}

/**
 * A temporary (STS) access key id: `HSTA` and 16 upper-case letters and digits (20 characters),
 * as in Huawei's console examples (`HSTAZVL6WYS0J5MYE2GA`, `HSTAA8960GPIROJGW19L`). Console
 * sessions, agency sessions and federated users sign with such keys.
 */
export function temporaryAccessKey(rng: Prng): string {
  return `HSTA${draw(rng, UPPER_ALNUM, 16)}`;
}

/** A secret access key: 40 letters and digits, as IAM issues them. */
export function secretKey(rng: Prng): string {
  return draw(rng, ALNUM, 40);
}

/**
 * An STS security token. Real ones are a few hundred to a few thousand base64 characters; this
 * is 256 base64url characters starting with `gQ`, as the ones in Huawei's examples do.
 */
export function securityToken(rng: Prng): string {
  return `gQ${draw(rng, OPAQUE, 254)}`;
}

/** An IAM token (`X-Auth-Token`): real ones are PKI blobs starting `MII`; this is 256 characters. */
export function iamToken(rng: Prng): string {
  return `MII${draw(rng, OPAQUE, 253)}`;
}
