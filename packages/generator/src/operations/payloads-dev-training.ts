/**
 * Bodies of the notebook (development environment) and V2 training operations that revision
 * 2026-09-20 added: notebook images, NotebookApp instances, notebook tag lists, algorithms,
 * training experiments, job tags, image-saving and diagnosis tasks. Shapes follow Huawei's
 * ModelArts API reference (CreateImage, ListImage, CreateAlgorithm, CreateTrainingExperiment,
 * CreateTrainJobTags, CreateTrainingJobDiagnosisTask, the training job's image-saving task),
 * cut to a few fields. Reads are GETs: no request body. Guessed where the reference shows no
 * example: the NotebookApp and tag-list bodies, and which fields each response keeps. (The
 * type is `PayloadSpec`'s shape, spelled out: `payloads.ts` imports this file.)
 */
export const DEV_TRAINING_PAYLOADS: Readonly<
  Record<string, { readonly request?: string | null; readonly response?: string | null }>
> = {
  listallNotebook: {
    request: null,
    response:
      '{"current":0,"pages":1,"size":10,"total":$total,"data":[{"id":"$id","name":"$name"}]}',
  },
  listCombineTmsTag: {
    request: null,
    response:
      '{"tags":[{"key":"project","values":["$topic"]},{"key":"owner","values":["$owner"]}]}',
  },
  listNotebookTmsTag: {
    request: null,
    response: '{"tags":[{"key":"project","value":"$topic"}]}',
  },
  // Saving a running instance (POST /v1/{project_id}/notebooks/{id}/create-image) or registering
  // an SWR image (POST /v1/{project_id}/images): the same trace name serves both.
  createNotebookImage: {
    request:
      '{"name":"$name","namespace":"$namespace","tag":"$tag","description":"$description","workspace_id":"0"}',
    response:
      '{"id":"$id","name":"$name","namespace":"$namespace","tag":"$tag","origin":"$origin","status":"INIT","type":"DEDICATED","visibility":"PRIVATE","swr_path":"swr.$region.myhuaweicloud.com/$namespace/$name:$tag"}',
  },
  listNotebookImage: {
    request: null,
    response:
      '{"current":0,"pages":1,"size":10,"total":$total,"data":[{"id":"$imageId","name":"$imageName","type":"$imageType","status":"ACTIVE"}]}',
  },
  listNotebookImageGroups: {
    request: null,
    response:
      '{"current":0,"pages":1,"size":10,"total":$total,"data":[{"name":"$imageName","namespace":"$namespace","image_count":$total}]}',
  },
  getNotebookImage: {
    request: null,
    response:
      '{"id":"$id","name":"$name","namespace":"$namespace","tag":"$tag","origin":"$origin","status":"$status","type":"DEDICATED","visibility":"PRIVATE"}',
  },
  // "Sync image status" on the trace list: the console refreshes a saving image's status.
  updateNotebookImage: {
    request: null,
    response: '{"id":"$id","name":"$name","status":"$status"}',
  },
  deleteNotebookImage: {
    request: null,
    response: '{"id":"$id","name":"$name","status":"DELETED"}',
  },
  createNotebookApp: {
    request: '{"app_type":"$appType","notebook_id":"$notebookId","flavor":"$flavor"}',
    response: '{"id":"$id","app_type":"$appType","notebook_id":"$notebookId","status":"CREATING"}',
  },
  listNotebookApp: {
    request: null,
    response: '{"total":$total,"data":[{"id":"$appId","app_type":"$appType","status":"RUNNING"}]}',
  },
  getNotebookApp: {
    request: null,
    response: '{"id":"$id","app_type":"$appType","notebook_id":"$notebookId","status":"RUNNING"}',
  },
  CreateAlgorithmV2: {
    request:
      '{"metadata":{"name":"$name","description":"$description","workspace_id":"0"},"job_config":{"code_dir":"$codeDir","boot_file":"$bootFile","engine":{"engine_id":"$engineId"},"inputs":[{"name":"data_url"}],"outputs":[{"name":"train_url"}]}}',
    response:
      '{"metadata":{"id":"$id","name":"$name","create_time":$now},"job_config":{"code_dir":"$codeDir","boot_file":"$bootFile"}}',
  },
  UpdateAlgorithmV2: {
    request:
      '{"metadata":{"name":"$name","description":"$description"},"job_config":{"code_dir":"$codeDir","boot_file":"$bootFile"}}',
    response: '{"metadata":{"id":"$id","name":"$name"}}',
  },
  DeleteAlgorithmV2: { request: null, response: null },
  CreateExperiment: {
    request: '{"metadata":{"name":"$name","description":"$description","workspace_id":"0"}}',
    response:
      '{"metadata":{"id":"$id","name":"$name","description":"$description","workspace_id":"0","create_time":$now},"statistic":{"job_count":0}}',
  },
  UpdateExperiment: {
    request: '{"name":"$name","description":"$description"}',
    response: '{"name":"$name","description":"$description"}',
  },
  DeleteExperiment: { request: null, response: null },
  CreateJobTags: {
    request: '{"tags":[{"key":"$tagKey","value":"$tagValue"}]}',
    response: null,
  },
  DeleteJobTags: { request: '{"tags":[{"key":"$tagKey"}]}', response: null },
  CreateSaveImageTask: {
    request:
      '{"name":"$imageName","namespace":"$namespace","tag":"$tag","description":"$description"}',
    response: '{"task_id":"$id","training_job_id":"$jobId","status":"Creating"}',
  },
  CreateDiagnosisTask: {
    request: '{"type":"standard"}',
    response:
      '{"task_id":"$id","task_name":"$name","training_job_id":"$jobId","task_status":"CREATING","description":""}',
  },
};

/**
 * Result bodies (see `RESULT_PAYLOADS`) of the asynchronous operations above: a saved notebook
 * image becomes `ACTIVE` or `ERROR`, a training job's image-saving task `Completed` or
 * `Failed`, a diagnosis task `COMPLETED` (with its finding) or `FAILED`. Status words from the
 * API reference's enumerations; error codes and texts are illustrative (a failed result is a
 * `warning` with 200: its body carries `error_code`, as the other result bodies do).
 */
export const DEV_TRAINING_RESULT_PAYLOADS: Readonly<
  Record<string, { readonly ok: string; readonly failed: string }>
> = {
  createNotebookImage: {
    ok: '{"id":"$id","name":"$name","tag":"$tag","status":"ACTIVE"}',
    failed:
      '{"id":"$id","name":"$name","tag":"$tag","status":"ERROR","error_code":"ModelArts.6315","error_msg":"Image saving failed: the image exceeds the size limit of 35 GB."}',
  },
  CreateSaveImageTask: {
    ok: '{"task_id":"$id","training_job_id":"$jobId","status":"Completed","swr_path":"swr.$region.myhuaweicloud.com/$namespace/$imageName:$tag"}',
    failed:
      '{"task_id":"$id","training_job_id":"$jobId","status":"Failed","error_code":"ModelArts.2791","error_msg":"Image saving failed: the container has exited."}',
  },
  CreateDiagnosisTask: {
    ok: '{"task_id":"$id","training_job_id":"$jobId","task_status":"COMPLETED","level":"$level","conclusion":"$conclusion"}',
    failed:
      '{"task_id":"$id","training_job_id":"$jobId","task_status":"FAILED","error_code":"ModelArts.2792","error_msg":"Diagnosis failed: the job logs are unavailable."}',
  },
};
