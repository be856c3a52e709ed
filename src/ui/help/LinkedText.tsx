/**
 * Text with its citations linked to the papers and the first use of each glossary term linked to its entry
 * (src/linkText.ts). `LinkedText` renders one string; `Linked` renders mixed children (strings and elements,
 * as JSX gives them), linking terms once across all of its strings.
 */
import { Children, type ComponentProps, cloneElement, Fragment, isValidElement, type ReactNode } from 'react';
import { GLOSSARY, type TermId, termAnchor } from '../../glossary';
import { unicodeMath } from '../../figure/unicode';
import { linkText, type TextPiece } from '../../linkText';
import { REFERENCES, type ReferenceId, referenceText } from '../../references';
import { useHelp } from './helpStore';

/** A piece of prose; its formulas (λ_k, k^−d, S^(d−1)) written with Unicode scripts (issue 14, item 4). */
function Piece({ piece }: { piece: TextPiece }) {
  if (piece.kind === 'text') return unicodeMath(piece.text);
  if (piece.kind === 'cite') return <Cite work={piece.ref}>{piece.text}</Cite>;
  return <TermButton term={piece.term}>{unicodeMath(piece.text)}</TermButton>;
}

const pieces = (text: string, seen: Set<TermId>) => (
  <>
    {linkText(text, seen).map((piece, i) => (
      <Piece key={i} piece={piece} />
    ))}
  </>
);

/** A citation: a link to the paper, its full reference as the tooltip; the text defaults to the `cite` form. */
export function Cite({ work, children }: { work: ReferenceId; children?: ReactNode }) {
  return (
    <a className="cite" href={REFERENCES[work].url} target="_blank" rel="noreferrer" title={referenceText(work)}>
      {children ?? REFERENCES[work].cite}
    </a>
  );
}

/** A term in running text: opens its glossary entry (a button, so Enter and Space work). */
export function TermButton({ term, children }: { term: TermId; children: ReactNode }) {
  const openHelp = useHelp((s) => s.openHelp);
  return (
    <button
      type="button"
      className="term"
      aria-haspopup="dialog"
      title={`Glossary: ${GLOSSARY[term].term}`}
      data-term={term}
      onClick={() => openHelp(termAnchor(term))}
    >
      {children}
    </button>
  );
}

/** `seen`: terms not to link (already linked nearby); read, never changed, so rendering stays pure. */
export function LinkedText({ text, seen }: { text: string; seen?: ReadonlySet<TermId> }) {
  return pieces(text, new Set(seen));
}

/** Every string of `children` linked in one pass of this render, so a term is linked at its first use only. */
export function Linked({ children }: { children: ReactNode }) {
  return linkedChildren(children, new Set<TermId>());
}

/** Elements whose text is never linked: links and buttons already are, and formulas are not prose. */
const KEEP = new Set(['a', 'button', 'sub', 'sup']);

/**
 * Strings linked; fragments (a panel note is one) and plain markup such as <strong> and <em> linked inside;
 * components and KEEP elements kept as they are.
 */
function linkedChildren(children: ReactNode, seen: Set<TermId>): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child === 'string') return pieces(child, seen);
    if (!isValidElement<{ children?: ReactNode }>(child)) return child;
    if (child.type === Fragment) return <>{linkedChildren(child.props.children, seen)}</>;
    if (typeof child.type === 'string' && !KEEP.has(child.type) && child.props.children !== undefined)
      return cloneElement(child, undefined, linkedChildren(child.props.children, seen));
    return child;
  });
}

/** A paragraph whose text children are linked (a drop-in for <p> in cards and notes). */
export function LinkedP({ children, ...props }: ComponentProps<'p'>) {
  return (
    <p {...props}>
      <Linked>{children}</Linked>
    </p>
  );
}
