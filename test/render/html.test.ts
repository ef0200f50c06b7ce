/** The `html` tag is the layouts' only way to write markup: text must never become markup. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { html, raw, SafeHtml } from "../../src/render/html.ts";
import { escapeHtml } from "../../src/text/escape.ts";
import type { Html } from "../../src/model/types.ts";

describe("html tag", () => {
  test("escapes interpolated strings: < > & and both quotes", () => {
    const evil = `<script>alert("x" & 'y')</script>`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    assert.equal(
      out,
      '<p title="&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</p>',
    );
  });

  test("an attribute value cannot be broken out of", () => {
    const out = html`<a href="${'" onmouseover="alert(1)'}">x</a>`.value;
    assert.doesNotMatch(out, /" onmouseover=/);
    assert.equal((out.match(/"/g) ?? []).length, 2);
  });

  test("already-escaped text is escaped again (no double-decoding shortcuts)", () => {
    assert.equal(html`${"&amp;"}`.value, "&amp;amp;");
  });

  test("nested html results and raw() pass through unescaped", () => {
    const inner = html`<em>${"a<b"}</em>`;
    assert.equal(html`<p>${inner}</p>`.value, "<p><em>a&lt;b</em></p>");
    assert.equal(html`<div>${raw("<b>model</b>" as Html)}</div>`.value, "<div><b>model</b></div>");
  });

  test("SafeHtml cannot be made outside the render module: text must go through html or raw()", () => {
    // @ts-expect-error -- the constructor takes the module's private token, so this does not compile
    const forged = () => new SafeHtml("<script>alert(1)</script>");
    // And a cast around the type check fails when it runs, rather than publishing the script.
    assert.throws(forged, /SafeHtml/);
    assert.throws(() => Reflect.construct(SafeHtml, [Symbol("token"), "<script>"]), /SafeHtml/);
    assert.ok(html`<i>x</i>` instanceof SafeHtml);
  });

  test("an object that merely looks like SafeHtml is escaped as text", () => {
    const lookalike = { value: "<script>", toString: () => "<script>" };
    assert.equal(html`${lookalike as unknown as SafeHtml}`.value, "&lt;script&gt;");
  });

  test("arrays are flattened, nested arrays too, each item escaped or passed through on its own", () => {
    const out = html`<ul>${["<a>", html`<li>ok</li>`, [html`<li>deep</li>`, "&"]]}</ul>`.value;
    assert.equal(out, "<ul>&lt;a&gt;<li>ok</li><li>deep</li>&amp;</ul>");
  });

  test("null, undefined, false and true render as nothing; numbers and 0 render", () => {
    assert.equal(html`[${null}|${undefined}|${false}|${true}]`.value, "[|||]");
    assert.equal(html`${0} ${42} ${-1.5}`.value, "0 42 -1.5");
  });

  test("a conditional fragment renders only when its condition holds", () => {
    const show = (on: boolean) => html`<p>${on && html`<b>yes</b>`}</p>`.value;
    assert.equal(show(true), "<p><b>yes</b></p>");
    assert.equal(show(false), "<p></p>");
  });

  test("SafeHtml stringifies to its markup", () => {
    assert.equal(`${html`<i>${"&"}</i>`}`, "<i>&amp;</i>");
  });

  test("escapeHtml leaves plain text alone", () => {
    assert.equal(escapeHtml("Nicolás Maduro ¶3 — “quoted”"), "Nicolás Maduro ¶3 — “quoted”");
  });
});
