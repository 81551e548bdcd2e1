/**
 * What the page reads of a CTS trace (API shape, reference §2). The page keeps each trace as
 * the API sent it and shows it whole; these are only the fields it lists, filters and bins on.
 */
export interface Trace {
  readonly trace_id: string;
  readonly trace_name?: string;
  readonly trace_rating?: string;
  readonly trace_type?: string;
  readonly service_type?: string;
  readonly resource_type?: string;
  readonly resource_id?: string;
  readonly resource_name?: string;
  readonly time: number;
  readonly source_ip?: string;
  readonly code?: string;
  readonly request?: unknown;
  readonly response?: unknown;
  readonly user?: { readonly name?: string; readonly access_key_id?: string };
}

/** A ListTraces answer (reference §1.2). */
export interface TracePage {
  readonly traces: readonly Trace[];
  readonly meta_data?: { readonly count?: number; readonly marker?: string | null };
}
