/* @refresh reload */
import { render } from "solid-js/web";
import { registerServiceWorker } from "./pwa/register-sw.ts";
import { App } from "./shell/index.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
render(() => <App />, root);
registerServiceWorker();
