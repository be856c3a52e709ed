/**
 * The glossary (README "References and glossary"): the terms the stories, the theorem card and the panel
 * notes use, each with a short definition in plain text. `uses` are the ways texts say it; src/linkText.ts
 * links the first use of each term in a text to its entry (the help dialog). Definitions may cite papers
 * (src/references.ts) and use other terms; both become links there too.
 */

export interface GlossaryEntry {
  /** the entry's heading */
  term: string;
  /** how texts say it (case-sensitive; the first match in a text is linked) */
  uses: readonly RegExp[];
  /** plain text, 1–4 sentences; citations in the `cite` form of src/references.ts */
  definition: string;
}

export const GLOSSARY = {
  ntk: {
    term: 'Neural tangent kernel (NTK)',
    uses: [/neural tangent kernel/, /\bNTKs?\b/],
    definition:
      'The kernel Θ(x, z) = ⟨∂f(x)/∂θ, ∂f(z)/∂θ⟩ of a network f with parameters θ, at initialization. As the width of every hidden layer grows, gradient descent on the squared loss trains the network like kernel regression with this fixed kernel (Jacot et al. 2018). Here it is the NTK of a fully connected ReLU network with L hidden layers (docs/math.md §2.2); at infinite width Gaussian and orthogonal initializations give the same NTK (Huang et al. 2021), and it can be approximated by random features (Zandieh et al. 2021) or defined for recurrent networks (Alemohammad et al. 2021).',
  },
  lazy: {
    term: 'Lazy training (kernel regime)',
    uses: [/[Ll]azy training/, /kernel regime/],
    definition:
      'The regime in which the weights of a wide network move so little during training that the network stays close to its linearization around the initial weights, so that it learns exactly as kernel regression with the NTK (Jacot et al. 2018; Lee et al. 2019; Chizat et al. 2019). Everything the app shows about “what the network learns” holds in this regime.',
  },
  laplace: {
    term: 'Laplace kernel',
    uses: [/Laplace kernel/],
    definition:
      'k(x, z) = exp(−c‖x − z‖), a shift-invariant kernel with a cusp at x = z. On the sphere S^(d−1) its Mercer eigenvalues decay like k^−d, as those of the ReLU NTK do, so the two kernels have the same RKHS (Geifman et al. 2020; Chen & Xu 2021).',
  },
  gexp: {
    term: 'γ-exponential kernel',
    uses: [/γ-exponential/],
    definition:
      'k(x, z) = exp(−c‖x − z‖^γ) for 0 < γ ≤ 2: γ = 1 is the Laplace kernel, γ = 2 the Gaussian. For γ < 2 its eigenvalues on S^(d−1) decay like k^−(d−1+γ): the smaller γ, the rougher the kernel and the larger its RKHS (Geifman et al. 2020; Chen & Xu 2021).',
  },
  matern: {
    term: 'Matérn kernel',
    uses: [/Matérn/],
    definition:
      'A family of kernels with a smoothness parameter ν; ν = ½ is the Laplace kernel. On the sphere S^(d−1) its eigenvalues decay like k^−(d−1+2ν), and its RKHS is the Sobolev space of order ν + (d−1)/2 (Borovitskiy et al. 2020).',
  },
  sobolev: {
    term: 'Sobolev space',
    uses: [/Sobolev/],
    definition:
      'H^s(S^(d−1)): the functions on the sphere whose degree-k parts, weighted by (1 + k)^(2s), have a finite sum of squares — roughly, s derivatives in L². A kernel whose eigenvalues decay like k^−2s has H^s as its RKHS, so the decay rate alone fixes the space.',
  },
  rkhs: {
    term: 'RKHS (reproducing kernel Hilbert space)',
    uses: [/\bRKHS\b/],
    definition:
      'The space of functions a kernel can represent: on the sphere, f = Σ_k f_k (f_k of degree k) with norm² Σ_k ‖f_k‖²/λ_k. Kernel regression and the trained wide network stay in it. Two kernels whose Mercer eigenvalues are within constant factors of each other have the same RKHS, with equivalent norms.',
  },
  mercer: {
    term: 'Mercer eigenvalue λ_k',
    uses: [/Mercer eigenvalues?/, /\beigenvalues?\b/],
    definition:
      'On the sphere a kernel that depends only on xᵀz acts on functions as a multiplication on spherical harmonics: every harmonic of degree k is an eigenfunction with the same eigenvalue λ_k (Funk–Hecke formula). How fast λ_k decays with k decides the RKHS and how fast degree k is learned. The app computes λ_k by quadrature (docs/math.md §3).',
  },
  funkhecke: {
    term: 'Funk–Hecke formula',
    uses: [/Funk–Hecke/],
    definition:
      'For a kernel κ(xᵀz) on S^(d−1): λ_k = c_d ∫ κ(t) P_k(t) (1 − t²)^((d−3)/2) dt over [−1, 1], with P_k the Legendre (Gegenbauer) polynomial of degree k in dimension d, P_k(1) = 1, and c_d = Γ(d/2)/(√π Γ((d−1)/2)). It is why every such kernel, NTK and Laplace alike, has the spherical harmonics as eigenfunctions (docs/math.md §3).',
  },
  harmonics: {
    term: 'Spherical harmonics',
    uses: [/[Ss]pherical harmonics?/, /\bharmonics?\b/],
    definition:
      'The polynomials restricted to the sphere that are eigenfunctions of the Laplace–Beltrami operator; those of degree k form a space of dimension N(d, k). On the circle (d = 2) they are cos kθ and sin kθ, so Mercer eigenvalues are Fourier coefficients.',
  },
  multiplicity: {
    term: 'N(d, k)',
    uses: [/N\(d, ?k\)/],
    definition:
      'The number of independent spherical harmonics of degree k on S^(d−1): N(2, k) = 2 for k ≥ 1, N(3, k) = 2k + 1, and N(d, k) grows like k^(d−2). Each Mercer eigenvalue λ_k is repeated N(d, k) times, so N(d, k)·λ_k is the weight of degree k in the kernel. These weights add up to κ(1), so λ_k ≤ κ(1)/N(d, k): in high dimension N(d, k) is huge already for small k, and λ_k drops to the accuracy floor after a few degrees.',
  },
  floor: {
    term: 'Accuracy floor',
    uses: [/[Aa]ccuracy floor/],
    definition:
      'The size at or below which a computed eigenvalue cannot be told from 0: an estimate of the rounding error of the quadrature for that kernel, ε·(24 + kmax/100)·∫|κ| (docs/math.md §3). Values at or below it are not drawn, are marked on the strip under the spectrum and are left out of the fits.',
  },
  slope: {
    term: 'Fitted slope',
    uses: [/[Ff]itted slopes?/],
    definition:
      'The least-squares slope of log λ_k against log k over the fit window (by default the upper half of the degrees), using only eigenvalues above the accuracy floor. For λ_k ~ k^−s it approaches −s; at finite k it sits slightly above (finite-k bias).',
  },
  finitek: {
    term: 'Finite-k bias (pre-asymptotic regime)',
    uses: [/[Ff]inite-k bias/, /pre-asymptotic/],
    definition:
      'The decay rates are statements about k → ∞. For k not much larger than d (k ≲ d) the eigenvalues are not yet on their asymptotic line, so a slope fitted over a finite window lies above the rate, the more the larger d.',
  },
  homogeneous: {
    term: 'Homogeneous extension',
    uses: [/homogeneous/, /Homogeneous/],
    definition:
      'A kernel defined on the sphere, κ(x̂ᵀẑ), extended to all of R^d as ‖x‖‖z‖·κ(x̂ᵀẑ), with x̂ = x/‖x‖. The bias-free ReLU NTK is of this form; the homogeneous Laplace kernel (hom = 1) is the Laplace kernel extended this way, so it scales like the NTK off the sphere.',
  },
  gp: {
    term: 'Gaussian process sample',
    uses: [/Gaussian process/],
    definition:
      'A random function whose covariance is the kernel: f = Σ_k √λ_k Σ_j ξ_kj Y_kj with independent standard normal ξ. The faster λ_k decays, the smoother the function; the app draws every kernel’s sample from the same ξ, so the pictures differ only through the eigenvalues.',
  },
  regression: {
    term: 'Kernel ridge regression',
    uses: [/[Kk]ernel regression/, /\bridge\b/],
    definition:
      'The predictor f(x) = Σ_i α_i k(x, x_i) with (K + λI)α = y, K the kernel matrix of the data; at ridge λ = 0 it interpolates the data with the smallest RKHS norm. In the kernel regime a wide network trained to zero loss gives this predictor with its NTK.',
  },
  spectralbias: {
    term: 'Spectral bias (gradient flow)',
    uses: [/[Gg]radient flow/, /[Ss]pectral bias/],
    definition:
      'Kernel gradient flow on the squared loss fits the degree-k part of the target at rate λ_k: its error decays like exp(−λ_k t). Degrees with larger eigenvalues, the low ones, are learned first (Basri et al. 2019).',
  },
  wilcoxon: {
    term: 'Wilcoxon signed-rank test',
    uses: [/Wilcoxon/],
    definition:
      'A test of whether two classifiers’ accuracies over the same data sets differ, from the ranks of their differences. p is the probability of differences at least as systematic if the two were alike; a large p means no evidence of a difference.',
  },
  friedman: {
    term: 'Friedman rank',
    uses: [/Friedman/],
    definition:
      'A classifier’s rank on each data set (1 = best, ties shared), averaged over the data sets, as Arora et al. 2020 and Fernández-Delgado et al. 2014 report it.',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof GLOSSARY;

export const TERM_IDS = Object.keys(GLOSSARY) as TermId[];

/** The anchor of a term in the help dialog. */
export const termAnchor = (id: TermId) => `glossary-${id}`;
