import type { ResourceTag, Tracker } from "@ctsim/catalog";
import type { Defect } from "./defects.js";
import { errorReply, type Reply } from "./reference-traces.js";

type TagBody = { tags?: { key?: unknown; value?: unknown }[] };
type FilterBody = { tags?: { key: string; values: string[] }[] };

/** Tags of trackers (`cts-tracker`), per reference §1.6: enough for the tag model property. */
export class ReferenceTags {
  private readonly tags = new Map<string, ResourceTag[]>();

  constructor(
    private readonly trackers: () => readonly Tracker[],
    private readonly defects: ReadonlySet<Defect>,
  ) {}

  create(trackerId: string, body: TagBody): Reply {
    if (!this.exists(trackerId)) return unknownTracker();
    const own = this.tags.get(trackerId) ?? [];
    for (const { key, value } of body.tags ?? []) {
      if (typeof key !== "string" || typeof value !== "string") return badBody();
      const at = own.findIndex((tag) => tag.key === key);
      if (at === -1) own.push({ key, value });
      else own[at] = { key, value };
    }
    this.tags.set(trackerId, own);
    return { status: 200 };
  }

  remove(trackerId: string, body: TagBody): Reply {
    if (!this.exists(trackerId)) return unknownTracker();
    const ignoreValue = this.defects.has("tag-delete-ignores-value");
    const kept = (this.tags.get(trackerId) ?? []).filter(
      (tag) =>
        !(body.tags ?? []).some(
          (gone) =>
            gone.key === tag.key &&
            (gone.value === undefined || ignoreValue || gone.value === tag.value),
        ),
    );
    this.tags.set(trackerId, kept);
    return { status: 204 };
  }

  list(trackerId: string): Reply {
    if (!this.exists(trackerId)) return unknownTracker();
    return { status: 200, body: { tags: this.tags.get(trackerId) ?? [] } };
  }

  projectKeys(): Reply {
    const values = new Map<string, Set<string>>();
    for (const own of this.tags.values()) {
      for (const tag of own) values.set(tag.key, (values.get(tag.key) ?? new Set()).add(tag.value));
    }
    return {
      status: 200,
      body: { tags: [...values].map(([key, seen]) => ({ key, values: [...seen] })) },
    };
  }

  filter(body: FilterBody): Reply {
    const resources = this.trackers()
      .filter((tracker) => {
        const own = this.tags.get(tracker.id) ?? [];
        return (body.tags ?? []).every((wanted) =>
          own.some(
            (tag) =>
              tag.key === wanted.key &&
              (wanted.values.length === 0 || wanted.values.includes(tag.value)),
          ),
        );
      })
      .map((tracker) => ({
        resource_id: tracker.id,
        resource_name: tracker.tracker_name,
        resource_detail: "",
        tags: this.tags.get(tracker.id) ?? [],
      }));
    return { status: 200, body: { resources, total_count: resources.length } };
  }

  private exists(trackerId: string): boolean {
    return this.trackers().some((tracker) => tracker.id === trackerId);
  }
}

function unknownTracker(): Reply {
  return errorReply(404, "CTS.0214", "The tracker does not exist.");
}

function badBody(): Reply {
  return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
}
