import { render } from "preact";
import { App } from "./app.js";
import "./explorer.css";

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
