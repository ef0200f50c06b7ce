/**
 * Stylesheets are published minified: the source keeps its comments (they say why a rule is there),
 * readers download only the rules. The comments alone were 1.4 KB of a brief page's 14 KB budget
 * gzipped (issue #13). Minified by lightningcss, as the stylesheet is copied into the site.
 */
import { Transform } from "node:stream";
import { transform } from "lightningcss";

/** `css` minified; the file name is only for lightningcss's messages. */
export const minifiedCss = (file: string, css: Buffer): Buffer =>
  Buffer.from(transform({ filename: file, code: css, minify: true }).code);

/**
 * For Eleventy's passthrough copy (recursive-copy's `transform` option): a stream minifying a
 * `.css` file whole, or undefined to copy any other file as it is.
 */
export function minifyingCopy(source: string): Transform | undefined {
  if (!source.endsWith(".css")) return undefined;
  const parts: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
    flush(done) {
      try {
        done(null, minifiedCss(source, Buffer.concat(parts)));
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
