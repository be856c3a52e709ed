/**
 * Share links (links.md §1): a corpus of bad links with the exact repairs each must produce
 * (link-corpus.ts), the examples of links.md, canonical text, discrete parameters, the schema tables and
 * the list parameters. Properties over generated states: link-properties.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES, defaultInstance } from '../../src/core/kernels/registry';
import {
  DEFAULT_KERNELS,
  DEGREE_LIMITS,
  GLOBAL_PARAMS,
  coerceGlobal,
  coerceParam,
  defaultState,
  formatLinkNumber,
  instanceText,
  parseLink,
  pointsText,
  readIntegers,
  readPoints,
  serializeLink,
  type LinkState,
} from '../../src/link';

import { CORPUS } from './link-corpus';
import { DISCRETE, RUNS, line, validState, validValue } from './link-helpers';

describe('corpus of bad links: exact repairs and canonical link', () => {
  for (const c of CORPUS) {
    it(`${c.rule}: ${c.link.slice(0, 60)}`, () => {
      const { state, repairs } = parseLink(c.link);
      expect(serializeLink(state)).toBe(c.canonical);
      expect(repairs.map((r) => r.param)).toEqual(c.repairs.map(([param]) => param));
      repairs.forEach((r, i) => {
        for (const phrase of c.repairs[i].slice(1)) expect(line(r)).toContain(phrase);
      });
      expect(validState(state)).toBe(true);
    });
  }

  it('parse does not throw on malformed percent-encoding that decodeURIComponent rejects', () => {
    for (const bad of ['%E0%A4%A', '%', '%%', '%C3', '%ED%A0%80', '?kernels=ntk(L=%E0%A4%A)', '%FF%FE=1']) {
      expect(() => decodeURIComponent(bad)).toThrow();
      expect(validState(parseLink(bad).state)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- (3) links.md examples and formats

describe('links.md §1 examples', () => {
  const example = '/?v=1&kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)&d=5&kmax=400';
  const canonical = example.slice(1);

  it('the example link is canonical and reads as written', () => {
    const { state, repairs } = parseLink(example);
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe(canonical);
    expect(state.kernels).toEqual([
      defaultInstance('ntk', { L: 3, beta: 0.5 }),
      defaultInstance('laplace'),
      defaultInstance('gexp', { gamma: 0.5 }),
    ]);
    expect({ d: state.d, kmax: state.kmax, norm: state.norm }).toEqual({ d: 5, kmax: 400, norm: 'unit' });
  });

  it.each([
    ['a full URL with another origin and path', `https://teach.example.edu/course/week3/ntk.html${canonical}`],
    ['a query string without ?', canonical.slice(1)],
    ['no v (read as version 1)', '?kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)&d=5&kmax=400'],
    ['parameters in another order', '?kmax=400&d=5&kernels=ntk(beta=0.5,L=3),laplace,gexp(gamma=0.5)&v=1'],
    [
      'percent-encoded parentheses, commas and =',
      '?v=1&kernels=ntk%28L%3D3%2Cbeta%3D0.5%29%2Claplace%2Cgexp%28gamma%3D0.5%29&d=5&kmax=400',
    ],
    [
      'whitespace around tokens',
      '  ?v= 1 &kernels= ntk ( L = 3 , beta=0.5 ) ,+laplace+, gexp(gamma=0.5)& d =5&kmax=400 ',
    ],
    [
      '.5 and explicit defaults',
      '?kernels=ntk(L=3,beta=.5,bias=zero),laplace(c=1,hom=0),gexp(gamma=.5)&d=5&kmax=400&norm=unit',
    ],
  ])('%s opens the same view, without repairs', (_, link) => {
    const { state, repairs } = parseLink(link);
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe(canonical);
  });

  it('decimal forms: 3, 0.5, .5, 1e-3, 5.', () => {
    const { state, repairs } = parseLink('?kernels=ntk(L=3,beta=1e-3),laplace(c=.5),gauss(c=5.),gexp(gamma=0.5)');
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe('?v=1&kernels=ntk(L=3,beta=0.001),laplace(c=0.5),gauss(c=5),gexp(gamma=0.5)');
  });

  it('matern (project, links.md §1): every allowed nu, in any decimal form, reads as written and writes canonically', () => {
    const { state, repairs } = parseLink('?kernels=matern(nu=.5,c=2),matern(nu=1.50),matern(nu=25e-1,hom=1)');
    expect(repairs).toEqual([]);
    expect(state.kernels).toEqual([
      defaultInstance('matern', { nu: 0.5, c: 2 }),
      defaultInstance('matern'),
      defaultInstance('matern', { nu: 2.5, hom: 1 }),
    ]);
    const canonical = '?v=1&kernels=matern(nu=0.5,c=2),matern,matern(nu=2.5,hom=1)';
    expect(serializeLink(state)).toBe(canonical);
    expect(parseLink(canonical)).toEqual({ state, repairs: [], given: ['v', 'kernels'] });
  });

  it('the same family may appear several times, in order', () => {
    const link = '?v=1&kernels=ntk,ntk(L=2),ntk(L=4),ntk(L=2)';
    const { state, repairs } = parseLink(link);
    expect(repairs).toEqual([]);
    expect(state.kernels.map((k) => k.params.L)).toEqual([1, 2, 4, 2]);
    expect(serializeLink(state)).toBe(link);
  });

  it('default kernels: a link without kernels (silently) and kernels= (with a notice)', () => {
    const none = parseLink('?v=1');
    expect(none.repairs).toEqual([]);
    expect(none.state.kernels.map(instanceText).join(',')).toBe('ntk(L=2),laplace,gexp(gamma=0.5),gauss');
    const empty = parseLink('?v=1&kernels=');
    expect(empty.state).toEqual(none.state);
    expect(empty.repairs).toEqual([{ param: 'kernels', message: 'the list is empty; default kernels used' }]);
  });

  it('empty input, bare ? and the default state all give ?v=1', () => {
    expect(serializeLink(defaultState())).toBe('?v=1');
    for (const x of ['', '?', '   ']) {
      const { state, repairs } = parseLink(x);
      expect(repairs).toEqual([]);
      expect(state).toEqual(defaultState());
    }
  });

  it('writes every parameter in links.md order, then the team parameters in table order', () => {
    const s: LinkState = {
      kernels: [defaultInstance('gauss', { c: 2 })],
      d: 10,
      kmax: 50,
      norm: 'raw',
      axis: 'u',
      zoom: 12.5,
      fit: 1,
      y: 'ratio',
      ra: 2,
      rb: 1,
      parity: 'even',
      klo: 10,
      khi: 40,
      zn: 1.5,
      za: -45,
      R: 3,
      scale: 'shared',
      da: 2,
      db: 1,
      ray: 90,
      n: 2000,
      spread: 10,
      seed: 7,
      story: 'c',
      step: 2,
      present: 1,
      domain: 'circle',
      deg: 64,
      sample: 3,
      lon: -40,
      lat: 0,
      pts: '30:0.5;120:-1',
      ridge: 0,
      harm: '1,3',
      t: 1e6,
      data: 'iris,wine',
      contest: 'arora,laplace',
      prep: 'sphere',
      pair: 'laplace,arora',
      file: 'my data.csv',
      label: 3,
      m: 1024,
      seeds: 16,
      init: 'orthogonal',
      rf: 4096,
      widths: '32,128',
      eta: 0.25,
      steps: 1000,
      seqs: '0,0.5,1;1,0.5',
      seq: 2,
      act: 'erf',
      sw: 1,
      su: 0.5,
      sb: 0.1,
      panel: 'spectrum',
      embed: 1,
    };
    expect(serializeLink(s)).toBe(
      '?v=1&kernels=gauss(c=2)&d=10&kmax=50&norm=raw&axis=u&zoom=12.5&fit=1&y=ratio&ra=2&rb=1&parity=even&klo=10&khi=40' +
        '&zn=1.5&za=-45&R=3&scale=shared&da=2&db=1&ray=90&n=2000&spread=10&seed=7' +
        '&domain=circle&deg=64&sample=3&lon=-40&lat=0&pts=30:0.5;120:-1&ridge=0&harm=1,3&t=1000000' +
        '&data=iris,wine&contest=arora,laplace&prep=sphere&pair=laplace,arora&file=my%20data.csv&label=3' +
        '&m=1024&seeds=16&init=orthogonal&rf=4096&widths=32,128&eta=0.25&steps=1000' +
        '&seqs=0,0.5,1;1,0.5&seq=2&act=erf&sw=1&su=0.5&sb=0.1' +
        '&story=c&step=2&present=1&panel=spectrum&embed=1',
    );
  });

  it('kernels equal to the defaults are left out; in another order they are written', () => {
    expect(serializeLink({ ...defaultState(), d: 4 })).toBe('?v=1&d=4');
    const swapped = [DEFAULT_KERNELS[1], DEFAULT_KERNELS[0], DEFAULT_KERNELS[2], DEFAULT_KERNELS[3]];
    expect(serializeLink({ ...defaultState(), kernels: swapped })).toBe(
      '?v=1&kernels=laplace,ntk(L=2),gexp(gamma=0.5),gauss',
    );
  });
});

describe('canonical text', () => {
  it('instanceText: non-default keys in table order, or the bare family', () => {
    expect(instanceText(defaultInstance('ntk'))).toBe('ntk');
    expect(instanceText({ family: 'ntk', params: { bias: 'random', beta: 0, L: 3 } })).toBe('ntk(L=3,bias=random)');
    expect(instanceText(defaultInstance('ntk', { L: 3, beta: 0.5, bias: 'random' }))).toBe(
      'ntk(L=3,beta=0.5,bias=random)',
    );
    expect(instanceText(defaultInstance('gexp', { gamma: 0.1 + 0.2, hom: 1 }))).toBe(
      'gexp(gamma=0.30000000000000004,hom=1)',
    );
  });

  it('numbers in shortest round-trip form, exponents without +', () => {
    expect(formatLinkNumber(1e21)).toBe('1e21');
    expect(formatLinkNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatLinkNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatLinkNumber(-0)).toBe('0');
  });

  it('coerceParam: the messages the UI shows for typed values', () => {
    const d = GLOBAL_PARAMS.find((s) => s.key === 'd')!;
    expect(coerceParam(d, ' 7 ')).toEqual({ value: 7 });
    expect(coerceParam(d, '5000')).toEqual({ value: 1000, repair: '5000 is above the maximum 1000; clamped to 1000' });
    expect(coerceParam(d, '-0')).toEqual({ value: 2, repair: '-0 is below the minimum 2; clamped to 2' });
    expect(Object.is(coerceParam(FAMILIES[0].params[1], '-0').value, 0)).toBe(true);
  });
});

describe('discrete number parameters (allowed values)', () => {
  const read = (text: string) => coerceParam(DISCRETE, text);

  it('an allowed value, in any decimal form, is read as it is', () => {
    for (const [text, value] of [
      ['0.5', 0.5],
      ['.5', 0.5],
      ['1.50', 1.5],
      ['15e-1', 1.5],
      [' 2.5 ', 2.5],
    ] as const) {
      expect(read(text), text).toEqual({ value });
    }
  });

  it('any other number snaps to the nearest allowed value with a notice; halfway goes up', () => {
    expect(read('1')).toEqual({
      value: 1.5,
      repair: '1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5 (halfway goes up)',
    });
    expect(read('2')).toEqual({
      value: 2.5,
      repair: '2 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5 (halfway goes up)',
    });
    expect(read('0.99')).toEqual({
      value: 0.5,
      repair: '0.99 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5',
    });
    expect(read('1.2').value).toBe(1.5);
    expect(read('2.01').value).toBe(2.5);
    // outside the range: the end values (a notice, no clamping message)
    expect(read('0')).toEqual({ value: 0.5, repair: '0 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5' });
    expect(read('-7').value).toBe(0.5);
    expect(read('-0').value).toBe(0.5);
    expect(read('3')).toEqual({ value: 2.5, repair: '3 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5' });
    expect(read('1e400').value).toBe(2.5);
    expect(read('-1e400').value).toBe(0.5);
  });

  it('text that is not a number gives the default, as for any number parameter', () => {
    for (const text of ['', 'abc', 'Infinity', 'NaN', '0x1', '3/2', '½']) {
      const { value, repair } = read(text);
      expect(value, text).toBe(1.5);
      expect(repair, text).toContain('is not a number; default 1.5 used');
    }
  });

  it('round trip: every allowed value written as a link writes it is read back unchanged, without a notice', () => {
    for (const v of DISCRETE.allowed!) expect(read(formatLinkNumber(v))).toEqual({ value: v });
  });

  it('snapping is idempotent and always lands on an allowed value (any decimal, any text)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }).map(formatLinkNumber), fc.string()), (text) => {
        const first = read(text);
        const again = read(formatLinkNumber(first.value as number));
        return DISCRETE.allowed!.includes(first.value as number) && again.repair === undefined;
      }),
      { numRuns: RUNS },
    );
  });

  it('every repair message is one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !/\n/.test(read(text).repair ?? '')),
      { numRuns: RUNS },
    );
  });
});

describe('schema tables (registry and GLOBAL_PARAMS)', () => {
  const all = [...GLOBAL_PARAMS, ...FAMILIES.flatMap((f) => f.params)];

  it('allowed values (discrete number parameters) ascend from min to max and include the default', () => {
    for (const spec of [...all, DISCRETE]) {
      if (spec.kind !== 'number' || spec.allowed === undefined) continue;
      const a = spec.allowed;
      expect(a.length, spec.key).toBeGreaterThanOrEqual(2);
      expect(
        a.every((v, i) => i === 0 || v > a[i - 1]),
        spec.key,
      ).toBe(true);
      expect([a[0], a.at(-1)], spec.key).toEqual([spec.min, spec.max]);
      expect(a, spec.key).toContain(spec.default);
      if (spec.integer) expect(a.every(Number.isInteger), spec.key).toBe(true);
    }
  });

  it('every default is valid, and integer parameters have integer bounds', () => {
    for (const spec of all) {
      expect(validValue(spec, spec.default), spec.key).toBe(true);
      if (spec.kind === 'number' && spec.integer) {
        expect(Number.isInteger(spec.min) && Number.isInteger(spec.max), spec.key).toBe(true);
      }
    }
  });

  it('names are unique: global keys (with v and kernels), family ids, keys within a family', () => {
    const names = ['v', 'kernels', ...GLOBAL_PARAMS.map((s) => s.key)];
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(FAMILIES.map((f) => f.id)).size).toBe(FAMILIES.length);
    for (const f of FAMILIES) expect(new Set(f.params.map((s) => s.key)).size).toBe(f.params.length);
  });

  it('the default state is valid and has exactly the table fields plus kernels', () => {
    expect(validState(defaultState())).toBe(true);
  });
});

describe('list parameters: pts and harm (docs/function-space.md)', () => {
  const repairsOf = (link: string) => parseLink(link).repairs.map(line);

  it('pts: readable in the link, read back exactly', () => {
    const { state, repairs } = parseLink('?pts=30:0.5;120:-1;359.5:1e-3');
    expect(repairs).toEqual([]);
    expect(readPoints(state.pts)).toEqual([
      { angle: 30, value: 0.5 },
      { angle: 120, value: -1 },
      { angle: 359.5, value: 0.001 },
    ]);
    expect(serializeLink(state)).toBe('?v=1&pts=30:0.5;120:-1;359.5:0.001');
    expect(serializeLink({ ...state, pts: '' })).toBe('?v=1&pts=');
    expect(parseLink('?pts=').state.pts).toBe('');
  });

  it('pts: malformed items dropped, angles wrapped, values clamped, at most 200 points', () => {
    expect(repairsOf('?pts=30:0.5;x:1;40;50:2:3;-30:1;720:2;10:99')).toEqual([
      'pts: item "x:1" is not angle:value; dropped; item "40" is not angle:value; dropped; ' +
        'item "50:2:3" is not angle:value; dropped; angle -30 read as 330 (modulo 360); ' +
        'angle 720 read as 0 (modulo 360); value 99 clamped to 10',
    ]);
    expect(parseLink('?pts=30:0.5;x:1;-30:1;10:99').state.pts).toBe('30:0.5;330:1;10:10');
    const many = Array.from({ length: 230 }, (_, i) => `${i}:1`).join(';');
    const { state, repairs } = parseLink(`?pts=${many}`);
    expect(readPoints(state.pts)).toHaveLength(200);
    expect(repairs.map(line)).toEqual(['pts: 230 points given; points beyond the 200th dropped']);
  });

  it('harm: integers, sorted, distinct, at most 12; nothing left means the default', () => {
    expect(parseLink('?harm=8,2,2.4,1e9,x').state.harm).toBe(`2,8,${DEGREE_LIMITS.max}`);
    expect(repairsOf('?harm=8,2,2.4,1e9,x')).toEqual([
      'harm: 2.4 read as 2 (integers 0–1000); degree 2 repeated; dropped; 1e9 read as 1000 (integers 0–1000); ' +
        '"x" is not a degree; dropped; degrees sorted',
    ]);
    expect(repairsOf('?harm=x')).toEqual([
      'harm: "x" is not a degree; dropped',
      'harm: no degree left; default 1,2,3,4,6,8 used',
    ]);
    expect(
      readIntegers(parseLink(`?harm=${Array.from({ length: 15 }, (_, i) => i).join(',')}`).state.harm),
    ).toHaveLength(12);
  });

  it('widths: integers 4–8192, sorted, distinct, at most 8; nothing left means the default', () => {
    expect(parseLink('?widths=1024,2,64,64,1e6').state.widths).toBe('4,64,1024,8192');
    expect(repairsOf('?widths=1024,2,64,64,1e6')).toEqual([
      'widths: 2 read as 4 (integers 4–8192); width 64 repeated; dropped; 1e6 read as 8192 (integers 4–8192); widths sorted',
    ]);
    expect(repairsOf('?widths=x')).toEqual([
      'widths: "x" is not a width; dropped',
      'widths: no width left; default 16,64,256,1024 used',
    ]);
    expect(readIntegers(parseLink('?widths=4,5,6,7,8,9,10,11,12,13').state.widths)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('a typed list is repaired as a link would be, including its row check (coerceGlobal)', () => {
    const harm = GLOBAL_PARAMS.find((p) => p.key === 'harm')!;
    expect(coerceGlobal(harm, '', defaultState())).toEqual({
      value: '1,2,3,4,6,8',
      repair: 'no degree left; default 1,2,3,4,6,8 used',
    });
    expect(coerceGlobal(harm, 'x', defaultState()).value).toBe('1,2,3,4,6,8');
    expect(coerceGlobal(harm, '5,1', defaultState())).toEqual({ value: '1,5', repair: 'degrees sorted' });
  });

  it('pointsText and readPoints are inverse on canonical text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ angle: fc.integer({ min: 0, max: 359 }), value: fc.double({ min: -10, max: 10, noNaN: true }) }),
        ),
        (points) => {
          const clean = points.map((p) => ({ angle: p.angle, value: p.value + 0 }));
          expect(readPoints(pointsText(clean))).toEqual(clean);
        },
      ),
    );
  });
});
