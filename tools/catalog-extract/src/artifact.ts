/** One generated file: where it goes and how to produce its content. */
export interface Artifact {
  /** Path relative to the repository root. */
  readonly path: string;
  /** The full file content; pure apart from reading the sources. */
  render(): string;
}
