import { CodeRow, codesOf } from "../internal/char-codes.js";
import { flat } from "../internal/flat.js";
import { hex4, hex32 } from "../internal/hex.js";
import type { Prng } from "../internal/prng.js";

const ALNUM = codesOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
const ROW20 = new CodeRow(20);

/** Project words that ML teams put in resource names. */
export const TOPICS = [
  "resnet50",
  "yolov8",
  "bert-base",
  "llama2-7b",
  "qwen-7b",
  "churn",
  "fraud",
  "ocr",
  "asr",
  "recsys",
  "defect",
  "segment",
  "face-det",
  "text-cls",
  "sentiment",
  "forecast",
  "pangu",
  "vit",
  "t5-small",
  "mobilenet",
  "gpt2",
  "clip",
  "unet",
  "ctr",
] as const;

/** Free-text descriptions (JSON-safe). */
export const DESCRIPTIONS = [
  "baseline",
  "retry with larger batch size",
  "fix data path",
  "nightly run",
  "tuned lr 3e-4",
  "for demo",
  "experiment A/B",
  "prod candidate",
  "do not delete",
  "temp",
  "migrated from old pool",
  "weekly refresh",
  "customer pilot",
  "quantized int8",
] as const;

/** Compute flavors by family. */
export const FLAVORS = {
  notebook: [
    "modelarts.vm.cpu.2u",
    "modelarts.vm.cpu.8u",
    "modelarts.vm.gpu.t4",
    "modelarts.vm.gpu.v100",
    "modelarts.bm.npu.arm.8snt9b3.d",
  ],
  training: [
    "modelarts.vm.gpu.v100",
    "modelarts.p3.large.public",
    "modelarts.vm.gpu.a100.8",
    "modelarts.bm.npu.arm.8snt9b3.d",
    "modelarts.vm.cpu.8u",
  ],
  service: [
    "modelarts.vm.cpu.2u",
    "modelarts.vm.gpu.t4",
    "modelarts.vm.gpu.p4",
    "modelarts.kat1.xlarge",
  ],
  pool: ["modelarts.vm.gpu.v100.8", "modelarts.bm.npu.arm.8snt9b3.d", "modelarts.vm.cpu.64u"],
} as const;

/** 20 random letters and digits (ModelArts dataset, workforce and task ids). */
export function alnum20(rng: Prng): string {
  ROW20.random(0, rng, ALNUM, 20);
  return ROW20.text();
}

/** A random UUID-shaped id (8-4-4-4-12 hex) for references that are not resources of the timeline (images). */
export function uuidId(rng: Prng): string {
  const h = hex32(rng);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** `<prefix>-<topic>-<suffix>`, e.g. `nb-yolov8-3f2a`. */
export function resourceName(rng: Prng, prefix: string): string {
  const topic = rng.pick(TOPICS);
  return flat(`${prefix}-${topic}-${hex4(rng.u32() >>> 16)}`);
}

/** An OBS path under the tenant's data bucket. */
export function obsPath(bucket: string, kind: string, name: string): string {
  return `/${bucket}/${kind}/${name}/`;
}
