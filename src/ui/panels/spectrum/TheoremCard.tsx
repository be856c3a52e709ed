/**
 * The theorem next to the spectrum, with the live evidence of the spectrum on screen: each kernel's
 * fitted tail slope against its theoretical rate, and what limits that evidence (finite k, the accuracy
 * floor). The numbers are those of the fit table; this card only states and compares them.
 */
import { memo } from 'react';
import { familyOf, type DecayRate, kernelLabel } from '../../../core/kernels/registry';
import type { Parity, TailFit } from '../../../core/spectrum/decayFit';
import { colourOf } from '../../../figure/palette';
import { formatReadout, formatSlope } from '../../charts/format';
import type { SpectrumData } from './useSpectrum';

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
  return (
    <section className="theorem-card" aria-labelledby="theorem-heading" data-testid="theorem-card">
      <h3 id="theorem-heading">Theorem</h3>
      <p>
        On the sphere S^(d−1) the Mercer eigenvalues of the ReLU NTK (bias or at least two hidden layers) and of the
        Laplace kernel both decay like <strong>k^−d</strong>, so the two kernels have the same RKHS (Geifman et al.
        2020; Chen &amp; Xu 2021). γ-exponential kernels decay like k^−(d−1+γ); Matérn kernels like k^−(d−1+2ν), the
        Sobolev ladder on which ν = ½ is the Laplace kernel (cf. Borovitskiy et al. 2020).
      </p>
      <p className="theorem-here">
        Here d = {d}: theory <strong>−{d}</strong> for NTK and Laplace.
      </p>
      <h4>Evidence in this spectrum</h4>
      <ul className="evidence">
        {request.kernels.map((k, i) => {
          const f = familyOf(k);
          return (
            <li key={i} data-testid={`evidence-${i}`}>
              <span className="swatch" style={{ background: colourOf(i) }} aria-hidden="true" />
              {kernelLabel(k, i)}: {evidence(fits[i], f.decay(d, k.params), [from, to])}
            </li>
          );
        })}
      </ul>
      <p className="caveat">
        <strong>Finite k:</strong> the rate is asymptotic; a fit over a finite window approaches it from above, the more
        slowly the larger d.
        {to < K_OVER_D * d &&
          ` This window ends at k = ${to}, not yet large compared with d = ${d}: expect slopes visibly above the rate.`}{' '}
        <strong>Accuracy floor:</strong> eigenvalues at or below about {formatReadout(Math.max(...floors))} cannot be
        told from 0 and are left out of the fits
        {floorsInWindow > 0
          ? ` (${floorsInWindow} in this window${atFloor.length > 1 ? `: ${atFloor.join(', ')} per kernel` : ''}).`
          : '; none lies in this window.'}
      </p>
    </section>
  );
});

/** One kernel's line of evidence: its fitted slope against its rate, or why there is none. */
function evidence(fit: TailFit | null, rate: DecayRate, [from, to]: [number, number]): string {
  const evenOnly = rate.oddVanish ? ' (even k: odd k ≥ 3 are exactly 0)' : '';
  if (!fit) return `no fit: fewer than 3 eigenvalues above the accuracy floor in k ∈ [${from}, ${to}]${evenOnly}`;
  const measured = `fitted slope ${formatSlope(fit.slope)} over k ∈ [${fit.kFrom}, ${fit.kTo}]${evenOnly}`;
  if (rate.exponent === null) return `${measured}; theory: ${rate.label}, so no single slope (it steepens as k grows)`;
  const gap = fit.slope - rate.exponent;
  const by = formatSlope(Math.abs(gap));
  const verdict =
    Math.abs(gap) <= AGREES ? `within ${AGREES} of it` : gap > 0 ? `${by} above it: finite-k bias` : `${by} below it`;
  return `${measured}; theory ${formatReadout(rate.exponent).replace('-', '−')} (${rate.label}), ${verdict}`;
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
