/**
 * A corpus of bad links (links.md §1 repair rules): for each, the canonical link it must open as and the
 * exact repairs it must report, as a declared table read by link.test.ts.
 */
type Expected = [param: string, ...phrases: string[]];

interface Case {
  rule: string;
  link: string;
  canonical: string;
  repairs: Expected[];
}

const nine = Array.from({ length: 9 }, (_, i) => `ntk(L=${i + 1})`).join(','); // ntk(L=1) is written ntk

export const CORPUS: Case[] = [
  // unknown parameter, family, key (dropped)
  {
    rule: 'unknown parameter',
    link: '?v=1&foo=1&d=5',
    canonical: '?v=1&d=5',
    repairs: [['"foo"', '"foo": unknown parameter dropped']],
  },
  {
    rule: 'parameter names are case-sensitive',
    link: '?D=5',
    canonical: '?v=1',
    repairs: [['"D"', '"D": unknown parameter dropped']],
  },
  {
    rule: 'an unknown name with a newline stays on one line',
    link: '?a%0Ab=1',
    canonical: '?v=1',
    repairs: [['"a\\nb"', '"a\\nb": unknown']],
  },
  {
    rule: 'a parameter with an empty name',
    link: '?=5&d=4',
    canonical: '?v=1&d=4',
    repairs: [['""', '"": unknown parameter dropped']],
  },
  {
    rule: 'unknown family',
    link: '?kernels=foo,laplace',
    canonical: '?v=1&kernels=laplace',
    repairs: [['kernels', 'kernels: instance 1: unknown family "foo" dropped']],
  },
  {
    rule: 'family names are case-sensitive',
    link: '?kernels=gauss,NTK',
    canonical: '?v=1&kernels=gauss',
    repairs: [['kernels', 'instance 2', 'unknown family "NTK" dropped']],
  },
  {
    rule: 'unknown key',
    link: '?kernels=ntk(L=2,l=3)',
    canonical: '?v=1&kernels=ntk(L=2)',
    repairs: [['kernels', 'kernels: instance 1 (ntk): unknown key "l" dropped']],
  },
  {
    rule: 'a key of another family is unknown',
    link: '?kernels=laplace(gamma=0.5)',
    canonical: '?v=1&kernels=laplace',
    repairs: [['kernels', 'instance 1 (laplace)', 'unknown key "gamma" dropped']],
  },
  // not a number / not a listed word → default
  {
    rule: 'not a number',
    link: '?zoom=abc',
    canonical: '?v=1',
    repairs: [['zoom', 'zoom: "abc" is not a number; default 180 used']],
  },
  {
    rule: 'Infinity is not a number',
    link: '?d=Infinity',
    canonical: '?v=1',
    repairs: [['d', '"Infinity" is not a number; default 3 used']],
  },
  {
    rule: 'NaN is not a number',
    link: '?kmax=NaN&d=6',
    canonical: '?v=1&d=6',
    repairs: [['kmax', '"NaN" is not a number; default 200 used']],
  },
  { rule: 'hex is not a number', link: '?d=0x10', canonical: '?v=1', repairs: [['d', '"0x10" is not a number']] },
  {
    rule: 'empty is not a number',
    link: '?d=',
    canonical: '?v=1',
    repairs: [['d', '"" is not a number; default 3 used']],
  },
  {
    rule: 'a parameter without = has an empty value',
    link: '?d&kmax=7',
    canonical: '?v=1&kmax=7',
    repairs: [['d', '"" is not a number']],
  },
  {
    rule: '+ decodes to a space: 1e+3 is not a number',
    link: '?kmax=1e+3',
    canonical: '?v=1',
    repairs: [['kmax', '"1e 3" is not a number; default 200 used']],
  },
  { rule: 'an encoded + is a sign', link: '?kmax=1e%2B3', canonical: '?v=1&kmax=1000', repairs: [] },
  {
    rule: 'a second = belongs to the value',
    link: '?d=5=6',
    canonical: '?v=1',
    repairs: [['d', '"5=6" is not a number']],
  },
  { rule: 'Unicode minus is not a number', link: '?d=−2', canonical: '?v=1', repairs: [['d', '"−2" is not a number']] },
  {
    rule: 'a word is case-sensitive',
    link: '?norm=Raw',
    canonical: '?v=1',
    repairs: [['norm', 'norm: "Raw" is not one of unit, raw; default unit used']],
  },
  {
    rule: 'an empty word',
    link: '?axis=&norm=raw',
    canonical: '?v=1&norm=raw',
    repairs: [['axis', '"" is not one of theta, u; default theta used']],
  },
  {
    rule: 'a key word not listed',
    link: '?kernels=ntk(L=3,bias=Random)',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [['kernels', 'instance 1 (ntk)', 'key bias: "Random" is not one of zero, random; default zero used']],
  },
  {
    rule: 'a key without =',
    link: '?kernels=ntk(L)',
    canonical: '?v=1&kernels=ntk',
    repairs: [['kernels', 'instance 1 (ntk)', 'key L: "" is not a number; default 1 used']],
  },
  // out of range → clamped
  {
    rule: 'above the maximum',
    link: '?d=5000',
    canonical: '?v=1&d=1000',
    repairs: [['d', 'd: 5000 is above the maximum 1000; clamped to 1000']],
  },
  {
    rule: 'below the minimum',
    link: '?d=1',
    canonical: '?v=1&d=2',
    repairs: [['d', 'd: 1 is below the minimum 2; clamped to 2']],
  },
  {
    rule: 'a negative decimal',
    link: '?d=-2',
    canonical: '?v=1&d=2',
    repairs: [['d', '-2 is below the minimum 2; clamped to 2']],
  },
  {
    rule: 'overflow to Infinity is out of range',
    link: '?kmax=1e400',
    canonical: '?v=1&kmax=5000',
    repairs: [['kmax', '1e400 is above the maximum 5000; clamped to 5000']],
  },
  {
    rule: 'a tiny decimal below a positive minimum',
    link: '?zoom=1e-7',
    canonical: '?v=1&zoom=0.5',
    repairs: [['zoom', '1e-7 is below the minimum 0.5; clamped to 0.5']],
  },
  {
    rule: 'a key below its minimum',
    link: '?kernels=gexp(gamma=0),ntk(beta=-2)',
    canonical: '?v=1&kernels=gexp(gamma=0.01),ntk',
    repairs: [
      ['kernels', 'instance 1 (gexp)', 'key gamma: 0 is below the minimum 0.01; clamped to 0.01'],
      ['kernels', 'instance 2 (ntk)', 'key beta: -2 is below the minimum 0; clamped to 0'],
    ],
  },
  {
    rule: 'out of range and not an integer: clamped only',
    link: '?d=1000.7&kernels=ntk(L=0.4)',
    canonical: '?v=1&kernels=ntk&d=1000',
    repairs: [
      ['kernels', 'key L: 0.4 is below the minimum 1; clamped to 1'],
      ['d', '1000.7 is above the maximum 1000; clamped to 1000'],
    ],
  },
  // non-integer → rounded (Math.round: halves up)
  {
    rule: 'non-integer key',
    link: '?kernels=ntk(L=2.5)',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [['kernels', 'kernels: instance 1 (ntk): key L: 2.5 is not an integer; rounded to 3']],
  },
  {
    rule: 'non-integer parameter rounded to the default',
    link: '?d=2.5',
    canonical: '?v=1',
    repairs: [['d', 'd: 2.5 is not an integer; rounded to 3']],
  },
  {
    rule: 'rounding down',
    link: '?kmax=10.49',
    canonical: '?v=1&kmax=10',
    repairs: [['kmax', '10.49 is not an integer; rounded to 10']],
  },
  {
    rule: 'a 0/1 toggle rounded and clamped',
    link: '?kernels=laplace(hom=0.6),gauss(hom=2)',
    canonical: '?v=1&kernels=laplace(hom=1),gauss(hom=1)',
    repairs: [
      ['kernels', 'instance 1 (laplace)', 'key hom: 0.6 is not an integer; rounded to 1'],
      ['kernels', 'instance 2 (gauss)', 'key hom: 2 is above the maximum 1; clamped to 1'],
    ],
  },
  // a discrete key (matern nu, links.md §1) → snapped to the nearest allowed value, halfway up
  {
    rule: 'matern nu halfway between two allowed values goes up',
    link: '?kernels=matern(nu=1),matern(nu=2)',
    canonical: '?v=1&kernels=matern,matern(nu=2.5)',
    repairs: [
      [
        'kernels',
        'instance 1 (matern)',
        'key nu: 1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5 (halfway goes up)',
      ],
      [
        'kernels',
        'instance 2 (matern)',
        'key nu: 2 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5 (halfway goes up)',
      ],
    ],
  },
  {
    rule: 'matern nu outside 0.5–2.5 snaps to the end values; near values to the nearest',
    link: '?kernels=matern(nu=0.1),matern(nu=9,c=2),matern(nu=1.4),matern(nu=1e400)',
    canonical: '?v=1&kernels=matern(nu=0.5),matern(nu=2.5,c=2),matern,matern(nu=2.5)',
    repairs: [
      ['kernels', 'instance 1 (matern)', 'key nu: 0.1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5'],
      ['kernels', 'instance 2 (matern)', 'key nu: 9 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5'],
      ['kernels', 'instance 3 (matern)', 'key nu: 1.4 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5'],
      ['kernels', 'instance 4 (matern)', 'key nu: 1e400 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5'],
    ],
  },
  {
    rule: 'matern nu that is not a number falls back to the default 1.5',
    link: '?kernels=matern(nu=3/2,hom=1)',
    canonical: '?v=1&kernels=matern(hom=1)',
    repairs: [['kernels', 'instance 1 (matern)', 'key nu: "3/2" is not a number; default 1.5 used']],
  },
  // repeated parameters or keys → first wins
  {
    rule: 'repeated parameter',
    link: '?d=5&d=7',
    canonical: '?v=1&d=5',
    repairs: [['d', 'd: repeated parameter dropped (value "7"); the first wins']],
  },
  {
    rule: 'the first wins even when it is invalid',
    link: '?d=abc&d=7',
    canonical: '?v=1',
    repairs: [
      ['d', 'repeated parameter dropped (value "7")'],
      ['d', '"abc" is not a number; default 3 used'],
    ],
  },
  {
    rule: 'repeated kernels parameter',
    link: '?kernels=gauss&kernels=laplace',
    canonical: '?v=1&kernels=gauss',
    repairs: [['kernels', 'kernels: repeated parameter dropped (value "laplace"); the first wins']],
  },
  {
    rule: 'repeated key',
    link: '?kernels=ntk(L=2,L=4)',
    canonical: '?v=1&kernels=ntk(L=2)',
    repairs: [['kernels', 'instance 1 (ntk)', 'repeated key L dropped (value "4"); the first wins']],
  },
  // at most 8 instances
  {
    rule: 'instances beyond the 8th',
    link: `?kernels=${nine}`,
    canonical: `?v=1&kernels=${nine.slice(0, nine.lastIndexOf(',')).replace('ntk(L=1)', 'ntk')}`,
    repairs: [['kernels', 'kernels: 9 instances given; instances beyond the 8th dropped (ntk)']],
  },
  {
    rule: 'dropped unknown families do not count towards 8',
    link: `?kernels=foo,${'gauss,'.repeat(8)}`,
    canonical: `?v=1&kernels=${Array(8).fill('gauss').join(',')}`,
    repairs: [['kernels', 'unknown family "foo" dropped']],
  },
  // default kernels
  {
    rule: 'kernels= empty',
    link: '?kernels=&d=4',
    canonical: '?v=1&d=4',
    repairs: [['kernels', 'kernels: the list is empty; default kernels used']],
  },
  {
    rule: 'a list of empty items',
    link: '?kernels=, ,,',
    canonical: '?v=1',
    repairs: [['kernels', 'the list is empty; default kernels used']],
  },
  {
    rule: 'a list empty after repair',
    link: '?kernels=foo,bar',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "foo" dropped'],
      ['kernels', 'unknown family "bar" dropped'],
      ['kernels', 'kernels: no instance left; default kernels used'],
    ],
  },
  // version
  {
    rule: 'unknown version',
    link: '?v=7&d=5',
    canonical: '?v=1&d=5',
    repairs: [['v', 'v: unsupported link version "7"; read as version 1']],
  },
  {
    rule: 'empty version',
    link: '?v=',
    canonical: '?v=1',
    repairs: [['v', 'unsupported link version ""; read as version 1']],
  },
  // parentheses
  {
    rule: 'an unclosed parenthesis swallows the rest of the list',
    link: '?kernels=ntk(L=3,laplace',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [
      ['kernels', 'instance 1 (ntk): "(" is never closed; read to the end of the list'],
      ['kernels', 'instance 1 (ntk): unknown key "laplace" dropped'],
    ],
  },
  {
    rule: 'an extra closing parenthesis',
    link: '?kernels=ntk(L=3)),gauss',
    canonical: '?v=1&kernels=ntk(L=3),gauss',
    repairs: [['kernels', 'instance 1 (ntk): text after ")" dropped (")")']],
  },
  {
    rule: 'text after the closing parenthesis',
    link: '?kernels=gauss(c=2)x',
    canonical: '?v=1&kernels=gauss(c=2)',
    repairs: [['kernels', 'instance 1 (gauss): text after ")" dropped ("x")']],
  },
  {
    rule: 'a closing parenthesis first makes an unknown family',
    link: '?kernels=ntk)(,gauss',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "ntk)" dropped'],
      ['kernels', 'no instance left; default kernels used'],
    ],
  },
  {
    rule: 'nested parentheses stay inside their key',
    link: '?kernels=ntk(L=(3,4),beta=1)',
    canonical: '?v=1&kernels=ntk(beta=1)',
    repairs: [['kernels', 'key L: "(3,4)" is not a number; default 1 used']],
  },
  {
    rule: 'empty parentheses and empty keys are nothing',
    link: '?kernels=ntk(),gauss(c=2,)',
    canonical: '?v=1&kernels=ntk,gauss(c=2)',
    repairs: [],
  },
  // percent-encoding
  {
    rule: 'malformed percent-encoding',
    link: '?d=%E0%A4%A',
    canonical: '?v=1',
    repairs: [['d', 'is not a number; default 3 used']],
  },
  {
    rule: 'a % without hex digits',
    link: '?kernels=%ZZ',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "%ZZ"'],
      ['kernels', 'no instance left'],
    ],
  },
  {
    rule: 'control characters are escaped in messages',
    link: '?zoom=a%0Ab',
    canonical: '?v=1',
    repairs: [['zoom', '"a\\nb" is not a number']],
  },
  {
    rule: 'long junk is shortened in messages',
    link: `?zoom=${'x'.repeat(100)}`,
    canonical: '?v=1',
    repairs: [['zoom', `"${'x'.repeat(40)}…" is not a number`]],
  },
  // where the query is
  { rule: 'a URL without a query', link: 'https://example.org/app/', canonical: '?v=1', repairs: [] },
  { rule: 'a path without a query', link: '/index.html', canonical: '?v=1', repairs: [] },
  {
    rule: 'the fragment is not part of the query',
    link: 'https://a.example/x?d=5#d=7&foo',
    canonical: '?v=1&d=5',
    repairs: [],
  },
  { rule: 'empty segments are nothing', link: '?&&d=5&&', canonical: '?v=1&d=5', repairs: [] },
  // fit (team rule): beyond the number of instances → 0
  {
    rule: 'fit beyond the instances',
    link: '?kernels=gauss,laplace&fit=3',
    canonical: '?v=1&kernels=gauss,laplace',
    repairs: [['fit', 'fit: 3 is beyond the 2 kernel instances; reset to 0 (no fit)']],
  },
  {
    rule: 'fit beyond the instances after the list was repaired',
    link: '?kernels=gauss,foo&fit=2',
    canonical: '?v=1&kernels=gauss',
    repairs: [
      ['kernels', 'unknown family "foo" dropped'],
      ['fit', '2 is beyond the 1 kernel instances; reset to 0'],
    ],
  },
  {
    rule: 'fit clamped, then beyond the instances',
    link: '?fit=9',
    canonical: '?v=1',
    repairs: [
      ['fit', 'fit: 9 is above the maximum 8; clamped to 8'],
      ['fit', 'fit: 8 is beyond the 4 kernel instances; reset to 0 (no fit)'],
    ],
  },
  {
    rule: 'fit rounded',
    link: '?fit=1.5',
    canonical: '?v=1&fit=2',
    repairs: [['fit', '1.5 is not an integer; rounded to 2']],
  },
  // many at once: repairs listed by parameter in link order, unknown parameters last
  {
    rule: 'repairs are grouped by parameter in link order',
    link: 'https://other.example/p/q?zzz=1&fit=7&d=0&kernels=ntk(L=2.5),foo&v=3&norm=x',
    canonical: '?v=1&kernels=ntk(L=3)&d=2',
    repairs: [
      ['v', 'unsupported link version "3"'],
      ['kernels', 'key L: 2.5 is not an integer; rounded to 3'],
      ['kernels', 'instance 2: unknown family "foo" dropped'],
      ['d', '0 is below the minimum 2; clamped to 2'],
      ['norm', '"x" is not one of unit, raw'],
      ['fit', '7 is beyond the 1 kernel instances'],
      ['"zzz"', '"zzz": unknown parameter dropped'],
    ],
  },
];
