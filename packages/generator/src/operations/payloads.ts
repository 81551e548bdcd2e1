import { DEV_TRAINING_PAYLOADS } from "./payloads-dev-training.js";
import { INFERENCE_PAYLOADS } from "./payloads-inference.js";
import { LITE_POOL_PAYLOADS } from "./payloads-lite-pool.js";

/** Request and response templates of one operation; `null` renders JSON `null`, absent the verb default. */
export interface PayloadSpec {
  readonly request?: string | null;
  readonly response?: string | null;
}

/**
 * Request/response JSON templates per trace name (`$key` placeholders filled from the resource
 * and the call). Shapes follow the ModelArts API fields of each operation family where known;
 * bodies are illustrative, CTS does not document them. Operations not listed here fall back to
 * {@link DEFAULT_PAYLOADS} by verb.
 */
export const PAYLOADS: Readonly<Record<string, PayloadSpec>> = {
  ...DEV_TRAINING_PAYLOADS,
  ...LITE_POOL_PAYLOADS,
  createDataset: {
    request:
      '{"dataset_name":"$name","dataset_type":$datasetType,"data_sources":[{"data_type":0,"data_path":"$obsPath"}],"work_path":"$workPath","work_path_type":0,"description":"$description"}',
    response: '{"dataset_id":"$id"}',
  },
  updateDataset: {
    request: '{"dataset_name":"$name","description":"$description"}',
    response: "{}",
  },
  publishDatasetVersion: {
    request:
      '{"version_name":"$versionName","export_images":false,"train_evaluate_sample_ratio":"0.8"}',
    response: '{"version_id":"$versionId"}',
  },
  deleteDatasetVersion: { request: null, response: "{}" },
  syncDataSource: { request: "{}", response: '{"success":true}' },
  exportDataFromDataset: {
    request: '{"path":"$exportPath","export_type":3,"export_format":1}',
    response: '{"task_id":"$taskId"}',
  },
  createAutoLabelingTask: {
    request: '{"task_type":"auto-label","model_parameter":"","collect_key_sample":false}',
    response: '{"task_id":"$taskId"}',
  },
  createAutoGroupingTask: {
    request: '{"task_type":"auto-grouping","export_type":0,"group_num":"$groups"}',
    response: '{"task_id":"$taskId"}',
  },
  createAutoDeployTask: {
    request:
      '{"task_type":"auto-deploy","model_id":"$modelId","specification":"modelarts.vm.cpu.2u"}',
    response: '{"task_id":"$taskId"}',
  },
  importSamplesToDataset: {
    request: '{"import_path":"$obsPath","import_type":0,"included_labels":[]}',
    response: '{"task_id":"$taskId"}',
  },
  createLabel: {
    request: '{"labels":[{"name":"$labelName","type":0}]}',
    response: '{"success":true}',
  },
  updateLabel: {
    request:
      '{"labels":[{"name":"$labelName","type":0,"property":{"@modelarts:color":"#$color"}}]}',
    response: '{"success":true}',
  },
  uploadSamples: {
    request: '{"samples":[{"name":"$sampleFile","sample_type":0}],"final_annotation":true}',
    response: '{"success":true}',
  },
  deleteSamples: {
    request: '{"samples":["$sampleId"],"delete_source":false}',
    response: '{"success":true}',
  },
  updateSamples: {
    request: '{"samples":[{"sample_id":"$sampleId","labels":[{"name":"$labelName"}]}]}',
    response: '{"success":true}',
  },
  stopTask: { request: "{}", response: "{}" },
  createWorkforceTask: {
    request:
      '{"task_name":"$name","workforces_config":{"workforces":[{"workforce_id":"$workforceId"}]},"repetition":1}',
    response: '{"task_id":"$id"}',
  },
  updateWorkforceTask: { request: '{"description":"$description"}', response: "{}" },
  startWorkforceSamplingTask: {
    request: '{"sample_ratio":"$ratio"}',
    response: '{"task_id":"$id"}',
  },
  updateWorkforceSamplingTask: { request: '{"action":"$action"}', response: "{}" },
  acceptSamples: {
    request: '{"samples":["$sampleId"],"comment":"$comment"}',
    response: '{"success":true}',
  },
  sendEmails: { request: '{"emails":"$email","action":"start"}', response: '{"success":true}' },
  updateWorkforceTaskSamples: {
    request: '{"samples":[{"sample_id":"$sampleId","labels":[{"name":"$labelName"}]}]}',
    response: '{"success":true}',
  },
  reviewSamples: {
    request: '{"samples":["$sampleId"],"review_result":"$result"}',
    response: '{"success":true}',
  },
  createWorkforce: {
    request: '{"workforce_name":"$name","description":"$description"}',
    response: '{"workforce_id":"$id"}',
  },
  updateWorkforce: {
    request: '{"workforce_name":"$name","description":"$description"}',
    response: "{}",
  },
  createWorker: { request: '{"emails":"$email","role":$role}', response: '{"success":true}' },
  updateWorker: { request: '{"role":$role,"description":"$description"}', response: "{}" },
  batchDeleteWorker: { request: '{"delete_worker_ids":["$id"]}', response: '{"success":true}' },
  createAgency: {
    request: '{"agency_name_suffix":"$suffix"}',
    response: '{"agency_id":"$id","agency_name":"$name"}',
  },
  workerLoginLabelConsole: { request: '{"email":"$email"}', response: '{"success":true}' },
  workerLogOutLabelConsole: { request: "{}", response: '{"success":true}' },
  workerChangePassword: { request: '{"email":"$email"}', response: '{"success":true}' },
  workerForgetPassword: { request: '{"email":"$email"}', response: '{"success":true}' },
  workerResetPassword: { request: '{"email":"$email"}', response: '{"success":true}' },
  createNotebook: {
    request:
      '{"name":"$name","flavor":"$flavor","image":{"id":"$imageId"},"duration":$duration,"volume":{"category":"EFS","ownership":"MANAGED","capacity":50}}',
    response: '{"id":"$id","name":"$name","status":"CREATING","flavor":"$flavor"}',
  },
  updateNotebook: {
    request: '{"flavor":"$flavor","description":"$description"}',
    response: '{"id":"$id","status":"$status"}',
  },
  openNotebook: { request: null, response: '{"id":"$id","status":"RUNNING"}' },
  startNotebook: {
    request: '{"duration":$duration}',
    response: '{"id":"$id","status":"STARTING"}',
  },
  stopNotebook: { request: null, response: '{"id":"$id","status":"STOPPING"}' },
  updateNotebookApp: {
    request: '{"flavor":"$flavor"}',
    response: '{"id":"$id","status":"RUNNING"}',
  },
  createModelArtsTrainJob: {
    request:
      '{"job_name":"$name","job_desc":"$description","config":{"worker_server_num":$nodes,"app_url":"$codeDir","boot_file_url":"$bootFile","data_url":"$dataUrl","train_url":"$trainUrl","flavor":{"code":"$flavor"},"engine_id":$engineId},"workspace_id":"0"}',
    response:
      '{"is_success":true,"job_id":$id,"job_name":"$name","status":1,"create_time":$now,"version_id":$versionId,"version_name":"V0001"}',
  },
  createModelArtsTrainVersion: {
    request:
      '{"job_desc":"$description","config":{"worker_server_num":$nodes,"flavor":{"code":"$flavor"},"pre_version_id":$preVersionId}}',
    response:
      '{"is_success":true,"job_id":$jobId,"version_id":$id,"version_name":"$name","status":1}',
  },
  stopModelArtsTrainVersion: { request: null, response: '{"is_success":true}' },
  updateModelArtsTrainDesc: {
    request: '{"job_desc":"$description"}',
    response: '{"is_success":true}',
  },
  createModelArtsTrainConfig: {
    request:
      '{"config_name":"$name","config_desc":"$description","worker_server_num":$nodes,"app_url":"$codeDir","boot_file_url":"$bootFile","flavor":{"code":"$flavor"}}',
    response: '{"is_success":true}',
  },
  updateModelArtsTrainConfig: {
    request: '{"config_desc":"$description","worker_server_num":$nodes}',
    response: '{"is_success":true}',
  },
  createModelArtsTensorboardJob: {
    request:
      '{"job_name":"$name","job_desc":"$description","config":{"train_url":"$trainUrl"},"schedule":{"type":"stop","time_unit":"HOURS","duration":1}}',
    response: '{"is_success":true,"job_id":$id,"job_name":"$name","status":7}',
  },
  updateModelArtsTensorboardDesc: {
    request: '{"job_desc":"$description"}',
    response: '{"is_success":true}',
  },
  stopModelArtsTensorboardJob: { request: null, response: '{"is_success":true}' },
  restartModelArtsgTensorboardJob: { request: null, response: '{"is_success":true}' },
  addModel: {
    request:
      '{"model_name":"$name","model_version":"$version","source_location":"$trainUrl","model_type":"$modelType","runtime":"$runtime"}',
    response: '{"model_id":"$id"}',
  },
  updateModel: { request: '{"description":"$description"}', response: "{}" },
  addConvert: {
    request:
      '{"task_name":"$name","convert_model_name":"$modelName","framework_type":"$framework","input_model_path":"$trainUrl","output_model_path":"$outputPath"}',
    response: '{"task_id":"$id","task_name":"$name","create_at":$now}',
  },
  updateConvert: { request: '{"description":"$description"}', response: "{}" },
  addService: {
    request:
      '{"service_name":"$name","infer_type":"$inferType","config":[{"model_id":"$modelId","weight":100,"specification":"$flavor","instance_count":$instances}],"description":"$description"}',
    response: '{"service_id":"$id","resource_ids":["$resourceId"]}',
  },
  updateService: {
    request:
      '{"description":"$description","config":[{"model_id":"$modelId","weight":100,"specification":"$flavor","instance_count":$instances}]}',
    response: "{}",
  },
  startOrStopService: { request: '{"status":"$status"}', response: "{}" },
  addAkSk: { request: '{"app_name":"$name"}', response: '{"app_id":"$id","app_key":"$appKey"}' },
  createCluster: {
    request:
      '{"metadata":{"name":"$name"},"spec":{"flavor":"$flavor","count":$nodes,"network":{"name":"$network"}}}',
    response: '{"metadata":{"name":"$name","uid":"$id"},"status":{"phase":"Creating"}}',
  },
  createClusterResult: {
    request: null,
    response: '{"metadata":{"name":"$name","uid":"$id"},"status":{"phase":"$phase"}}',
  },
  addClusterNode: { request: '{"count":1,"flavor":"$flavor"}', response: '{"node_id":"$id"}' },
  create_content: {
    request: '{"title":"$name","content_type":"$contentType","visibility":"public"}',
    response: '{"content_id":"$id"}',
  },
  modify_content: { request: '{"title":"$name","description":"$description"}', response: "{}" },
  add_version: {
    request: '{"version_num":"$version","source":"$trainUrl"}',
    response: '{"version_id":"$id"}',
  },
  subscription_content: {
    request: '{"content_id":"$id","version_num":"$version"}',
    response: '{"subscription_id":"$subscriptionId"}',
  },
  publish_activity: {
    request: '{"title":"$name","start_time":$now}',
    response: '{"activity_id":"$id"}',
  },
  regist_activity: { request: '{"activity_id":"$id"}', response: '{"success":true}' },
  update_user: { request: '{"nickname":"$nickname"}', response: "{}" },
  CreatePoolV2: {
    request:
      '{"kind":"Pool","apiVersion":"v2","metadata":{"labels":{"os.modelarts/name":"$name"}},"spec":{"type":"Dedicate","resources":[{"flavor":"$flavor","count":$nodes}],"network":{"name":"$network"}}}',
    response: '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Creating"}}',
  },
  UpdatePoolV2: {
    request: '{"spec":{"resources":[{"flavor":"$flavor","count":$nodes}]}}',
    response: '{"metadata":{"name":"$id"},"status":{"phase":"Running"}}',
  },
  CreateNetworksV1: {
    request:
      '{"kind":"Network","apiVersion":"v1","metadata":{"labels":{"os.modelarts/name":"$name"}},"spec":{"cidr":"$cidr"}}',
    response: '{"kind":"Network","metadata":{"name":"$id"},"status":{"phase":"Creating"}}',
  },
  UpdateNetworksV1: {
    request: '{"spec":{"connection":{"peerConnectionList":[]}}}',
    response: '{"metadata":{"name":"$id"}}',
  },
  // Training V2 and inference 2.0 (revision 2026-09-20): shapes of the V2 training-job and
  // deployment APIs where known (job inputs/outputs as OBS URLs, the pool in spec.resource).
  CreateJobV2: {
    request:
      '{"kind":"job","metadata":{"name":"$name","description":"$description"},"algorithm":{"code_dir":"$codeDir","boot_file":"$bootFile","engine":{"engine_id":"$engineId"},"inputs":[{"name":"data_url","remote":{"obs":{"obs_url":"$dataUrl"}}}],"outputs":[{"name":"train_url","remote":{"obs":{"obs_url":"$trainUrl"}}}]},"spec":{"resource":{"flavor_id":"$flavor","node_count":$nodes,"pool_id":"$poolId"}}}',
    response:
      '{"kind":"job","metadata":{"id":"$id","name":"$name","create_time":$now},"status":{"phase":"Creating"}}',
  },
  UpdateJobV2: { request: '{"description":"$description"}', response: '{"metadata":{"id":"$id"}}' },
  StopJobV2: {
    request: '{"action_type":"terminate"}',
    response: '{"metadata":{"id":"$id"},"status":{"phase":"Terminating"}}',
  },
  CreateDeployment: {
    request:
      '{"name":"$name","description":"$description","model_id":"$modelId","pool_id":"$poolId","flavor":"$flavor","instance_count":$instances}',
    response: '{"id":"$id","name":"$name","status":"deploying"}',
  },
  UpdateDeployment: {
    request:
      '{"description":"$description","model_id":"$modelId","flavor":"$flavor","instance_count":$instances}',
    response: '{"id":"$id","status":"updating"}',
  },
  ScaleDeployment: {
    request: '{"instance_count":$instances}',
    response: '{"id":"$id","status":"scaling"}',
  },
  StartDeployment: { request: "{}", response: '{"id":"$id","status":"starting"}' },
  StopDeployment: { request: "{}", response: '{"id":"$id","status":"stopping"}' },
  CreateApiKeyV2: { request: '{"name":"$name"}', response: '{"id":"$id","name":"$name"}' },
  BindApiKeyV2: { request: '{"api_key_id":"$id","service_id":"$serviceId"}', response: "{}" },
  CreatePool: {
    request:
      '{"kind":"Pool","apiVersion":"v2","metadata":{"labels":{"os.modelarts/name":"$name"}},"spec":{"type":"Dedicate","resources":[{"flavor":"$flavor","count":$nodes}],"network":{"name":"$network"}}}',
    response: '{"kind":"Pool","metadata":{"name":"$id"},"status":{"phase":"Creating"}}',
  },
  CreateNetwork: {
    request:
      '{"kind":"Network","apiVersion":"v1","metadata":{"labels":{"os.modelarts/name":"$name"}},"spec":{"cidr":"$cidr"}}',
    response: '{"kind":"Network","metadata":{"name":"$id"},"status":{"phase":"Creating"}}',
  },
  createServer: {
    request: '{"name":"$name","flavor":"$flavor","image_id":"$imageId","server_type":"BMS"}',
    response: '{"id":"$id","name":"$name","status":"CREATING"}',
  },
  create_instance: {
    request:
      '{"name":"$name","flavor":"$flavor","image":{"id":"$imageId"},"duration":$duration,"volume":{"category":"EFS","ownership":"MANAGED","capacity":50}}',
    response: '{"id":"$id","name":"$name","status":"CREATING","flavor":"$flavor"}',
  },
  change_instance_status: { request: '{"action":"$action"}', response: '{"id":"$id"}' },
  updateTracker: {
    request: '{"tracker_type":"system","tracker_name":"system","status":"$status"}',
    response: null,
  },
  deleteTracker: { request: null, response: null },
  deleteNotification: { request: null, response: null },
  // UpdateNotification (reference §1.4): the notification is switched off.
  updateNotification: {
    request:
      '{"notification_id":"$id","notification_name":"$name","operation_type":"$operationType","status":"disabled"}',
    response:
      '{"notification_id":"$id","notification_name":"$name","operation_type":"$operationType","status":"disabled","notification_type":"smn"}',
  },
  ...INFERENCE_PAYLOADS,
};

/** Fallback request/response per verb (`null` means the field is JSON `null`). */
export const DEFAULT_PAYLOADS = {
  create: { request: '{"name":"$name"}', response: '{"id":"$id"}' },
  update: { request: '{"description":"$description"}', response: "{}" },
  delete: { request: null, response: "{}" },
  action: { request: "{}", response: '{"success":true}' },
} as const;
