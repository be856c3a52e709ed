/**
 * The theorem next to the spectrum, with the live evidence of the spectrum on screen: each kernel's
 * fitted tail slope against its theoretical rate, and what limits that evidence (finite k, the
 * pre-asymptotic regime k ≲ d, the accuracy floor). The numbers are those of the fit table; this card
 * only states and compares them.
 */
import { memo } from 'react';
import { familyOf, type DecayRate, kernelLabel } from '../../../core/kernels/registry';
import { lastAboveFloor, type Parity, type TailFit } from '../../../core/spectrum/decayFit';
import { seriesColour } from '../../../figure/palette';
import { unicodeMath } from '../../../figure/unicode';
import { useStore } from '../../../state/store';
import { formatFromLog10, formatReadout, formatSlope } from '../../charts/format';
import type { SpectrumData } from './useSpectrum';
import { LinkedP } from '../../help/LinkedText';

/** A fitted slope within this distance of the rate counts as agreeing (finite-k fits sit ~0.01–0.05 above). */
const AGREES = 0.1;

/** The asymptotic rate shows only for k ≫ d; a window ending below this multiple of d is flagged. */
const K_OVER_D = 10;

export const TheoremCard = memo(function TheoremCard({ data }: { data: SpectrumData }) {
  const { result, fits, request } = data;
  const d = result.d;
  const [from, to] = request.window;
  const atFloor = result.series.map((s) => countAtFloor(s.lambda, s.floor, from, to, request.parity));
  const floors = result.series.map((s) => s.floor);
  const floorsInWindow = atFloor.reduce((a, b) => a + b, 0);
  // the last degree above the floor of any kernel: below d (and below kmax: not just the end of the range),
  // the whole resolved spectrum is pre-asymptotic
  const lastResolved = Math.max(...result.series.map((s) => lastAboveFloor(s.lambda, s.floor, result.kmax, 'all')));
  return (
    <section className="theorem-card" aria-labelledby="theorem-heading" data-testid="theorem-card">
      <h3 id="theorem-heading">Theorem</h3>
      <LinkedP>
        On the sphere Sᵈ⁻¹ the Mercer eigenvalues of the ReLU NTK (bias or at least two hidden layers) and of the
        Laplace kernel both decay like <strong>k⁻ᵈ</strong>, so the two kernels have the same RKHS (Geifman et al. 2020;
        Chen &amp; Xu 2021). γ-exponential kernels decay like k⁻⁽ᵈ⁻¹⁺ᵞ⁾; Matérn kernels like k<sup>−(d−1+2ν)</sup>, the
        Sobolev ladder on which ν = ½ is the Laplace kernel (cf. Borovitskiy et al. 2020).
      </LinkedP>
      <p className="theorem-here">
        Here d = {d}: theory <strong>−{d}</strong> for NTK and Laplace.
      </p>
      <h4>Evidence in this spectrum</h4>
      <ul className="evidence">
        {request.kernels.map((k, i) => {
          const f = familyOf(k);
          return (
            <li key={i} data-testid={`evidence-${i}`}>
              <span className="swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
              {kernelLabel(k, i)}: {evidence(fits[i], f.decay(d, k.params), [from, to], d)}
            </li>
          );
        })}
      </ul>
      <LinkedP className="caveat" data-testid="pre-asymptotic">
        <strong>Finite k, and k ≲ d:</strong> the rate is asymptotic (k → ∞); a fit over a finite window approaches it
        from above, the more slowly the larger d. For k below about d the eigenvalues are not yet on the power law at
        all: there λₖ falls roughly geometrically, each degree costing a factor of order d/k, so the log–log curve bends
        and its local slope is much shallower than −d (a rough guide: −d·k/(k + d/2), math.md §4). Only for k ≫ d does
        the straight line of slope −d appear; a fit over k ≲ d measures this pre-asymptotic regime, not the rate.
        {to < K_OVER_D * d &&
          ` This window ends at k = ${to}, not yet large compared with d = ${d}: expect slopes visibly above the rate.`}{' '}
        <strong>Accuracy floor:</strong> eigenvalues at or below about {formatReadout(Math.max(...floors))} cannot be
        told from 0 and are left out of the fits
        {floorsInWindow > 0
          ? ` (${floorsInWindow} in this window${atFloor.length > 1 ? `: ${atFloor.join(', ')} per kernel` : ''}).`
          : '; none lies in this window.'}
      </LinkedP>
      {lastResolved < Math.min(d, result.kmax) && <AtTheFloor data={data} last={lastResolved} />}
    </section>
  );
});

/**
 * Why every eigenvalue is at the floor after a few degrees when d is large (d = 1000: from k ≈ 6): the N(d,k)
 * harmonics of degree k share the kernel's trace, Σₖ N(d,k)·λₖ = κ(1) (math.md §3), and N(d,k) grows like
 * d^k/k! for k ≪ d, so λₖ ≤ κ(1)/N(d,k) shrinks like d^−k. N(d,k)·λₖ, each degree's share, shows the kernel.
 */
function AtTheFloor({ data, last }: { data: SpectrumData; last: number }) {
  const { result, request } = data;
  const d = result.d;
  const k = Math.min(result.kmax, Math.max(1, last));
  const setGlobal = useStore((s) => s.setGlobal);
  return (
    <p className="caveat" data-testid="at-the-floor">
      <strong>Why everything is at the floor from k = {last + 1} on:</strong> the N(d,k) harmonics of degree k share the
      kernel's trace, Σₖ N(d,k)·λₖ = κ(1), and N(d,k) grows like dᵏ/k! while k ≪ d (here N({d}, {k}) ={' '}
      {formatFromLog10(result.log10Multiplicity[k])}), so each λₖ is at most κ(1)/N(d,k): λₖ shrinks like d⁻ᵏ and
      reaches the accuracy floor long before k reaches d = {d}. That is the normalization of the harmonics, not a
      smoother kernel: plot N(d,k)·λₖ, the share of degree k, to compare the kernels here.{' '}
      {request.quantity !== 'weighted' && (
        <button type="button" onClick={() => setGlobal('y', 'weighted')}>
          Plot N(d,k)·λₖ
        </button>
      )}
    </p>
  );
}

/** One kernel's line of evidence: its fitted slope against its rate, or why there is none. */
function evidence(fit: TailFit | null, rate: DecayRate, [from, to]: [number, number], d: number): string {
  const evenOnly = rate.oddVanish ? ' (even k: odd k ≥ 3 are exactly 0)' : '';
  if (!fit) return `no fit: fewer than 3 eigenvalues above the accuracy floor in k ∈ [${from}, ${to}]${evenOnly}`;
  const moved = fit.adapted
    ? ` (k ∈ [${from}, ${to}] has fewer than 3 eigenvalues above the floor: the upper half of the degrees above it)`
    : '';
  const measured = `fitted slope ${formatSlope(fit.slope)} over k ∈ [${fit.kFrom}, ${fit.kTo}]${evenOnly}${moved}`;
  const label = unicodeMath(rate.label);
  if (rate.exponent === null) return `${measured}; theory: ${label}, so no single slope (it steepens as k grows)`;
  const gap = fit.slope - rate.exponent;
  const by = formatSlope(Math.abs(gap));
  const verdict =
    Math.abs(gap) <= AGREES
      ? `within ${AGREES} of it`
      : gap > 0
        ? fit.kTo <= d
          ? `${by} above it: k ≤ d = ${d}, the pre-asymptotic regime, not yet the rate`
          : `${by} above it: finite-k bias`
        : `${by} below it`;
  return `${measured}; theory ${formatReadout(rate.exponent).replace('-', '−')} (${label}), ${verdict}`;
}

/** Eigenvalues of the shown degrees from…to at or below the floor (indistinguishable from 0). */
function countAtFloor(lambda: ArrayLike<number>, floor: number, from: number, to: number, parity: Parity): number {
  let n = 0;
  for (let k = from; k <= Math.min(to, lambda.length - 1); k++) {
    const shown = parity === 'all' || (k % 2 === 0) === (parity === 'even');
    if (shown && Math.abs(lambda[k]) <= floor) n++;
  }
  return n;
}
