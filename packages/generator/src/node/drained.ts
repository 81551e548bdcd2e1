/** The part of a writable stream {@link drained} listens to. */
interface DrainEmitter {
  once(event: "drain" | "close" | "error", listener: () => void): unknown;
  off(event: "drain" | "close" | "error", listener: () => void): unknown;
}

/**
 * Resolves when a stream whose `write` returned `false` may be written again: on `'drain'`, or
 * on `'close'`/`'error'` (the caller then reads the failure its own error listener kept).
 * Removes its listeners either way, so waiting once per chunk leaks nothing.
 *
 * @example
 * if (!stream.write(text)) await drained(stream);
 */
export function drained(stream: DrainEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
    stream.once("error", done);
  });
}
