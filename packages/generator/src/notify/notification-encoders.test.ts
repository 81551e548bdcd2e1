import type { ApiTrace } from "@ctsim/catalog";
import { toObsTrace } from "@ctsim/catalog";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { encodeApiTraceJson } from "../encode/encode-api-trace-json.js";
import { generateTraces } from "../timeline/generate-traces.js";
import { encodeFunctionGraphEvent } from "./function-graph-event.js";
import { notificationMessageId } from "./message-id.js";
import { notifiedTrace } from "./notified-trace.js";
import { encodeSmnNotification, smnStringToSign } from "./smn-notification.js";

const NOW = Date.UTC(2025, 5, 2);
const TOPIC = "urn:smn:cn-north-4:5b4a39281706f5e4d3c2b1a0f9e8d7c6:audit";

function traces(seed: number, count: number): ApiTrace[] {
  const options = { seed, count, now: NOW, from: NOW - 86_400_000, to: NOW };
  return [...generateTraces(options)].map((e) => JSON.parse(encodeApiTraceJson(e)) as ApiTrace);
}

// The keys of Huawei's CTS example event for a FunctionGraph CTS trigger, in their order
// (FunctionGraph user guide, "Using a CTS Trigger").
const FUNCTION_GRAPH_EXAMPLE_KEYS = [
  "time",
  "user",
  "request",
  "response",
  "code",
  "service_type",
  "resource_type",
  "resource_name",
  "resource_id",
  "trace_name",
  "trace_type",
  "record_time",
  "trace_id",
  "trace_status",
];

// The fields of SMN's HTTP(S) notification message (SMN user guide, "HTTP(S) Message Format").
const SMN_NOTIFICATION_FIELDS = [
  "signature",
  "subject",
  "topic_urn",
  "message_id",
  "signature_version",
  "type",
  "message",
  "unsubscribe_url",
  "signing_cert_url",
  "timestamp",
];

describe("encodeFunctionGraphEvent", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 10 })(
    "has the example event's keys and types, and carries the trace's facts",
    (seed) => {
      for (const trace of traces(seed, 60)) {
        const event = JSON.parse(JSON.stringify(encodeFunctionGraphEvent(trace))) as {
          cts: Record<string, unknown>;
        };
        expect(Object.keys(event)).toEqual(["cts"]);
        expect(Object.keys(event.cts)).toEqual(FUNCTION_GRAPH_EXAMPLE_KEYS);
        const cts = event.cts;
        expect(Number.isInteger(cts.time) && Number.isInteger(cts.record_time)).toBe(true);
        expect(cts.code).toBe(Number(trace.code));
        expect(typeof cts.request).toBe("object");
        expect(typeof cts.response).toBe("object");
        expect(cts.request).toEqual(trace.request ? JSON.parse(trace.request) : {});
        expect(cts.trace_status).toBe(trace.trace_rating);
        expect(cts.trace_id).toBe(trace.trace_id);
        expect(cts.user).toEqual(trace.user ?? null);
      }
    },
  );

  it("reads back to the trace's own fields through notifiedTrace", () => {
    const [trace] = traces(7, 1);
    if (trace === undefined) throw new Error("no trace");
    const back = notifiedTrace(encodeFunctionGraphEvent(trace).cts);
    expect(back.trace_id).toBe(trace.trace_id);
    expect(back.trace_rating).toBe(trace.trace_rating);
    expect(back.code).toBe(trace.code);
  });
});

describe("encodeSmnNotification", () => {
  const sign = (text: string): string => Buffer.from(`signed:${text}`).toString("base64");

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.uuid()], { numRuns: 10 })(
    "has SMN's notification fields, carries the trace as JSON and signs SMN's string to sign",
    (seed, notificationId) => {
      for (const trace of traces(seed, 40)) {
        const message = encodeSmnNotification(trace, { notificationId, topicUrn: TOPIC, sign });
        expect(Object.keys(message)).toEqual(SMN_NOTIFICATION_FIELDS);
        expect(message.type).toBe("Notification");
        expect(message.signature_version).toBe("v1");
        expect(message.topic_urn).toBe(TOPIC);
        expect(message.message_id).toMatch(/^[0-9a-f]{32}$/);
        expect(message.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(Date.parse(message.timestamp)).toBe(Math.floor(trace.record_time / 1000) * 1000);
        expect(JSON.parse(message.message)).toEqual(trace);
        const signed = Buffer.from(message.signature, "base64").toString().slice("signed:".length);
        expect(signed).toBe(smnStringToSign(message));
        expect(message.signing_cert_url).toMatch(/^https:\/\/smn\.cn-north-4\./);
      }
    },
  );

  it("builds the string to sign as SMN documents it: sorted names, each value on the next line", () => {
    const text = smnStringToSign({
      message: "My test message",
      message_id: "88c726942175432bac921eafd0036163",
      subject: "demo",
      timestamp: "2016-08-15T07:29:16Z",
      topic_urn: "urn:smn:regionId:74dc9e44d0cc4573adfce91cdfdd3ba9:xxxx",
      type: "Notification",
    });
    expect(text).toBe(
      "message\nMy test message\nmessage_id\n88c726942175432bac921eafd0036163\nsubject\ndemo\n" +
        "timestamp\n2016-08-15T07:29:16Z\ntopic_urn\nurn:smn:regionId:74dc9e44d0cc4573adfce91cdfdd3ba9:xxxx\ntype\nNotification\n",
    );
    const withoutSubject = smnStringToSign({
      message: "m",
      message_id: "i",
      subject: "",
      timestamp: "t",
      topic_urn: "u",
      type: "Notification",
    });
    expect(withoutSubject).not.toContain("subject");
  });

  it("is the same message for the same trace and notification, and another for another notification", () => {
    const [trace] = traces(3, 1);
    if (trace === undefined) throw new Error("no trace");
    const a = encodeSmnNotification(trace, { notificationId: "n1", topicUrn: TOPIC, sign });
    const b = encodeSmnNotification(trace, { notificationId: "n1", topicUrn: TOPIC, sign });
    const c = encodeSmnNotification(trace, { notificationId: "n2", topicUrn: TOPIC, sign });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.message_id).not.toBe(a.message_id);
  });

  it("reads an OBS-shape record the same as its API shape", () => {
    const [trace] = traces(5, 1);
    if (trace === undefined) throw new Error("no trace");
    const obs = toObsTrace(trace, { projectId: "p1" });
    expect(notifiedTrace(obs as unknown as Record<string, unknown>)).toEqual(trace);
  });
});

describe("notificationMessageId", () => {
  test.prop([fc.string(), fc.string(), fc.string(), fc.string()])(
    "is 32 hex digits and differs when the pair differs",
    (n1, t1, n2, t2) => {
      const a = notificationMessageId(n1, t1);
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      if (n1 !== n2 || t1 !== t2) expect(notificationMessageId(n2, t2)).not.toBe(a);
    },
  );
});
