import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from "node:crypto";
import { MockError, MockErrorCode } from "../../mock-error.js";
import { CTSIM_SMN_CERTIFICATE, CTSIM_SMN_PRIVATE_KEY } from "./ctsim-smn-key.js";

/**
 * A signer of SMN strings to sign: SHA256withRSA (RSASSA-PKCS1-v1_5), base64. SMN names its
 * signature version `v1` and publishes an X.509 certificate to verify with, but not the hash
 * (SNS's version 1 is SHA1withRSA, its version 2 SHA256withRSA): SHA-256 is ctsim's choice
 * (unconfirmed). PKCS#1 v1.5 is deterministic, so the same message is signed the same way.
 *
 * @param privateKeyPem RSA private key, PEM. Default: {@link CTSIM_SMN_PRIVATE_KEY}.
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when the key is not an RSA private key.
 * @example
 * const signSmn = createSmnSigner();
 * signSmn("message\n...\n"); // "kq3…=" (base64)
 */
export function createSmnSigner(
  privateKeyPem: string = CTSIM_SMN_PRIVATE_KEY,
): (stringToSign: string) => string {
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (error) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `the SMN signing key is not a PEM private key: ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new MockError(
      MockErrorCode.invalidOption,
      `the SMN signing key must be an RSA key, got ${String(key.asymmetricKeyType)}`,
    );
  }
  return (stringToSign) =>
    sign("sha256", Buffer.from(stringToSign, "utf8"), key).toString("base64");
}

/**
 * Checks a signature made by {@link createSmnSigner} with a certificate or public key (PEM), as
 * a receiver would after fetching `signing_cert_url`.
 *
 * @param pem X.509 certificate or public key. Default: {@link CTSIM_SMN_CERTIFICATE}.
 * @example
 * verifySmnSignature(smnStringToSign(message), message.signature); // true
 */
export function verifySmnSignature(
  stringToSign: string,
  signature: string,
  pem: string = CTSIM_SMN_CERTIFICATE,
): boolean {
  const key = pem.includes("BEGIN CERTIFICATE")
    ? new X509Certificate(pem).publicKey
    : createPublicKey(pem);
  return verify("sha256", Buffer.from(stringToSign, "utf8"), key, Buffer.from(signature, "base64"));
}
