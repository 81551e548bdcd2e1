import { GeneratorError } from "../generator-error.js";
import { GeneratedTrace } from "../trace/generated-trace.js";
import type { TraceEvent } from "../trace-event.js";

/** Narrows an event to the generator's own class, whose fragments the encoders read. */
export function asGenerated(event: TraceEvent): GeneratedTrace {
  if (event instanceof GeneratedTrace) return event;
  throw new GeneratorError(
    "CTSIM_GENERATOR_FOREIGN_EVENT",
    "This encoder needs a TraceEvent made by generateTraces or retime; encode other objects with JSON.stringify.",
  );
}
