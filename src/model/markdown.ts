/**
 * Markdown, rendered once per document while the model is built. Our own markdown-it instance:
 * `html: false`, so HTML in a brief is shown as text and never runs in a reader's browser
 * (Eleventy's default instance passes it through). Two inline rules add the briefing syntax:
 * `[[actor-id]]` / `[[text|actor-id]]` and citations `[@article#p3, @other#p1]`.
 */
import markdownIt, { type MarkdownIt, type StateInline } from "markdown-it";
import { parseParagraphRef, type ActorId, type ParagraphRef } from "../validate/ids.ts";
import { splitCitation } from "../validate/references.ts";
import type { Citation, Html } from "./types.ts";
import type { MentionMatcher } from "./mention-matcher.ts";

/** What the renderer needs to know about the rest of the site. */
export interface LinkResolver {
  /** The actor's display name and page address (with the path prefix), if it exists. */
  actor(id: ActorId): { readonly name: string; readonly href: string } | undefined;
  citation(ref: ParagraphRef): (Citation & { readonly href: string }) | undefined;
}

interface BriefEnv {
  readonly links: LinkResolver;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function actorLinkRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const end = src.indexOf("]]", pos + 2);
  if (end === -1) return false;
  const inner = src.slice(pos + 2, end);
  if (inner === "" || /[[\]\n]/.test(inner)) return false;
  if (!silent) {
    const bar = inner.lastIndexOf("|");
    const token = state.push("briefbook_actor", "a", 0);
    token.meta =
      bar === -1 ? { id: inner.trim() } : { id: inner.slice(bar + 1).trim(), text: inner.slice(0, bar).trim() };
  }
  state.pos = end + 2;
  return true;
}

function citationRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x40) return false;
  const end = src.indexOf("]", pos + 2);
  if (end === -1) return false;
  const inner = src.slice(pos + 1, end);
  if (inner.includes("\n") || inner.includes("[")) return false;
  if (!silent) state.push("briefbook_citation", "span", 0).meta = { parts: splitCitation(inner) };
  state.pos = end + 1;
  return true;
}

export function citationChips(cites: readonly (Citation & { readonly href: string })[]): Html {
  const chips = cites.map(
    (c) => `<a class="cite" href="${escapeHtml(c.href)}" title="${escapeHtml(c.title)}">${escapeHtml(c.label)}</a>`,
  );
  return `<span class="cites" data-pagefind-ignore>${chips.join("")}</span>` as Html;
}

function briefMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before("link", "briefbook_actor", actorLinkRule);
  md.inline.ruler.before("link", "briefbook_citation", citationRule);
  md.renderer.rules.briefbook_actor = (tokens, i, _opts, env) => {
    const { id, text } = tokens[i]!.meta as { id: ActorId; text?: string };
    const actor = (env as unknown as BriefEnv).links.actor(id);
    const shown = escapeHtml(text ?? actor?.name ?? id);
    return actor ? `<a class="actor" href="${escapeHtml(actor.href)}">${shown}</a>` : shown;
  };
  md.renderer.rules.briefbook_citation = (tokens, i, _opts, env) => {
    const { parts } = tokens[i]!.meta as { parts: string[] };
    const cites = parts.flatMap((p) => {
      const ref = parseParagraphRef(p);
      const cite = ref && (env as unknown as BriefEnv).links.citation(ref);
      return cite ? [cite] : [];
    });
    return citationChips(cites);
  };
  // The page title is the only <h1>: a brief's own headings start one level down.
  md.core.ruler.push("briefbook_shift_headings", (state) => {
    for (const t of state.tokens)
      if (t.type === "heading_open" || t.type === "heading_close")
        t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
    return true;
  });
  return md;
}

export interface MarkdownRenderer {
  /** A brief's Markdown body. */
  brief(body: string, links: LinkResolver): Html;
  /**
   * One paragraph of a source article, as plain text: a source is shown as written, so no
   * Markdown is interpreted. The first mention of each actor (tracked in `linked`) links to it.
   */
  articleParagraph(text: string, links: LinkResolver, linked: Set<ActorId>, mentioned: Set<ActorId>): Html;
}

/**
 * A flat copy of rendered HTML. Without it the model's HTML would be ropes of slices of the
 * source files and keep every file's whole text alive (~100 MB at 20,000 documents).
 */
const detached = (html: string): string => Buffer.from(html).toString();

export function markdownRenderer(matcher: MentionMatcher): MarkdownRenderer {
  const md = briefMarkdown();
  return {
    brief: (body, links) => detached(md.render(body, { links } satisfies BriefEnv)) as Html,
    articleParagraph(text, links, linked, mentioned) {
      const flat = text.replace(/\s*\n\s*/g, " ");
      let out = "";
      let from = 0;
      for (const m of matcher.find(flat)) {
        mentioned.add(m.actor);
        if (linked.has(m.actor)) continue;
        const actor = links.actor(m.actor);
        if (!actor) continue;
        linked.add(m.actor);
        out += `${escapeHtml(flat.slice(from, m.start))}<a class="actor" href="${escapeHtml(actor.href)}">${escapeHtml(flat.slice(m.start, m.end))}</a>`;
        from = m.end;
      }
      return detached(out + escapeHtml(flat.slice(from))) as Html;
    },
  };
}
