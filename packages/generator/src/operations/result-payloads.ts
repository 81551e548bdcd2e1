import { DEV_TRAINING_RESULT_PAYLOADS } from "./payloads-dev-training.js";

/**
 * Bodies of the result traces of asynchronous operations: CTS records such an operation twice,
 * the request and later its result (reference, "Corrections and additions": at-least-once
 * delivery and asynchronous operations). The result trace keeps the operation's trace name, is a
 * `SystemAction` with no user and no request, and reports the end state in `response`: `ok` on
 * success, `failed` when the job or deployment failed (the platform's call succeeded, the error
 * is inside the body, so the trace is `warning` with 200). Bodies follow the APIs' status fields
 * (v1 training `status` 10 completed / 11 failed; service `status`); illustrative otherwise.
 */
export const RESULT_PAYLOADS: Readonly<
  Record<string, { readonly ok: string; readonly failed: string }>
> = {
  ...DEV_TRAINING_RESULT_PAYLOADS,
  createModelArtsTrainJob: {
    ok: '{"is_success":true,"job_id":$id,"job_name":"$name","version_id":$versionId,"status":10,"train_url":"$trainUrl"}',
    failed:
      '{"is_success":true,"job_id":$id,"job_name":"$name","version_id":$versionId,"status":11,"error_code":"ModelArts.2763","error_msg":"The training process exited with a non-zero code. Check the job logs."}',
  },
  CreateJobV2: {
    ok: '{"kind":"job","metadata":{"id":"$id","name":"$name"},"status":{"phase":"Completed","secondary_phase":"Completed"}}',
    failed:
      '{"kind":"job","metadata":{"id":"$id","name":"$name"},"status":{"phase":"Failed","secondary_phase":"Failed"},"error_code":"ModelArts.2763","error_msg":"The training process exited with a non-zero code. Check the job logs."}',
  },
  CreateDeployment: {
    ok: '{"id":"$id","name":"$name","status":"running"}',
    failed:
      '{"id":"$id","name":"$name","status":"failed","error_code":"ModelArts.3520","error_msg":"Deployment failed: the model image could not start. Check the model and its runtime."}',
  },
  CreatePool: {
    ok: '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Running"}}',
    failed:
      '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Abnormal","error_code":"ModelArts.6301","message":"Insufficient resources in the availability zone."}}',
  },
  createServer: {
    ok: '{"id":"$id","name":"$name","status":"RUNNING"}',
    failed:
      '{"id":"$id","name":"$name","status":"ERROR","error_code":"ModelArts.7001","error_msg":"Server creation failed: no capacity for the flavor in the availability zone."}',
  },
  addService: {
    ok: '{"service_id":"$id","service_name":"$name","status":"running"}',
    failed:
      '{"service_id":"$id","service_name":"$name","status":"failed","error_code":"ModelArts.3520","error_msg":"Deployment failed: the model image could not start. Check the model and its runtime."}',
  },
  // MaaS services and custom endpoints (2026-09-20; bodies are our guesses).
  CreateService: {
    ok: '{"id":"$id","name":"$name","status":"running"}',
    failed:
      '{"id":"$id","name":"$name","status":"failed","error_code":"ModelArts.3520","error_msg":"Deployment failed: insufficient resources for the model service."}',
  },
  CreateCustomEndpoint: {
    ok: '{"id":"$id","name":"$name","status":"running"}',
    failed:
      '{"id":"$id","name":"$name","status":"failed","error_code":"ModelArts.3520","error_msg":"Endpoint creation failed. Try again later."}',
  },
  CreatePoolV2: {
    ok: '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Running"}}',
    failed:
      '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Abnormal","error_code":"ModelArts.6301","message":"Insufficient resources in the availability zone."}}',
  },
};
