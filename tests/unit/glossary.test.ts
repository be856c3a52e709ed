/**
 * References and glossary (src/references.ts, src/glossary.ts) and how texts link to them (src/linkText.ts):
 * citations become links to the paper, the first use of a term a link to its entry, and every text the app
 * links — stories, glossary definitions, the theorem card and panel notes — cites only works it knows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, TERM_IDS, type TermId } from '../../src/glossary';
import { linkText, type TextPiece } from '../../src/linkText';
import { REFERENCE_IDS, REFERENCES, type Reference } from '../../src/references';
import { STORIES } from '../../src/stories';

const cites = (pieces: TextPiece[]) => pieces.flatMap((p) => (p.kind === 'cite' ? [p.ref] : []));
const terms = (pieces: TextPiece[]) => pieces.flatMap((p) => (p.kind === 'term' ? [p.term] : []));
/** Author–year citations as texts write them: "Name et al. 2020", "Name & Name 2021", "Name et al. (2014)". */
const CITATION_LIKE = /[A-Z][\p{L}-]+(?: et al\.| & [A-Z][\p{L}-]+),? \(?\d{4}\)?/gu;

describe('references', () => {
  it.each(REFERENCE_IDS)('%s: a complete entry with an https link', (id) => {
    const r: Reference = REFERENCES[id];
    for (const field of [r.authors, r.title, r.venue]) expect(field.length).toBeGreaterThan(3);
    expect(r.url).toMatch(/^https:\/\/(arxiv\.org\/abs\/\d{4}\.\d{4,5}|jmlr\.org\/)/);
    if (r.proceedings) expect(r.proceedings).toMatch(/^https:\/\//);
    expect(r.cite.endsWith(` ${r.year}`)).toBe(true);
    expect(r.venue).toContain(String(r.year));
  });

  it('holds the works issue 14 asks for, with their arXiv numbers', () => {
    const arxiv = Object.fromEntries(
      REFERENCE_IDS.map((id) => [REFERENCES[id].cite, REFERENCES[id].url.split('/').pop()]),
    );
    expect(arxiv).toMatchObject({
      'Geifman et al. 2020': '2007.01580',
      'Bietti & Mairal 2019': '1905.12173',
      'Bietti & Bach 2021': '2009.14397',
      'Chen & Xu 2021': '2009.10683',
      'Jacot et al. 2018': '1806.07572',
      'Arora et al. 2019': '1904.11955',
      'Arora et al. 2020': '1910.01663',
      'Huang et al. 2021': '2004.05867',
      'Zandieh et al. 2021': '2106.07880',
      'Alemohammad et al. 2021': '2006.10246',
    });
  });
});

describe('linking a text', () => {
  it('links every citation, in either form, to its work', () => {
    const pieces = linkText('As Geifman et al. 2020 show (and Chen & Xu 2021; cf. Arora et al. (2020)).');
    expect(cites(pieces)).toEqual(['geifman2020', 'chen2021', 'arora2020']);
    expect(pieces.map((p) => p.text).join('')).toBe(
      'As Geifman et al. 2020 show (and Chen & Xu 2021; cf. Arora et al. (2020)).',
    );
  });

  it('does not take a citation of another year for the work', () => {
    expect(cites(linkText('Arora et al. 2021 and Bietti & Bach 2019'))).toEqual([]);
  });

  it('links the first use of a term only, and not inside a citation', () => {
    const pieces = linkText('The RKHS of the NTK: an RKHS is a space (Geifman et al. 2020). NTK again.');
    expect(terms(pieces)).toEqual(['rkhs', 'ntk']);
    const rkhs = pieces.findIndex((p) => p.kind === 'term' && p.term === 'rkhs');
    expect(
      pieces
        .slice(0, rkhs)
        .map((p) => p.text)
        .join(''),
    ).toBe('The ');
  });

  it('does not link again what a passage linked before', () => {
    const seen = new Set<TermId>();
    expect(terms(linkText('the accuracy floor', seen))).toEqual(['floor']);
    expect(terms(linkText('the accuracy floor again', seen))).toEqual([]);
  });
});

describe('glossary', () => {
  it('has the terms issue 14 names, each recognized by its own heading', () => {
    for (const id of ['rkhs', 'mercer', 'funkhecke', 'multiplicity', 'floor', 'homogeneous', 'lazy'] as const)
      expect(TERM_IDS).toContain(id);
    for (const id of TERM_IDS) {
      const { term, uses } = GLOSSARY[id];
      expect(
        uses.some((u) => u.test(term)),
        `${id}: “${term}”`,
      ).toBe(true);
    }
  });

  it.each(TERM_IDS)('%s: its definition cites only known works', (id) => {
    const { definition } = GLOSSARY[id];
    const known = cites(linkText(definition)).length;
    expect(definition.match(CITATION_LIKE)?.length ?? 0).toBe(known);
  });
});

describe('stories cite and link', () => {
  const steps = STORIES.flatMap((story) => story.steps.map((step, i) => ({ id: `${story.id}${i + 1}`, story, step })));

  it('every story cites at least one work', () => {
    for (const story of STORIES) {
      const works = story.steps.flatMap((step) => cites(linkText(step.text)));
      expect(works.length, `story ${story.id}`).toBeGreaterThan(0);
    }
  });

  it.each(steps.map(({ id, step }) => [id, step.text]))('%s: every citation is of a known work', (_, text) => {
    expect(text.match(CITATION_LIKE)?.length ?? 0).toBe(cites(linkText(text)).length);
  });

  it.each(steps.map(({ id, step }) => [id, step.text]))(
    '%s: the first use of every glossary term is a link',
    (_, text) => {
      const pieces = linkText(text);
      for (const id of TERM_IDS) {
        const first = Math.min(...GLOSSARY[id].uses.map((u) => text.search(u)).filter((i) => i >= 0));
        if (!Number.isFinite(first)) continue;
        // the text before the term's link holds no use of it outside citations and other links
        const at = pieces.findIndex((p) => p.kind === 'term' && p.term === id);
        expect(at, `${id} is used in “${text}”`).toBeGreaterThanOrEqual(0);
        const before = pieces
          .slice(0, at)
          .filter((p) => p.kind === 'text')
          .map((p) => p.text)
          .join(' ');
        expect(
          GLOSSARY[id].uses.some((u) => u.test(before)),
          `${id} used before its link`,
        ).toBe(false);
      }
    },
  );
});

describe('cards and notes cite known works', () => {
  // the texts the app links (src/ui/help/LinkedText.tsx): the theorem card and every panel note
  const files = [
    'src/ui/panels/spectrum/TheoremCard.tsx',
    'src/ui/panels/spectrum/SpectrumPanel.tsx',
    'src/ui/panels/profile/ProfilePanel.tsx',
    'src/ui/panels/samples/SamplesPanel.tsx',
    'src/ui/panels/regression/RegressionPanel.tsx',
    'src/ui/panels/learning/LearningPanel.tsx',
    'src/ui/panels/realdata/RealdataPanel.tsx',
  ];
  it.each(files)('%s', (file) => {
    // JSX text as rendered: lines joined by one space, &amp; as &
    const source = readFileSync(file, 'utf8')
      .replace(/\s*\n\s*/g, ' ')
      .replaceAll('&amp;', '&');
    const body = source.replace(/\/\*\*.*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    for (const citation of body.match(CITATION_LIKE) ?? [])
      expect(cites(linkText(citation)), `${file}: “${citation}”`).toHaveLength(1);
  });
});
