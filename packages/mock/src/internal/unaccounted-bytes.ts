let shared: boolean | undefined;

/**
 * A zeroed `Uint8Array` of `length` bytes backed by a `SharedArrayBuffer` where the platform
 * has one that `TextDecoder` reads (Node; browsers only in cross-origin-isolated pages), else
 * by a plain `ArrayBuffer`.
 *
 * Why: V8 counts the bytes of every new `ArrayBuffer` as external memory and starts a full
 * mark-compact of the whole heap after every ~64 MB of growth, so filling a 1.4 GB store in
 * plain buffers costs ~20 full collections (~90 ms of marking each with a big index on the
 * heap); shared buffers are not counted, and are freed the same way once unreachable.
 *
 * @example
 * const chunk = unaccountedBytes(16 * 1024 * 1024);
 */
export function unaccountedBytes(length: number): Uint8Array {
  shared ??= sharedBuffersDecode();
  return shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length);
}

function sharedBuffersDecode(): boolean {
  if (typeof SharedArrayBuffer !== "function") return false;
  try {
    return new TextDecoder().decode(new Uint8Array(new SharedArrayBuffer(1))) === "\0";
  } catch {
    return false;
  }
}
