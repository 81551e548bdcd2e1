import { EXPLORER_PATHS } from "./explorer-assets.js";

/** The page's HTML: a shell the script fills; nothing loaded from another origin. */
export function explorerHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ctsim trace explorer</title>
<link rel="stylesheet" href="${EXPLORER_PATHS.style}">
</head>
<body>
<noscript>The trace explorer needs JavaScript; the CTS API is at /v3/{project_id}/traces.</noscript>
<div id="app"></div>
<script type="module" src="${EXPLORER_PATHS.script}"></script>
</body>
</html>
`;
}
