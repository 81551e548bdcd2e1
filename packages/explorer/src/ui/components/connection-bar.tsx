import { useState } from "preact/hooks";
import type { ExplorerProject } from "../../site/explorer-assets.js";
import { AUTH_CHOICES, type Connection } from "../api/connection.js";

/** The project picker and the credentials the page signs with; applied on submit. */
export function ConnectionBar(props: {
  readonly projects: readonly ExplorerProject[];
  readonly connection: Connection;
  readonly onConnect: (connection: Connection) => void;
}) {
  const [draft, setDraft] = useState(props.connection);
  const set = (patch: Partial<Connection>) => setDraft({ ...draft, ...patch });
  return (
    <form
      class="connection"
      aria-label="Connection"
      onSubmit={(event) => {
        event.preventDefault();
        props.onConnect(draft);
      }}
    >
      <label>
        Project
        <input
          name="project"
          list="projects"
          value={draft.projectId}
          onInput={(e) => set({ projectId: e.currentTarget.value.trim() })}
          size={34}
          required
        />
        <datalist id="projects">
          {props.projects.map((p) => (
            <option key={p.projectId} value={p.projectId}>
              {p.tenant} · {p.region}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Auth
        <select
          name="auth"
          value={draft.auth}
          onChange={(e) => set({ auth: e.currentTarget.value as Connection["auth"] })}
        >
          {AUTH_CHOICES.map((mode) => (
            <option key={mode} value={mode}>
              {mode}
            </option>
          ))}
        </select>
      </label>
      {draft.auth === "aksk" && (
        <>
          <label>
            AK
            <input
              name="ak"
              value={draft.ak}
              onInput={(e) => set({ ak: e.currentTarget.value.trim() })}
              autocomplete="off"
            />
          </label>
          <label>
            SK
            <input
              name="sk"
              type="password"
              value={draft.sk}
              onInput={(e) => set({ sk: e.currentTarget.value.trim() })}
              autocomplete="off"
            />
          </label>
        </>
      )}
      {draft.auth === "token" && (
        <label>
          Token
          <input
            name="token"
            type="password"
            value={draft.token}
            onInput={(e) => set({ token: e.currentTarget.value.trim() })}
          />
        </label>
      )}
      <button type="submit">Connect</button>
    </form>
  );
}
