import { error } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { Paragraph } from "./paragraphs.ts";
import { checkActor, type Run } from "./reference-index.ts";
import type { ArticleData } from "./schema.ts";

/** Articles: the outlet is a known media outlet; the body (split into `paragraphs`) has text to cite. */
export function checkArticle(run: Run, file: SourceFile, data: ArticleData, paragraphs: readonly Paragraph[]): void {
  if (data.outlet !== undefined && checkActor(run, file, ["outlet"], data.outlet)) {
    const kind = run.actors.byId.get(data.outlet)!.data.kind;
    if (kind !== "media-outlet")
      run.diagnostics.push(
        error({
          ...run.at(file, ["outlet"]),
          message: `'${data.outlet}' is a ${kind}, not a media outlet`,
          hint: `name the outlet that published the article, or set 'kind: media-outlet' in actors/${data.outlet}.yaml`,
        }),
      );
  }
  if (paragraphs.length === 0)
    run.diagnostics.push(
      error({
        file: file.path,
        line: file.bodyLine,
        message: "the article has no text",
        hint: "paste the article's text below the front matter, one paragraph per block",
      }),
    );
}
