/**
 * The minimal Hugo site the baseline builds (config and layouts), kept as strings so the
 * converter writes the whole site; Go templates are not HTML, so they do not live as .html files
 * in the repository (formatters would try to parse them).
 */

/** The same documents as Briefbook publishes (briefs, articles, actor and topic pages, paginated lists), without feeds or sitemaps. */
export const HUGO_CONFIG = `baseURL = "https://bench.example/"
languageCode = "en"
title = "Briefbook bench (Hugo)"
paginate = 50
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

[taxonomies]
  actor = "actors"
  topic = "topics"
`;

export const SINGLE_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<header><a href="/">{{ site.Title }}</a> <a href="/briefs/">Briefs</a> <a href="/articles/">Articles</a> <a href="/actors/">Actors</a> <a href="/topics/">Topics</a></header>
<main>
<article>
<h1>{{ .Title }}</h1>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
<p><time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.outlet }} · {{ . }}{{ end }}{{ with .Params.byline }} · {{ . }}{{ end }}</p>
{{ with .Params.key_points }}<h2>Key points</h2><ul>{{ range . }}<li>{{ .text }}{{ range .cites }} <a href="/articles/{{ index (split . "#") 0 }}/#{{ index (split . "#") 1 }}">[{{ . }}]</a>{{ end }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.quotes }}<h2>Quotes</h2>{{ range . }}<blockquote><p>{{ .text }}</p><footer><a href="/actors/{{ .actor }}/">{{ .actor }}</a> · {{ .cite }}</footer></blockquote>{{ end }}{{ end }}
{{ .Content }}
{{ with .Params.events }}<h2>Timeline</h2><ol>{{ range . }}<li>{{ .date }}: {{ .what }}</li>{{ end }}</ol>{{ end }}
{{ with .Params.roles }}<h2>Actors</h2><ul>{{ range . }}<li><a href="/actors/{{ .id }}/">{{ .id }}</a>: {{ .role }}{{ with .stance }} — {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "topics" }}<h2>Topics</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>
</main>
</body>
</html>
`;

export const LIST_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<header><a href="/">{{ site.Title }}</a> <a href="/briefs/">Briefs</a> <a href="/articles/">Articles</a> <a href="/actors/">Actors</a> <a href="/topics/">Topics</a></header>
<main>
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Description }} — {{ . }}{{ end }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
</main>
</body>
</html>
`;
