/**
 * Where ctsim exports the public key of the digest signatures, under the bucket directory and
 * outside `CloudTraces/` (CTS publishes its public key in its documentation instead).
 */
export const PUBLIC_KEY_FILE = "ctsim-digest-public-key.pem";
