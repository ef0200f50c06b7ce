/**
 * Markdown, rendered once per document while the model is built. The instance and the briefing
 * syntax (`[[actor-id]]` / `[[text|actor-id]]`, citations `[@article#p3, @other#p1]`) come from
 * `briefingMarkdown` in src/validate/briefing-syntax.ts, the grammar validation checked the body
 * with: `html: false`, so HTML in a brief is shown as text and never runs in a reader's browser,
 * and a link to anything but an http:, https: or mailto: address is shown as text. This module
 * adds how the briefing tokens are written as HTML.
 */
import type { Env, MarkdownIt } from "markdown-it";
import { escapeHtml } from "../text/escape.ts";
import { parseParagraphRef, type ActorId, type ParagraphRef } from "../validate/ids.ts";
import { briefingMarkdown, referencesIn, type BodyReference } from "../validate/briefing-syntax.ts";
import type { Citation, Html } from "./types.ts";
import type { MentionMatcher } from "./mention-matcher.ts";
import { bodyCitationAnchor } from "./urls.ts";

/** What the renderer needs to know about the rest of the site. */
export interface LinkResolver {
  /** The actor's display name and page address (with the path prefix), if it exists. */
  actor(id: ActorId): { readonly name: string; readonly href: string } | undefined;
  citation(ref: ParagraphRef): (Citation & { readonly href: string }) | undefined;
  /** A citation button's words for screen readers, in the site's language. */
  readonly showCitedText: string;
}

interface BriefEnv {
  readonly links: LinkResolver;
  /** Citation groups rendered so far in this body: the next one's place is `bodyCitationAnchor(n + 1)`. */
  citationGroups: number;
}

/**
 * The id of the popover showing a citation group's paragraphs: the same paragraphs, the same id,
 * so a page writes each group's popover once. Article ids are kebab-case, so `_` and `-pN` are unambiguous.
 */
export const citationGroupId = (cites: readonly Citation[]): string =>
  `cite-${cites.map((c) => `${c.ref.article}-p${c.ref.paragraph}`).join("_")}`;

/** `Coast Gazette`, or `Coast Gazette +2` when two other sources are cited with it: short enough to sit in a sentence. */
function citationGroupLabel(cites: readonly Citation[]): string {
  const sources = [...new Set(cites.map((c) => c.source))];
  return sources.length > 1 ? `${sources[0]} +${sources.length - 1}` : (sources[0] ?? "");
}

/**
 * One citation group as one control (labelled `shown`, its sources unless the context names them): a button opening the group's popover (written once per page,
 * by the layout) and, for browsers without popovers, a link to it (`:target`); the stylesheet
 * shows one of the two, so each group is one tab stop.
 */
export function citationTrigger(
  cites: readonly Citation[],
  shown: string | undefined,
  place: string | undefined,
  showCitedText: string,
): Html {
  const id = escapeHtml(citationGroupId(cites));
  const label = escapeHtml(shown ?? citationGroupLabel(cites));
  return `<span class="cites"${place ? ` id="${escapeHtml(place)}"` : ""} data-pagefind-ignore><button type="button" class="cite" popovertarget="${id}">${label}<span class="visually-hidden"> (${escapeHtml(showCitedText)})</span></button><a class="cite cite-link" href="#${id}">${label}</a></span>` as Html;
}

function briefMarkdown(): MarkdownIt {
  const md = briefingMarkdown("allowed");
  md.renderer.rules.briefbook_actor = (tokens, i, _opts, env) => {
    const { id, text } = tokens[i]!.meta as { id: ActorId; text?: string };
    const actor = (env as unknown as BriefEnv).links.actor(id);
    const shown = escapeHtml(text || actor?.name || id);
    return actor ? `<a class="actor" href="${escapeHtml(actor.href)}">${shown}</a>` : shown;
  };
  md.renderer.rules.briefbook_citation = (tokens, i, _opts, env) => {
    const { parts } = tokens[i]!.meta as { parts: string[] };
    const cites = parts.flatMap((p) => {
      const ref = parseParagraphRef(p);
      const cite = ref && (env as unknown as BriefEnv).links.citation(ref);
      return cite ? [cite] : [];
    });
    if (cites.length === 0) return "";
    // Each group in the body is a place an article's "Cited in" can link to (citingPlacePath).
    const place = bodyCitationAnchor(++(env as unknown as BriefEnv).citationGroups);
    return citationTrigger(cites, undefined, place, (env as unknown as BriefEnv).links.showCitedText);
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

/** A brief body as HTML, and the references in it (as validation read them), from one parse. */
export interface RenderedBody {
  readonly html: Html;
  readonly refs: readonly BodyReference[];
}

export interface MarkdownRenderer {
  /** A brief's Markdown body. */
  brief(body: string, links: LinkResolver): RenderedBody;
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
    brief(body, links) {
      // markdown-it adds the body's reference definitions to the env while parsing.
      const env: Env = { links, citationGroups: 0 } satisfies BriefEnv;
      const tokens = md.parse(body, env);
      const html = detached(md.renderer.render(tokens, md.options, env)) as Html;
      return { html, refs: referencesIn(tokens) };
    },
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
