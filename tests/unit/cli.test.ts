/**
 * The headless figure command (links.md §2), run as a user runs it: a child process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf, kernelLabel } from '../../src/core/kernels/registry';
import { escapeXml } from '../../src/figure/svg';
import { fixture } from './reference';

const root = fileURLToPath(new URL('../..', import.meta.url));

function figure(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/figure.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run -s figure', { timeout: 30_000 }, () => {
  it('profile JSON by default: canonical link, instance texts, θ from 0 to π, values after norm', () => {
    const { code, out, err } = figure('');
    expect(code).toBe(0);
    expect(err).toBe('');
    const fig = JSON.parse(out);
    expect(fig.panel).toBe('profile');
    expect(fig.link).toBe('?v=1');
    expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual([
      'ntk(L=2)',
      'laplace',
      'gexp(gamma=0.5)',
      'gauss',
    ]);
    const { theta, value } = fig.series[0];
    expect(theta[0]).toBe(0);
    expect(theta[theta.length - 1]).toBe(Math.PI);
    expect(value[0]).toBe(1);
    // θ = π/2 is u = 0: the reference NTK with L = 2, β = 0 there, divided by κ(1) = 3
    const ref = fixture('kernel_values.json');
    const at0 = Number(ref.sphere.values.ntk_L2_beta0[ref.sphere.u.indexOf('0.0')]) / 3;
    const mid = theta.indexOf(theta.find((t: number) => Math.abs(t - Math.PI / 2) < 1e-12));
    expect(Math.abs(value[mid] - at0)).toBeLessThan(1e-14);
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it('accepts a full URL of any origin and reports repairs on standard error with exit 0', () => {
    const { code, out, err } = figure(
      'https://example.org/course/ntk/?kernels=laplace(c=2),ntk(L=2.5)&d=5000&bogus=1',
      '--panel',
      'profile',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).link).toBe('?v=1&kernels=laplace(c=2),ntk(L=3)&d=1000');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(err).toContain('2.5 is not an integer; rounded to 3');
    expect(err).toContain('5000 is above the maximum 1000; clamped to 1000');
    expect(err).toContain('"bogus"');
  });

  it('CSV: the link line, a quoted header with #2 for a repeated instance, one row per sample', () => {
    const { code, out } = figure('kernels=ntk(L=2,beta=0.5),laplace,ntk(L=2,beta=0.5)&norm=raw', '--format', 'csv');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('# ?v=1&kernels=ntk(L=2,beta=0.5),laplace,ntk(L=2,beta=0.5)&norm=raw');
    expect(lines[1]).toBe('theta,"ntk(L=2,beta=0.5)",laplace,"ntk(L=2,beta=0.5)#2"');
    expect(lines).toHaveLength(2 + 721);
    const first = lines[2].split(',').map(Number);
    expect(first).toEqual([0, 3 * 1.25, 1, 3 * 1.25]);
  });

  it('SVG: standalone, with axes and a plain-text legend', () => {
    const { code, out } = figure('?kernels=ntk(L=3),laplace(hom=1)', '--format', 'svg');
    expect(code).toBe(0);
    expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.trimEnd().endsWith('</svg>')).toBe(true);
    expect(out).toContain(`>${escapeXml(kernelLabel(defaultInstance('ntk', { L: 3 }), 0))}<`);
    expect(out).toContain('angle θ between x and z (degrees)');
    expect(out).not.toMatch(/<(div|span|foreignObject|script)|NaN|Infinity/);
    expect((out.match(/<path /g) ?? []).length).toBe(2);
  });

  it('spectrum JSON: every k from 0 to kmax, floors, and the d = 3 rational eigenvalues of the NTK', () => {
    const { code, out } = figure('?kernels=ntk&kmax=7&norm=raw', '--panel', 'spectrum');
    expect(code).toBe(0);
    const fig = JSON.parse(out);
    expect(fig.panel).toBe('spectrum');
    expect(fig.d).toBe(3);
    const [s] = fig.series;
    expect(s.kernel).toBe('ntk');
    expect(s.k).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const exact = [1 / 2, 1 / 3, 5 / 64, 0, 1 / 192, 0, 23 / 16384];
    exact.forEach((v, k) => expect(Math.abs(s.lambda[k] - v)).toBeLessThanOrEqual(s.floor));
    expect(s.floor).toBeGreaterThan(0);
    expect(s.floor).toBeLessThan(1e-13);
  });

  it('spectrum CSV and SVG', () => {
    const csv = figure('?kernels=laplace,gauss&kmax=4', '--panel=spectrum', '--format=csv');
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[1]).toBe('k,laplace,gauss');
    expect(lines).toHaveLength(2 + 5);
    const svg = figure('?kernels=laplace,gauss&kmax=50', '--panel', 'spectrum', '--format', 'svg');
    expect(svg.code).toBe(0);
    expect(svg.out).toContain('degree k');
    expect(svg.out).not.toMatch(/NaN|Infinity/);
  });

  it('offsphere JSON: z from the link, a 64×64 grid in the plane of the first two axes, native values after norm', () => {
    const { code, out } = figure(
      '?kernels=ntk(L=2,beta=0.5),laplace(hom=1)&norm=raw&zn=1.5&za=90&R=3',
      '--panel',
      'offsphere',
    );
    expect(code).toBe(0);
    const fig = JSON.parse(out);
    expect(fig.panel).toBe('offsphere');
    expect(fig.z[0]).toBeCloseTo(0, 15);
    expect(fig.z[1]).toBe(1.5);
    expect(fig.points).toHaveLength(64 * 64);
    expect(fig.points[0]).toEqual([-3 + 3 / 64, 3 - 3 / 64]);
    const kernels = [defaultInstance('ntk', { L: 2, beta: 0.5 }), defaultInstance('laplace', { hom: 1 })];
    for (const i of [0, 100, 2080, 4095]) {
      const x = [...fig.points[i], 0, 0];
      kernels.forEach((k, j) => {
        const want = familyOf(k).onRd(x, [fig.z[0], fig.z[1], 0, 0], k.params);
        expect(Math.abs(fig.series[j].value[i] - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      });
    }
  });

  it('offsphere CSV and SVG', () => {
    const csv = figure('?kernels=ntk,gauss', '--panel', 'offsphere', '--format', 'csv');
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[1]).toBe('x1,x2,ntk,gauss');
    expect(lines).toHaveLength(2 + 64 * 64);
    const svg = figure('?kernels=ntk,gauss', '--panel', 'offsphere', '--format', 'svg');
    expect(svg.code).toBe(0);
    expect((svg.out.match(/<image /g) ?? []).length).toBe(3); // two maps and their difference
    expect(svg.out).toContain('data:image/png;base64,');
    expect(svg.out).not.toMatch(/NaN|Infinity|<(div|span|foreignObject|script)/);
  });

  it('function-space panels (samples, regression, learning) as a process, listed in the usage message', () => {
    for (const [panel, link] of [
      ['samples', '?domain=circle&deg=16&kernels=ntk,laplace'],
      ['regression', '?kernels=laplace,ntk(L=2)&pts=0:1;90:-1;200:0.5&ridge=0'],
      ['learning', '?kernels=ntk&harm=1,2,3'],
    ]) {
      const { code, out, err } = figure(link, '--panel', panel);
      expect(code, panel).toBe(0);
      expect(err).toBe('');
      const fig = JSON.parse(out);
      expect(fig.panel).toBe(panel);
      expect(fig.series.length).toBeGreaterThan(0);
    }
    const usage = figure('', '--panel', 'nope').err;
    expect(usage).toContain('--panel profile|spectrum|offsphere|samples|regression|learning');
  });

  it('bad options exit 2 with one line on standard error and nothing on standard output', () => {
    for (const args of [
      [],
      ['', '--panel', 'nope'],
      ['', '--format', 'xml'],
      ['', '--colour', 'red'],
      ['', '--panel'],
    ]) {
      const { code, out, err } = figure(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});
