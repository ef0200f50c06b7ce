/**
 * Live reload for the preview: every HTML page the preview serves carries a small script that
 * listens to a server-sent event stream. The page names itself and a hash of the HTML it was
 * given; after each rebuild the server compares that hash with the page as it would serve it now
 * and tells only the pages that changed to reload. Problems in the content are shown in the page
 * until they are fixed. Production pages never carry this script: the preview adds it on the way out.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml } from "../text/escape.ts";

/** Where the event stream lives, under the path prefix. */
export const EVENTS_PATH = "__briefbook/events";

/** A short hash of a page's HTML: what a browser's copy is compared with. */
export const versionOf = (html: string): string => createHash("sha1").update(html).digest("hex").slice(0, 16);

// Plain JavaScript for the browser. A classic script, so that it can read its own data attributes.
const CLIENT = `(() => {
  const events = new EventSource(document.currentScript.dataset.events);
  let box;
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("problems", (e) => {
    box ??= document.body.appendChild(document.createElement("pre"));
    box.id = "briefbook-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
      "background:#fff4f4;color:#5c0000;border-top:4px solid #c00;font:13px/1.45 ui-monospace,monospace;" +
      "white-space:pre-wrap;z-index:2147483647";
    box.textContent = "The content has errors; this is the last good version.\\n\\n" + JSON.parse(e.data);
  });
  events.addEventListener("fixed", () => { box?.remove(); box = undefined; });
})();`;

/** `html` with the live-reload script added before `</body>`, for the page at `path`. */
export function withLiveReload(html: string, pathPrefix: string, path: string): string {
  const events = `${pathPrefix}${EVENTS_PATH}?page=${encodeURIComponent(path)}&v=${versionOf(html)}`;
  const script = `<script data-events="${escapeHtml(events)}">${CLIENT}</script>\n`;
  const end = html.lastIndexOf("</body>");
  return end === -1 ? html + script : html.slice(0, end) + script + html.slice(end);
}

interface Client {
  readonly res: ServerResponse;
  /** The site path the page was served for. */
  readonly path: string;
  /** `versionOf` the HTML it was served. */
  readonly version: string;
}

/** The open pages, each with the version of the HTML it shows. */
export class LiveReload {
  readonly #clients = new Set<Client>();

  /** Opens an event stream for the page that asked (`?page=…&v=…`). */
  connect(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Client {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    // Reconnect quickly when the preview restarts.
    res.write("retry: 500\n\n");
    const client = { res, path: query.get("page") ?? "/", version: query.get("v") ?? "" };
    this.#clients.add(client);
    req.on("close", () => this.#clients.delete(client));
    return client;
  }

  get clients(): ReadonlySet<Client> {
    return this.#clients;
  }

  send(client: Client, event: "reload" | "problems" | "fixed", data = ""): void {
    client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    for (const c of this.#clients) c.res.end();
    this.#clients.clear();
  }
}
