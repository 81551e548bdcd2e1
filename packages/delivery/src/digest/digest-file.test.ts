import { describe, expect, test } from "vitest";
import { type DigestFile, digestSigningString } from "./digest-file.js";

/** The example digest of CTS's "Digest Files" page (cts_03_0014), fields as published. */
const EXAMPLE: DigestFile = {
  project_id: "3cfb09080bd944d0b4cdd72ef2685712",
  digest_start_time: "2017-03-28T01-09-17Z",
  digest_end_time: "2017-03-28T02-09-17Z",
  digest_bucket: "bucket",
  digest_object:
    "CloudTraces/eu-de-01/2017/3/28/Digest/EVS/mylog_CloudTrace-Digest_eu-de-01/_2017-03-28T02-09-17Z.json.gz",
  digest_signature_algorithm: "SHA256withRSA",
  digest_end: false,
  previous_digest_bucket: "bucket",
  previous_digest_object: "",
  previous_digest_hash_value: "5e08875de01b894eda5d1399d7b049fe",
  previous_digest_hash_algorithm: "MD5",
  previous_digest_signature:
    "2221cc0dc8b0fe320db4febe60142350641ad19da18cb6d3f5e7faad792c3efe98836c6d6547f5e5c7a48f7088000a057af26cc3bb913cae1637befa9e4231b7d1fd6d98eaba735e509e7c5ea3c6757f732b4468f7418ef18e3312ac696dd786ec5792eacf94aee27cd7be76bf23b641c5e9a686cca6414745787254100c2bee31e584a15c2229270f9dee81f9043574",
  previous_digest_end: false,
  log_files: [],
};

describe("digestSigningString", () => {
  test("reproduces the example message of CTS's 'Verifying Trace File Integrity' page", () => {
    // cts_03_0021: end time + digest object + hex hash of the digest file + previous signature.
    const documented =
      "2017-03-28T02-09-17ZCloudTraces/eu-de-01/2017/3/28/Digest/EVS/mylog_CloudTrace-Digest_eu-de-01/_2017-03-28T02-09-17Z.json.gze280d203da44015e0eda3faa7a2ec9612221cc0dc8b0fe320db4febe60142350641ad19da18cb6d3f5e7faad792c3efe98836c6d6547f5e5c7a48f7088000a057af26cc3bb913cae1637befa9e4231b7d1fd6d98eaba735e509e7c5ea3c6757f732b4468f7418ef18e3312ac696dd786ec5792eacf94aee27cd7be76bf23b641c5e9a686cca6414745787254100c2bee31e584a15c2229270f9dee81f9043574";
    expect(digestSigningString(EXAMPLE, "e280d203da44015e0eda3faa7a2ec961")).toBe(documented);
  });
});
