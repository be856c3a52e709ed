/**
 * The link a figure carries (links.md §2): its JSON `link` is always the canonical query string; the CSV's
 * first line and the SVG show the same query, or, given a base URL (the app's page, the CLI's `--base`),
 * the absolute link of the view, which opens it from a printed page or a file.
 */
export interface FigureLinks {
  /** the canonical link as a query string starting with `?` */
  query: string;
  /** what the CSV and the SVG show: the query, or the base URL with the query */
  shown: string;
}

/** The base URL's problem, or null: it must be an absolute http(s) URL. */
export function baseProblem(base: string): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return `--base needs an absolute http(s) URL such as https://example.org/ntk/, not ${JSON.stringify(base)}`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : `--base needs an http or https URL, not ${JSON.stringify(base)}`;
}

/** The links of a figure; a base's own query and fragment are replaced by the view's query. */
export function figureLinks(query: string, base?: string): FigureLinks {
  if (base === undefined) return { query, shown: query };
  const url = new URL(base);
  return { query, shown: `${url.origin}${url.pathname}${query}` };
}
