/**
 * A check shared by the figure tests (tests/unit/function-figures.test.ts, sequences-figure.test.ts): an SVG
 * figure is a well-formed standalone document, read without an XML library.
 */
import { expect } from 'vitest';

/** Embedded PNG images are base64 text that may spell anything: left out of text checks. */
const withoutImages = (svg: string) => svg.replace(/data:image\/png;base64,[A-Za-z0-9+/=]*/g, 'data:');

/**
 * A well-formed standalone SVG document: one <svg> root with the SVG namespace, tags properly nested,
 * attributes quoted, text free of `<` and of `&` outside entities, no HTML inside, no NaN or Infinity.
 */
export function expectWellFormedSvg(text: string): void {
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text.trimEnd().endsWith('</svg>')).toBe(true);
  const svg = withoutImages(text);
  expect(svg).not.toMatch(/NaN|Infinity|<(div|span|foreignObject|script)/);
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const textEnd = lt < 0 ? svg.length : lt;
    const between = svg.slice(i, textEnd);
    expect(between.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), 'text').not.toMatch(/[&>]/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    expect(m, `bad markup at ${svg.slice(lt, lt + 60)}`).not.toBeNull();
    const [all, close, name, , selfClose] = m!;
    if (close) expect(stack.pop(), `</${name}>`).toBe(name);
    else if (!selfClose) stack.push(name);
    if (stack.length === 0) expect(svg.slice(lt + all.length).trim()).toBe('');
    i = lt + all.length;
  }
  expect(stack).toEqual([]);
}
