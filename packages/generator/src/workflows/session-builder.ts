import type { TraceRating, TraceSource } from "@ctsim/catalog";
import type { ContextOps } from "../context/context-ops.js";
import type { ObsAccess } from "../context/obs-data-events.js";
import { SessionContext } from "../context/session-context.js";
import { temporaryAccessKey } from "../internal/access-keys.js";
import { flat } from "../internal/flat.js";
import { IdMint } from "../internal/id-mint.js";
import type { TemplateArgs } from "../internal/json-template.js";
import type { Prng } from "../internal/prng.js";
import { sessionUuidTail, traceTicks } from "../internal/uuid-v1.js";
import { type Failure, pickFailure, ratingOf } from "../operations/failures.js";
import type { OpSpec } from "../operations/op-table.js";
import type { Actor } from "../tenant/actor.js";
import { accessKeyAt } from "../tenant/key-policy.js";
import { sourceIpOf } from "../tenant/source-ip.js";
import type { Tenant, TenantRegion } from "../tenant/tenant.js";
import type { TraceScope } from "../tenant/trace-scope.js";
import { type CallMode, renderUser, type UserRender } from "../tenant/user-render.js";
import { GeneratedTrace, WITH_REQUEST, WITH_RESPONSE } from "../trace/generated-trace.js";
import type { LabelTracker } from "../trace/label-tracker.js";

/** A resource a session works on; its fields fill payload templates. */
export interface Resource {
  readonly id: string;
  readonly name: string;
  /** Enterprise project id. */
  readonly ep: string;
  /** Template values (includes `id` and `name`). */
  readonly args: Record<string, string>;
}

/** Options of one {@link SessionBuilder.call}. */
export interface CallOptions {
  /** Extra template values for this call. */
  readonly args?: TemplateArgs;
  /** Failure probability instead of the operation's. */
  readonly failRate?: number;
  /** Source IP instead of the session's. */
  readonly ip?: string;
  /** Time of the trace instead of the session clock (the clock does not move). */
  readonly at?: number;
  /** Render the response body even for a system action (result traces). */
  readonly withResponse?: boolean;
  /**
   * The outcome, decided by the caller instead of drawn: a rating with the operation's success
   * status and body (a result trace whose body tells the end state), or a {@link Failure}.
   */
  readonly outcome?: { readonly rating: TraceRating } | Failure;
}

/** What a session needs from the timeline. */
export interface SessionSetup {
  readonly seed: number;
  readonly rng: Prng;
  readonly tenant: Tenant;
  readonly ops: ReadonlyMap<string, OpSpec>;
  readonly sessionIndex: number;
  readonly start: number;
  /** Window end (exclusive): traces at or after it are not produced. */
  readonly end: number;
  /** IAM and OBS operations, or `null`/absent for ModelArts traces only. */
  readonly context?: ContextOps | null;
}

const MAX_EVENTS = 400;

/**
 * Runs one session: a workflow calls {@link SessionBuilder.call} step by step while the clock
 * advances; each call becomes a trace (or none, when the window has ended or the revision lacks
 * the operation). Traces are sorted by time when the session is done.
 */
export class SessionBuilder {
  /** The timeline's seed (lineage facts derive from it). */
  readonly seed: number;
  readonly rng: Prng;
  readonly tenant: Tenant;
  readonly region: TenantRegion;
  /** Mints the session's resource ids (unique within the timeline). */
  readonly ids: IdMint;
  /** Session clock, epoch ms. */
  time: number;
  readonly events: GeneratedTrace[] = [];
  /** Label attached to the traces produced while it is set. */
  label: LabelTracker | null = null;
  private readonly ops: ReadonlyMap<string, OpSpec>;
  private readonly end: number;
  /** What the session's traces share (project, domain, region). */
  private readonly scope: TraceScope;
  /** `-cccc-nnnnnnnnnnnn` of the session's trace ids (unique per session). */
  private readonly uuidTail: string;
  /** Offset of the 100 ns ticks of the session's trace ids. */
  private readonly tickOffset: number;
  /** `user` renderings of the identities the session acted as. */
  private readonly users: {
    actor: Actor;
    mode: CallMode;
    accessKey: string | null;
    ip: string;
    user: UserRender;
  }[] = [];
  private actor: Actor;
  private callMode: CallMode = "console";
  private user: UserRender | null = null;
  private ip = "";
  private signedInAt: number;
  private accessKey: string | null = null;
  /** IAM sign-ins and OBS data accesses (see `../context/`), or `null` for ModelArts only. */
  private readonly context: SessionContext | null;

  constructor(setup: SessionSetup) {
    this.seed = setup.seed;
    this.rng = setup.rng;
    this.tenant = setup.tenant;
    this.ops = setup.ops;
    this.end = setup.end;
    this.time = setup.start;
    this.signedInAt = setup.start - 60_000 - this.rng.int(3_600_000);
    const regions = setup.tenant.regions;
    this.region = (
      regions.length > 1 && this.rng.chance(0.2) ? regions[1] : regions[0]
    ) as TenantRegion;
    this.scope = this.region.scope;
    this.uuidTail = sessionUuidTail(setup.sessionIndex);
    this.tickOffset = this.rng.int(10_000);
    this.ids = new IdMint(setup.seed, setup.sessionIndex, this.rng);
    this.actor = setup.tenant.root;
    this.context = setup.context == null ? null : new SessionContext(setup.context);
  }

  /** Whether more traces can still be produced (window not over, size caps not reached). */
  get open(): boolean {
    return this.time < this.end && this.events.length < MAX_EVENTS && !this.ids.nearlySpent;
  }

  /** Whether the revision has this operation. */
  has(traceName: string): boolean {
    return this.ops.has(traceName);
  }

  /**
   * Switches the acting identity, how it calls (console or API), and optionally IP and AK. An
   * identity the session already acted as keeps its address, key and rendering; a new one gets
   * an address from its networks (see `sourceIpOf`) and, without a permanent key, a temporary
   * key for this session (console sessions sign with one too). `failedSignIns`: when the
   * switch signs in (IAM context on), that many failed password attempts precede the `login`
   * instead of drawn ones (scenarios).
   */
  as(actor: Actor, mode: CallMode, ip?: string, accessKey?: string, failedSignIns?: number): void {
    this.actor = actor;
    this.callMode = mode;
    // A console sign-in at this moment issues the session's temporary credentials (an
    // identity the session already acted as at the console has signed in already).
    if (this.context?.signsIn(this) === true) this.signedInAt = this.time;
    for (const entry of this.users) {
      if (
        entry.actor === actor &&
        entry.mode === mode &&
        (accessKey === undefined || entry.accessKey === accessKey) &&
        (ip === undefined || entry.ip === ip)
      ) {
        this.ip = entry.ip;
        this.accessKey = entry.accessKey;
        this.user = entry.user;
        return;
      }
    }
    this.ip = ip ?? sourceIpOf(actor, this.time, this.tenant.utcOffsetMinutes, this.rng);
    // The permanent key current when the identity starts acting (see key-policy.ts).
    const own =
      mode === "api" && actor.keyPolicy !== null ? accessKeyAt(actor.keyPolicy, this.time) : null;
    this.accessKey =
      accessKey ?? own ?? (actor.kind === "worker" ? null : temporaryAccessKey(this.rng));
    // API calls signed with the identity's permanent key carry no session facts: one
    // rendering serves every session of that identity until its key rotates.
    const permanent =
      mode === "api" &&
      this.accessKey === own &&
      actor.kind !== "agency" &&
      actor.kind !== "federated";
    let user = permanent ? PERMANENT_API_USERS.get(actor) : undefined;
    if (user !== undefined && user.accessKeyId !== own) user = undefined;
    if (user === undefined) {
      user = renderUser(actor, mode, {
        domainId: this.tenant.domainId,
        domainJson: this.tenant.domainJson,
        createdAt: this.signedInAt,
        accessKeyId: this.accessKey,
      });
      if (permanent) PERMANENT_API_USERS.set(actor, user);
    }
    this.users.push({ actor, mode, accessKey: this.accessKey, ip: this.ip, user });
    this.user = user;
    this.context?.switched(this, failedSignIns);
  }

  /**
   * Records an IAM operation (a catalog context operation such as `changePassword`) of the
   * acting identity now; nothing when context traces are off.
   */
  iam(traceName: string): void {
    this.context?.iam(this, traceName);
  }

  /** Whether IAM and OBS context traces are on (off with `modelartsOnly`). */
  get hasContext(): boolean {
    return this.context !== null;
  }

  /** The acting identity. */
  get who(): Actor {
    return this.actor;
  }

  /** How the acting identity calls: console or API. */
  get mode(): CallMode {
    return this.callMode;
  }

  /** Advances the clock by a think time (people pause longer than scripts). */
  think(scale = 1): void {
    const median = this.callMode === "console" ? 25_000 : 1_500;
    this.time += Math.round(this.rng.logNormal(median, 0.8) * scale) + 200;
  }

  /** Advances the clock by `ms`. */
  wait(ms: number): void {
    this.time += Math.round(ms);
  }

  /** Reads the OBS object at `path` (a few objects when it ends in `/`): data traces, if tracked. */
  obsRead(path: string): void {
    this.obs("read", path);
  }

  /** Writes the OBS object at `path` (a few objects when it ends in `/`). */
  obsWrite(path: string): void {
    this.obs("write", path);
  }

  /** Deletes the OBS object at `path` (a few objects when it ends in `/`). */
  obsDelete(path: string): void {
    this.obs("delete", path);
  }

  private obs(access: ObsAccess, path: string): void {
    if (this.context !== null) this.time = this.context.access(this, access, path);
  }

  /** Time of the session's latest trace so far (the clock when it has none). */
  get lastTime(): number {
    let last = this.time;
    for (const event of this.events) if (event.time > last) last = event.time;
    return last;
  }

  /** Records an IAM or OBS trace (the context's hook; see `ContextHost.record`). */
  record(
    op: OpSpec,
    id: string,
    name: string,
    traceType: TraceSource,
    at: number,
    central: boolean,
  ): void {
    const res: Resource = { id, name, ep: "0", args: EMPTY };
    const scope = central ? (this.tenant.regions[0] as TenantRegion).scope : this.scope;
    this.emitOp(op, res, traceType, { at }, scope);
  }

  /** Calls an operation on a resource as the current identity; returns whether it succeeded. */
  call(traceName: string, res: Resource | null, options?: CallOptions): boolean {
    return this.emit(
      traceName,
      res,
      this.callMode === "console" ? "ConsoleAction" : "ApiCall",
      options,
    );
  }

  /** Records a system-triggered operation (no user, no source IP); returns success. */
  system(traceName: string, res: Resource | null, options?: CallOptions): boolean {
    return this.emit(traceName, res, "SystemAction", options);
  }

  /**
   * Creates a resource: emits the create call and returns the resource, or `null` when the
   * call failed (its trace then has an empty `resource_id`). `args` becomes the resource's
   * template values (`id` and `name` are set on it, not copied: pass a fresh object).
   */
  create(
    traceName: string,
    id: string,
    name: string,
    args: Record<string, string>,
    options?: CallOptions,
  ): Resource | null {
    const eps = this.tenant.enterpriseProjects;
    // Shared by every trace of the resource: flat strings are written in one piece.
    for (const key in args) flat(args[key] as string);
    args.id = flat(id);
    args.name = flat(name);
    const res: Resource = {
      id,
      name,
      ep: eps.length > 1 && this.rng.chance(0.3) ? this.rng.pick(eps) : "0",
      args,
    };
    return this.emit(
      traceName,
      res,
      this.callMode === "console" ? "ConsoleAction" : "ApiCall",
      options,
    )
      ? res
      : null;
  }

  private emit(
    traceName: string,
    res: Resource | null,
    traceType: TraceSource,
    options: CallOptions | undefined,
  ): boolean {
    const op = this.ops.get(traceName);
    if (op === undefined) return true;
    const ok = this.emitOp(op, res, traceType, options, this.scope);
    if (ok && this.context !== null && op.serviceType === "ModelArts") {
      this.context.called(this, traceName, res?.args, options?.args);
    }
    return ok;
  }

  private emitOp(
    op: OpSpec,
    res: Resource | null,
    traceType: TraceSource,
    options: CallOptions | undefined,
    scope: TraceScope,
  ): boolean {
    const rng = this.rng;
    const time = options?.at ?? this.time;
    const forced = options?.outcome;
    const failed =
      forced === undefined
        ? rng.chance(options?.failRate ?? op.failRate)
        : "bodyEscaped" in forced || forced.rating !== "normal";
    if (time >= this.end || this.events.length >= MAX_EVENTS) return !failed;
    const system = traceType === "SystemAction";
    const failure =
      forced === undefined
        ? failed
          ? pickFailure(rng, op.verb, op.traceName)
          : null
        : "bodyEscaped" in forced
          ? forced
          : null;
    const code = failure === null ? op.successCode : failure.code;
    const rating = forced?.rating ?? failure?.rating ?? ratingOf(code);
    this.events.push(
      new GeneratedTrace(
        op,
        scope,
        rating,
        traceType,
        // A failed create never got an id (a result trace reports on one that did).
        res === null || (failure !== null && op.verb === "create" && !system) ? "" : res.id,
        res === null ? "-" : res.name,
        time,
        // The trace id's time: a few ms after record_time (see GeneratedTrace.delay).
        4 + Math.round(rng.logNormal(10, 0.5)),
        system ? null : this.user,
        system ? "" : (options?.ip ?? this.ip),
        res === null ? EMPTY : res.args,
        options?.args,
        failure,
        code,
        system
          ? options?.withResponse === true
            ? WITH_RESPONSE
            : 0
          : WITH_REQUEST | WITH_RESPONSE,
        rng.u32() >>> 2,
        rng.u32() >>> 2,
        // The trace's sequence number in the session makes its id unique (see traceTicks).
        traceTicks(this.events.length, this.tickOffset),
        this.uuidTail,
        res === null ? "0" : res.ep,
        this.label,
      ),
    );
    if (this.label !== null) this.label.pending++;
    return !failed;
  }

  /** The session's traces in time order (stable for equal times). */
  finish(): GeneratedTrace[] {
    this.context?.ended(this);
    const events = this.events;
    // Insertion sort, in place: stable, and the traces come nearly in order (a few are placed
    // ahead of or behind the clock), so it moves few of them and allocates nothing.
    for (let i = 1; i < events.length; i++) {
      const event = events[i] as GeneratedTrace;
      const time = event.time;
      let j = i - 1;
      if ((events[j] as GeneratedTrace).time <= time) continue;
      do {
        events[j + 1] = events[j] as GeneratedTrace;
        j--;
      } while (j >= 0 && (events[j] as GeneratedTrace).time > time);
      events[j + 1] = event;
    }
    return events;
  }
}

const EMPTY: TemplateArgs = {};
/** `user` renderings of API calls signed with an identity's permanent access key. */
const PERMANENT_API_USERS = new WeakMap<Actor, UserRender>();
