/**
 * The app's one seeded random generator. A link that names a seed must reproduce the same points forever,
 * so every step below is fixed and documented; changing any of it is a new link version (links.md §1).
 *
 * - Seeding: the seed is reduced to an unsigned 32-bit integer s (ECMAScript ToUint32: `seed >>> 0`).
 *   The four state words of the generator are the first four outputs of SplitMix32 started at s:
 *   w ← w + 0x9E3779B9 (mod 2³²), output fmix32(w), where fmix32 is MurmurHash3's finalizer
 *   (h ^= h >>> 16; h *= 0x85EBCA6B; h ^= h >>> 13; h *= 0xC2B2AE35; h ^= h >>> 16, all mod 2³²).
 *   fmix32 is a bijection and the four w differ, so the state is never all zero.
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna 2018), 32-bit outputs, period 2¹²⁸ − 1.
 * - Uniform deviates in [0, 1): 53 bits from two outputs a, b: ((a >>> 5)·2²⁶ + (b >>> 6)) / 2⁵³.
 * - Normal deviates: Marsaglia's polar method on two uniforms v = 2u − 1, rejecting s = v₁² + v₂² ∉ (0, 1);
 *   it yields v₁·f and v₂·f with f = sqrt(−2 ln s / s): the first is returned, the second kept for the
 *   next request.
 *
 * The integer stream and every accept/reject decision are exact in any JavaScript engine; the deviates
 * themselves go through Math.log (and Math.exp in callers), which ECMAScript does not require to be
 * correctly rounded: V8 (Chromium, Node) uses one portable fdlibm port, so values are bit-identical there;
 * another engine may differ in the last bit.
 */

/** Name of the generator for the README and on-screen notes. */
export const GENERATOR_NAME = 'xoshiro128** (seeded by SplitMix32), 53-bit uniforms, Marsaglia polar normals';

export interface Random {
  /** next raw output of xoshiro128**, an unsigned 32-bit integer */
  uint32(): number;
  /** uniform deviate in [0, 1) with 53 random bits */
  uniform(): number;
  /** standard normal deviate */
  normal(): number;
}

const rotl = (v: number, k: number) => (v << k) | (v >>> (32 - k));

/** MurmurHash3's 32-bit finalizer. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The four xoshiro128** state words for a seed (see the file comment). */
export function seedState(seed: number): Uint32Array {
  const state = new Uint32Array(4);
  let w = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    w = (w + 0x9e3779b9) >>> 0;
    state[i] = fmix32(w);
  }
  return state;
}

/** xoshiro128** on an explicit state (not all zero), which it advances in place. */
export function xoshiro128ss(state: Uint32Array): () => number {
  return () => {
    const s1 = state[1];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    state[2] ^= state[0];
    state[3] ^= s1;
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
}

/** A fresh generator for `seed`; equal seeds (mod 2³²) give equal streams. */
export function seededRandom(seed: number): Random {
  const uint32 = xoshiro128ss(seedState(seed));
  const uniform = () => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992;
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    for (;;) {
      const v1 = 2 * uniform() - 1;
      const v2 = 2 * uniform() - 1;
      const s = v1 * v1 + v2 * v2;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v2 * f;
        return v1 * f;
      }
    }
  };
  return { uint32, uniform, normal };
}
