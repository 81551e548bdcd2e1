import type { TemplateArgs } from "../internal/json-template.js";
import type { Actor } from "../tenant/actor.js";
import type { ContextHost } from "./context-host.js";
import type { ContextOps } from "./context-ops.js";
import { signIn, signOut } from "./iam-session.js";
import { derivedAccesses, type ObsAccess, objectAccesses } from "./obs-data-events.js";

/**
 * One session's IAM and OBS context: who has signed in to the console so far (each identity
 * once per session), and the hooks the session calls. Lives as long as the session: nothing
 * is kept across sessions.
 */
export class SessionContext {
  private readonly signedIn: Actor[] = [];

  constructor(private readonly ops: ContextOps) {}

  /** Whether {@link switched} will sign the acting identity in (console work by a new one). */
  signsIn(host: ContextHost): boolean {
    return host.mode === "console" && !this.signedIn.includes(host.who);
  }

  /**
   * After the session switched identity: sign in when console work by a new identity begins
   * (`failures`: failed password attempts first, instead of drawn ones).
   */
  switched(host: ContextHost, failures?: number): void {
    if (!this.signsIn(host)) return;
    this.signedIn.push(host.who);
    signIn(host, this.ops, failures);
  }

  /** After a successful ModelArts operation: the object accesses it causes. */
  called(
    host: ContextHost,
    traceName: string,
    args: TemplateArgs | undefined,
    extra: TemplateArgs | undefined,
  ): void {
    derivedAccesses(host, this.ops, traceName, args, extra);
  }

  /** An object access of the workflow itself; returns the time after it. */
  access(host: ContextHost, access: ObsAccess, path: string): number {
    const traceType = host.mode === "console" ? "ObsAPI" : "ObsSDK";
    return objectAccesses(host, this.ops, access, path, host.time, traceType);
  }

  /** An IAM operation of the acting identity now, at the console (e.g. `changePassword`). */
  iam(host: ContextHost, traceName: string): void {
    host.record(
      this.ops.op(traceName),
      host.who.id,
      host.who.name,
      "ConsoleAction",
      host.time,
      true,
    );
  }

  /** When the session is done: a logout for some console sessions. */
  ended(host: ContextHost): void {
    if (host.mode === "console" && this.signedIn.includes(host.who)) signOut(host, this.ops);
  }
}
