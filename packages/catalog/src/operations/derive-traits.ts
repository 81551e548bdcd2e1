import type { OperationKind, OperationTraits, TraitField } from "./operation-traits.js";

/** Options of {@link deriveTraits}. */
export interface DeriveTraitsOptions {
  /** The kind the source page states (the Lite Server page's CRUD column). Default: derived. */
  readonly statedKind?: OperationKind;
}

const READ = /^(get|list|show|query|view|describe)/i;
const DELETE = /^(batch)?(delete|remove)/i;
const CREATE = /^(batch)?(create|add|register|publish)/i;
/**
 * Changes of a resource's state or settings. Start, stop and reboot count as updates because the
 * Lite Server page, the only one that states kinds, calls them Update.
 */
const UPDATE =
  /^(batch)?(update|modify|patch|change|switch|sync|bind|unbind|attach|detach|scale|migrate|reinstall|start|stop|reboot|restart|interrupt|control|batchaction|import|upload|accept|review)/i;

/**
 * Operations whose work goes on after the call returns, by family. Read off the trace names and
 * what the pages say the operation does; no page states it, so every match is a judgement.
 */
const ASYNCHRONOUS: readonly RegExp[] = [
  // Training jobs run after they are created; stopping waits for the job to end.
  /^(Create|Stop)JobV2$/,
  /^Create(SaveImage|Diagnosis)Task$/,
  /^(createModelArtsTrainJob|createModelArtsTrainVersion|stopModelArtsTrainVersion)$/,
  /^(create|stop|restart)ModelArtsg?TensorboardJob$/,
  // Notebook instances start and stop; images are built from a running instance.
  /^(create|start|stop)Notebook$/,
  /^createNotebook(Image|App)$/,
  /^(create_instance|change_instance_status)$/,
  // Deployments and services roll out instance by instance.
  /^(Create|Update|Start|Stop|Interrupt|Scale)Deployment$/,
  /^SwitchDeploymentVersion$/,
  /^(addService|updateService|startOrStopService|startOrStopNodesService)$/,
  /^(CreateService|UpdateService|CreateCustomEndpoint|ControlCustomEndpoint)$/,
  // Servers boot, stop and get a new OS; supernodes scale.
  /^(create|stop|start|reboot|changeos|reinstallos|batchaction|createjob)Server$/,
  /^createrocenetworkServerRoceNetwork$/,
  /^(changeos|scaleup|scaledown)hyperinstance/,
  // Pools, clusters and networks are built node by node.
  /^(CreatePool|CreatePoolV2|CreatePoolGroup|CreateNetwork|CreateNetworksV1|CreateNcclTestJob)$/,
  /^Batch(Migrate|Reboot)PoolNodes$/,
  /^(create|delete)Cluster$/,
  /^(add|delete)ClusterNode$/,
  // Data jobs: auto labeling, grouping and deployment, import, export, publishing, syncing.
  /^create(AutoLabeling|AutoGrouping|AutoDeploy)Task$/,
  /^(importSamplesToDataset|exportDataFromDataset|publishDatasetVersion|syncDataSource)$/,
  // Models are imported and converted in the background.
  /^(addModel|addConvert)$/,
];

/**
 * The kind of an operation as its trace name tells it: reads start with get, list, show, query
 * or view; deletes with delete or remove; creates with create, add, register or publish; state
 * and settings changes with update, modify, start, stop, bind, scale and the like. A name ending
 * in `Result` (createClusterResult, the platform's report) and everything else is an `action`.
 *
 * @example
 * kindOfTraceName("listallNotebook"); // "read"
 * kindOfTraceName("change_instance_status"); // "update"
 */
export function kindOfTraceName(traceName: string): OperationKind {
  if (/Result$/.test(traceName)) return "action";
  if (READ.test(traceName)) return "read";
  if (DELETE.test(traceName)) return "delete";
  if (CREATE.test(traceName)) return "create";
  if (UPDATE.test(traceName)) return "update";
  return "action";
}

/**
 * The traits of an operation: the kind the page states, else the one its trace name tells
 * ({@link kindOfTraceName}); `readOnly` for reads; `asynchronous` from a list of families of
 * long-running operations (never for reads). `derived` lists the fields no source stated.
 *
 * @param options - Default: nothing stated, every field derived.
 * @example
 * deriveTraits("CreateJobV2"); // { kind: "create", readOnly: false, asynchronous: true, derived: [...all] }
 * deriveTraits("getServer", { statedKind: "read" }).derived; // ["asynchronous"]
 */
export function deriveTraits(
  traceName: string,
  options: DeriveTraitsOptions = {},
): OperationTraits {
  const kind = options.statedKind ?? kindOfTraceName(traceName);
  const derived: TraitField[] =
    options.statedKind === undefined ? ["kind", "readOnly", "asynchronous"] : ["asynchronous"];
  return {
    kind,
    readOnly: kind === "read",
    asynchronous: kind !== "read" && ASYNCHRONOUS.some((pattern) => pattern.test(traceName)),
    derived,
  };
}
