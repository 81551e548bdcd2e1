/**
 * Bodies of the Lite Server (`/v1/{project_id}/dev-servers…`) and dedicated resource-pool
 * (`/v2/{project_id}/pools…`) operations of revision 2026-09-20, and of `star_content`. Field
 * names follow Huawei's ModelArts API reference where it documents them (change/reinstall OS:
 * `image_id`, `key_pair_name`; batch node operations: `nodeNames`, `migrateNodeNames`,
 * `toPoolName`); other shapes are plausible guesses (marked). Reads (GET) have no request body.
 * Entries have the shape of `PayloadSpec` (spelled out here: `payloads.ts` imports this file).
 */
export const LITE_POOL_PAYLOADS: Readonly<
  Record<string, { readonly request?: string | null; readonly response?: string | null }>
> = {
  // Lite Server (single servers).
  // List responses: the count only (the items are not known to a session).
  listServer: { request: null, response: '{"total":$count}' },
  listbyuserServer: { request: null, response: '{"total":$count}' },
  getServer: {
    request: null,
    response:
      '{"id":"$id","name":"$name","flavor":"$flavor","image":{"id":"$imageId"},"status":"$status"}',
  },
  listflavorsServer: {
    request: null,
    response: '{"total":3,"flavors":[{"name":"$flavor","arch":"$arch","server_type":"BMS"}]}',
  },
  listimagesServerImage: {
    request: null,
    response: '{"total":$count,"images":[{"id":"$imageId","name":"$imageName","arch":"$arch"}]}',
  },
  getimageServerImage: {
    request: null,
    response: '{"id":"$imageId","name":"$imageName","arch":"$arch","status":"active"}',
  },
  listpluginsPlugin: {
    request: null,
    // Guess: the plugins a server can install (NPU driver, RoCE tools).
    response: '{"plugins":[{"name":"$plugin","version":"$pluginVersion"}]}',
  },
  stopServer: { request: null, response: '{"operation_id":"$operationId"}' },
  startServer: { request: null, response: '{"operation_id":"$operationId"}' },
  rebootServer: { request: '{"type":"SOFT"}', response: '{"operation_id":"$operationId"}' },
  syncServer: { request: null, response: '{"id":"$id","status":"$status"}' },
  updateServer: { request: '{"name":"$name"}', response: '{"id":"$id","name":"$name"}' },
  changeosServer: {
    request: '{"image_id":"$imageId","key_pair_name":"$keyPair"}',
    response: '{"operation_id":"$operationId"}',
  },
  reinstallosServer: {
    request: '{"key_pair_name":"$keyPair"}',
    response: '{"operation_id":"$operationId"}',
  },
  getoperationServer: {
    request: null,
    response: '{"operation_id":"$operationId","operation_type":"$operationType","status":"$phase"}',
  },
  // Guess: an EVS volume by id, attached in the given mode.
  attachvolumeServer: {
    request: '{"volume_id":"$volumeId"}',
    response: '{"operation_id":"$operationId"}',
  },
  detachvolumeServer: {
    request: '{"volume_id":"$volumeId"}',
    response: '{"operation_id":"$operationId"}',
  },
  listpublicipServer: {
    request: null,
    response: '{"publicips":[{"id":"$publicIpId","public_ip_address":"$publicIp"}]}',
  },
  bindpublicipServer: {
    request: '{"publicip_id":"$publicIpId"}',
    response: '{"id":"$id","public_ip_address":"$publicIp"}',
  },
  // Guess: jobs are commands run on servers (driver upgrades, health checks) by the platform.
  createjobServer: {
    request: '{"job_type":"$jobType","server_ids":["$serverId"]}',
    response: '{"job_id":"$id"}',
  },
  getjobServer: {
    request: null,
    response: '{"job_id":"$id","job_type":"$jobType","status":"$jobStatus"}',
  },
  listjobsServer: {
    request: null,
    response: '{"total":1,"jobs":[{"job_id":"$jobId","status":"$jobStatus"}]}',
  },
  updatejobServer: { request: '{"description":"$description"}', response: '{"job_id":"$id"}' },
  deletejobsServer: { request: '{"job_ids":["$id"]}', response: "{}" },
  createrocenetworkServerRoceNetwork: {
    request: '{"name":"$name","cidr":"$cidr"}',
    response: '{"id":"$id","name":"$name","status":"CREATING"}',
  },
  batchactionServer: {
    request: '{"action":"$action","server_ids":["$id","$otherId"]}',
    response: '{"results":[{"id":"$id","success":true},{"id":"$otherId","success":true}]}',
  },
  // Lite Server supernodes (hyper instances, `/dev-servers/hyperinstance/{id}`).
  listbyuserhyperinstance: { request: null, response: '{"total":$count}' },
  listallhyperinstance: { request: null, response: '{"total":$count}' },
  getserverhyperinstance: {
    request: null,
    response: '{"id":"$id","name":"$name","flavor":"$flavor","server_count":$servers}',
  },
  changeoshyperinstance: {
    request: '{"image_id":"$imageId","key_pair_name":"$keyPair"}',
    response: '{"operation_id":"$operationId"}',
  },
  deleteserverhyperinstance: { request: '{"server_ids":["$serverId"]}', response: "{}" },
  querytagshyperinstance: {
    request: null,
    response: '{"tags":[{"key":"$tagKey","value":"$tagValue"}]}',
  },
  createtagshyperinstance: {
    request: '{"tags":[{"key":"$tagKey","value":"$tagValue"}]}',
    response: "{}",
  },
  deletetagshyperinstance: { request: '{"tags":[{"key":"$tagKey"}]}', response: "{}" },
  scaleuphyperinstanceServerHyperinstance: {
    request: '{"count":$delta}',
    response: '{"operation_id":"$operationId"}',
  },
  scaledownhyperinstanceServerHyperinstance: {
    request: '{"server_ids":["$serverId"]}',
    response: '{"operation_id":"$operationId"}',
  },
  // Dedicated resource pools (v2 pools API).
  ListPools: { request: null, response: '{"kind":"List","apiVersion":"v2","total":$count}' },
  ListNetworks: {
    request: null,
    response: '{"kind":"List","items":[{"metadata":{"name":"$network"}}]}',
  },
  ShowPoolMonitor: {
    request: null,
    response: '{"metrics":[{"metric":"gpuUtil","value":$util}]}',
  },
  ListNodePoolNodes: {
    request: null,
    response:
      '{"kind":"List","items":[{"metadata":{"name":"$nodeName"},"status":{"phase":"Available"}}]}',
  },
  ListNodePoolScaler: {
    request: null,
    response: '{"items":[{"nodePool":"$nodePool","minCount":$nodes,"maxCount":$maxNodes}]}',
  },
  ListWorkloads: {
    request: null,
    response: '{"kind":"List","items":[{"kind":"$workloadKind","name":"$workload"}]}',
  },
  ListJobs: {
    request: null,
    response: '{"kind":"List","items":[{"name":"$workload","status":{"phase":"Running"}}]}',
  },
  ListPoolTags: {
    request: null,
    response: '{"tags":[{"key":"$tagKey","values":["$tagValue"]}]}',
  },
  BatchCreatePoolTags: {
    request: '{"tags":[{"key":"$tagKey","value":"$tagValue"}]}',
    response: "{}",
  },
  BatchDeletePoolTags: { request: '{"tags":[{"key":"$tagKey"}]}', response: "{}" },
  ShowPoolNodeConfigTemplate: {
    request: null,
    response: '{"template":{"kubelet":{"maxPods":$maxPods}}}',
  },
  ListPluginTemplates: {
    request: null,
    response:
      '{"kind":"List","items":[{"metadata":{"name":"$plugin"},"spec":{"version":"$pluginVersion"}}]}',
  },
  BatchRebootPoolNodes: {
    request: '{"nodeNames":["$nodeName","$otherNode"]}',
    response: '{"nodeNames":["$nodeName","$otherNode"]}',
  },
  BatchMigratePoolNodes: {
    request:
      '{"migrateNodeNames":["$nodeName"],"toPoolName":"$targetPool","resourceSpec":{"flavor":"$flavor"}}',
    response: '{"migrateNodeNames":["$nodeName"]}',
  },
  // Guess: a logical sub-pool by name.
  BatchBindPoolNodes: {
    request: '{"nodeNames":["$nodeName","$otherNode"],"subPool":"$subPool"}',
    response: '{"nodeNames":["$nodeName","$otherNode"]}',
  },
  CreateNcclTestJob: {
    request:
      '{"pool_name":"$poolId","nodeNames":["$nodeName","$otherNode"],"testType":"all_reduce"}',
    response: '{"job_id":"$id","status":"Running"}',
  },
  ShowNcclTestJobLKList: {
    request: null,
    response: '{"items":[{"job_id":"$ncclJob","status":"$phase","busbw":"$busbw"}]}',
  },
  ShowNcclTestLogs: { request: null, response: '{"node":"$nodeName","log":"$ncclLog"}' },
  ShowCkptWarmUpTask: {
    request: null,
    response: '{"id":"$taskId","status":"$phase","source":"$trainUrl"}',
  },
  PatchCkptWarmUpTask: { request: '{"source":"$trainUrl"}', response: '{"id":"$taskId"}' },
  DeleteCkptWarmUpTask: { request: null, response: "{}" },
  CreatePoolElasticQuota: {
    request: '{"pool_name":"$poolId","name":"$name","resources":{"$accelerator":$cards}}',
    response: '{"name":"$name"}',
  },
  ShowPoolElasticQuota: {
    request: null,
    response: '{"name":"$name","resources":{"$accelerator":$cards},"used":{"$accelerator":0}}',
  },
  DeletePoolElasticQuota: { request: null, response: "{}" },
  // Rare admin operations (guessed shapes): buying capacity ahead, federating pools.
  CreatePreOrder: {
    request:
      '{"pool_name":"$poolId","flavor":"$flavor","count":$nodes,"period_type":"month","period_num":1}',
    response: '{"order_id":"$id"}',
  },
  ListPreOrders: {
    request: null,
    response: '{"items":[{"order_id":"$orderId","status":"$phase"}]}',
  },
  CreatePoolGroup: {
    request: '{"name":"$name","pools":["$poolId","$targetPool"]}',
    response: '{"name":"$name","uid":"$id"}',
  },
  // AI Gallery.
  star_content: { request: '{"content_id":"$id"}', response: "{}" },
};
