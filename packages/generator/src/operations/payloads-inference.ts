/**
 * Request/response templates of revision 2026-09-20's inference 2.0 reads and operations
 * (deployment versions, HPA policies, instances and pods, API keys), the v1 edge-node switch and
 * MaaS. Paths and field names follow Huawei's API reference where it documents them
 * (`SwitchInferDeploymentVersion`: `service_id`, `target_deployment_version`, `infer_name`;
 * `UpdateEdgeNodeStatus`: `status`); list responses, HPA and MaaS bodies are our guesses, kept
 * short (`total` plus the item the session works on). Merged into `PAYLOADS`; entries have the
 * shape of `PayloadSpec` (not imported: `payloads.ts` imports this file, and type imports count
 * as import cycles here).
 */
export const INFERENCE_PAYLOADS: Readonly<
  Record<string, { readonly request?: string | null; readonly response?: string | null }>
> = {
  // Inference 2.0: reads of the deployment, its instances and pods.
  ListDeployment: { request: null, response: '{"total":$count}' },
  GetDeployment: {
    request: null,
    response: '{"id":"$id","name":"$name","status":"$status","instance_count":$instances}',
  },
  InterruptDeployment: { request: "{}", response: '{"id":"$id","status":"interrupted"}' },
  ListServiceV2Instances: {
    request: null,
    response: '{"total":$instances,"instances":[{"id":"$instanceId","status":"running"}]}',
  },
  ListServiceV2Pods: {
    request: null,
    response: '{"total":$instances,"pods":[{"name":"$podName","status":"$podStatus"}]}',
  },
  ListServiceV2PodEvents: {
    request: null,
    response:
      '{"total":$count,"events":[{"pod_name":"$podName","type":"$eventType","reason":"$reason"}]}',
  },
  DeleteServiceV2Instance: { request: null, response: '{"instance_id":"$instanceId"}' },
  DeleteServiceV2Pod: { request: null, response: '{"pod_name":"$podName"}' },
  // Deployment versions: every update makes a version; switching serves another one.
  SwitchDeploymentVersion: {
    request: '{"service_id":"$id","target_deployment_version":"$version","infer_name":"$name"}',
    response: '{"id":"$id","version":"$version"}',
  },
  GetDeploymentVersion: {
    request: null,
    response: '{"id":"$id","version":"$version","status":"$versionStatus"}',
  },
  ListDeploymentVersion: {
    request: null,
    response: '{"total":$count,"current_version":"$current"}',
  },
  DeleteDeploymentVersion: { request: null, response: '{"id":"$id","version":"$version"}' },
  // HPA policies (one per deployment).
  CreateHpa: {
    request:
      '{"min_replicas":$minReplicas,"max_replicas":$maxReplicas,"metrics":[{"type":"$metric","target_value":$target}]}',
    response: '{"deployment_id":"$id","status":"enabled"}',
  },
  UpdateHpa: {
    request:
      '{"min_replicas":$minReplicas,"max_replicas":$maxReplicas,"metrics":[{"type":"$metric","target_value":$target}]}',
    response: '{"deployment_id":"$id","status":"enabled"}',
  },
  GetHpaV2: {
    request: null,
    response:
      '{"deployment_id":"$id","min_replicas":$minReplicas,"max_replicas":$maxReplicas,"metrics":[{"type":"$metric","target_value":$target}]}',
  },
  ListHpaEventV2: {
    request: null,
    response: '{"total":$count,"events":[{"type":"$scaleType","from":$from,"to":$to}]}',
  },
  DeleteHpa: { request: null, response: "{}" },
  // API keys of inference 2.0.
  ListApiKeyV2: { request: null, response: '{"total":$count}' },
  UnbindApiKeyV2: { request: '{"api_key_id":"$id","service_id":"$serviceId"}', response: "{}" },
  // v1 edge services: start or stop the service's instance on one edge node (body: `status`).
  startOrStopNodesService: { request: '{"status":"$status"}', response: "{}" },
  // MaaS (its own console; API version v1).
  SignDisclaimer: {
    request: '{"disclaimer_version":"$statement","agree":true}',
    response: '{"result":"success"}',
  },
  ActivateModelServices: {
    request: '{"model_names":["$modelName"],"charging_mode":"post_paid"}',
    response: '{"result":"success"}',
  },
  CreateApiKey: {
    request: '{"name":"$name","description":"$description"}',
    response: '{"id":"$id","name":"$name"}',
  },
  UpdateApiKey: { request: '{"name":"$name","description":"$description"}', response: "{}" },
  QueryServiceMetrics: {
    request: null,
    response: '{"service_id":"$id","metric_name":"$metric","period":$period,"total":$count}',
  },
  ListUserInferV2ServicesByRegions: { request: null, response: '{"total":$count}' },
  CreateService: {
    request:
      '{"name":"$name","model_name":"$modelName","instance_count":$instances,"description":"$description"}',
    response: '{"id":"$id","name":"$name","status":"deploying"}',
  },
  UpdateService: {
    request: '{"instance_count":$instances,"description":"$description"}',
    response: '{"id":"$id","status":"updating"}',
  },
  UpdateModeration: { request: '{"content_moderation":$moderation}', response: "{}" },
  CreateCustomEndpoint: {
    request:
      '{"name":"$name","model_name":"$modelName","rate_limit":{"rpm":$rpm},"description":"$description"}',
    response: '{"id":"$id","name":"$name","status":"creating"}',
  },
  ControlCustomEndpoint: {
    request: '{"action":"$action"}',
    response: '{"id":"$id","status":"$status"}',
  },
  UpdateCustomEndpoint: {
    request: '{"rate_limit":{"rpm":$rpm},"description":"$description"}',
    response: "{}",
  },
};
