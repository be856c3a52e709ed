/**
 * Plain text → pieces to render (README "References and glossary"): every citation of a work in
 * src/references.ts ("Geifman et al. 2020" or "Geifman et al. (2020)") becomes a link to the paper, and the
 * first use of every glossary term (src/glossary.ts) becomes a link to its entry. The texts themselves stay
 * plain, so they read (and are tested) as written.
 */
import { GLOSSARY, TERM_IDS, type TermId } from './glossary';
import { REFERENCE_IDS, REFERENCES, type ReferenceId } from './references';

export type TextPiece =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; text: string; ref: ReferenceId }
  | { kind: 'term'; text: string; term: TermId };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Geifman et al. 2020" also as "Geifman et al., 2020" and "Geifman et al. (2020)". */
const CITATIONS: readonly { ref: ReferenceId; pattern: RegExp }[] = REFERENCE_IDS.map((ref) => {
  const { cite, year } = REFERENCES[ref];
  const names = escapeRegExp(cite.slice(0, cite.lastIndexOf(' ')));
  return { ref, pattern: new RegExp(`${names},? (?:${year}|\\(${year}\\))`, 'g') };
});

interface Match {
  start: number;
  end: number;
  piece: Exclude<TextPiece, { kind: 'text' }>;
}

function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...text.matchAll(global)];
}

/**
 * The pieces of `text`. `seen`: terms already linked earlier in the same passage (not linked again); the
 * terms linked here are added to it.
 */
export function linkText(text: string, seen: Set<TermId> = new Set()): TextPiece[] {
  const taken: Match[] = [];
  const overlaps = (start: number, end: number) => taken.some((m) => start < m.end && m.start < end);
  for (const { ref, pattern } of CITATIONS) {
    for (const m of allMatches(text, pattern)) {
      const end = m.index + m[0].length;
      if (!overlaps(m.index, end)) taken.push({ start: m.index, end, piece: { kind: 'cite', text: m[0], ref } });
    }
  }
  // each term at its first use that does not fall inside a citation or an earlier term
  for (const term of TERM_IDS) {
    if (seen.has(term)) continue;
    const candidates = GLOSSARY[term].uses
      .flatMap((use) => allMatches(text, use))
      .sort((a, b) => a.index - b.index || b[0].length - a[0].length);
    const first = candidates.find((m) => !overlaps(m.index, m.index + m[0].length));
    if (!first) continue;
    taken.push({
      start: first.index,
      end: first.index + first[0].length,
      piece: { kind: 'term', text: first[0], term },
    });
    seen.add(term);
  }
  taken.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of taken) {
    if (m.start > at) pieces.push({ kind: 'text', text: text.slice(at, m.start) });
    pieces.push(m.piece);
    at = m.end;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}
