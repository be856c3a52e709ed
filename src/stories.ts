/**
 * Guided stories for the classroom (README "Stories"): data only. Each step is a canonical share link
 * (links.md §1, no repair needed, without the story/step/present/embed parameters, which the app adds)
 * and 2–4 sentences saying what to look at and which theorem it illustrates. A step's link may set
 * `panel`: the panel presentation mode shows for that step. tests/unit/stories.test.ts checks all this.
 *
 * Every number a text quotes is what the step's own view shows: tests/unit/story-numbers.test.ts recomputes
 * each one from the step's link with the functions the workers call and fails when a quoted number is stale
 * or a new number is not pinned there (story h: tests/unit/realdata-story.test.ts). Texts are plain; the app
 * links their citations ("Geifman et al. 2020", src/references.ts) and the first use of every glossary term
 * (src/glossary.ts) through src/linkText.ts. Every story cites at least one paper.
 */
import type { LinkState } from './link/params';

export type StoryId = Exclude<LinkState['story'], 'none'>;

export interface StoryStep {
  /** a canonical share link (query string starting with `?v=1`) */
  link: string;
  /** what to look at and which theorem it illustrates, 2–4 sentences of plain text */
  text: string;
}

export interface Story {
  id: StoryId;
  title: string;
  steps: readonly StoryStep[];
}

export const STORIES: readonly Story[] = [
  {
    id: 'a',
    title: 'NTK and a fitted Laplace kernel on the circle',
    steps: [
      {
        link: '?v=1&kernels=ntk(L=2)&d=2&fit=1',
        text:
          'On the circle (d = 2), the NTK of a ReLU network with two hidden layers is drawn solid and the least-squares Laplace kernel exp(−c‖x−z‖) dashed, with c ≈ 0.95. ' +
          'Over every angle the two curves differ by about 0.08 (rms). ' +
          'This closeness is the starting point of Geifman et al. 2020: on the sphere the NTK behaves like a Laplace kernel.',
      },
      {
        link: '?v=1&kernels=ntk(L=2)&d=2&zoom=5&fit=1',
        text:
          'Zoom on θ from 0° to 5°: both kernels fall off linearly in θ, the NTK to 0.969 and the fitted Laplace kernel to 0.921 at 5°, a cusp at x = z where a smooth kernel would be flat. ' +
          'The cusp is what fixes how fast the eigenvalues decay, so the same kind of cusp promises the same rate (Bietti & Bach 2021).',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace(c=0.9475)&d=2&fit=1&panel=spectrum',
        text:
          'The spectrum of the NTK and of the fitted Laplace kernel: on the circle the eigenvalues λ_k are Fourier coefficients. ' +
          'Both decay like k^−2 = k^−d (fitted slopes −2.00 over k ∈ [100, 200]; see the theorem card). ' +
          'The same decay rate means the same RKHS, the main theorem of Geifman et al. 2020.',
      },
    ],
  },
  {
    id: 'b',
    title: 'The same decay k^−d for d = 2, 3 and 5',
    steps: [
      {
        link: '?v=1&kernels=ntk(L=2),laplace&d=2&panel=spectrum',
        text:
          'NTK and Laplace eigenvalues on the circle, log–log: both lines are parallel to the dashed reference k^−2. ' +
          'The fitted slopes are −2.00 for both kernels (Geifman et al. 2020: λ_k ≍ k^−d on S^(d−1)).',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace&panel=spectrum',
        text:
          'On the ordinary sphere S² (d = 3) the rate is k^−3 for both kernels: fitted slopes −2.99. ' +
          'The constants differ, the exponent does not, and the exponent alone decides which functions are in the RKHS (Geifman et al. 2020).',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace&d=5&panel=spectrum',
        text:
          'At d = 5 both decay like k^−5; the fitted slopes, −4.95, sit slightly above −5. ' +
          'That gap is finite-k bias: the rate is asymptotic and shows only for k much larger than d, so the fit approaches it from above. ' +
          'Try a larger k max to watch the gap shrink, until the smallest eigenvalues reach the accuracy floor.',
      },
    ],
  },
  {
    id: 'c',
    title: 'Odd eigenvalues: the bias-free one-hidden-layer NTK loses them, bias or depth restores them',
    steps: [
      {
        link: '?v=1&kernels=ntk&panel=spectrum',
        text:
          'The NTK of a one-hidden-layer ReLU network without bias, at d = 3: every odd eigenvalue from k = 3 on is exactly zero, so those degrees are marked on the strip under the plot. ' +
          'Its RKHS misses every odd harmonic of degree 3 or more, so it is not the Laplace RKHS (Bietti & Mairal 2019). ' +
          'The even eigenvalues still decay like k^−3, and the tail fit uses them only.',
      },
      {
        link: '?v=1&kernels=ntk,ntk(beta=1)&parity=odd&panel=spectrum',
        text:
          'Odd degrees only. With a bias (β = 1) the odd eigenvalues come back and decay like k^−3 too (fitted slope −2.99). ' +
          'This is the network of Geifman et al. 2020, whose NTK has exactly the Laplace RKHS.',
      },
      {
        link: '?v=1&kernels=ntk,ntk(beta=1),ntk(L=2)&parity=odd&panel=spectrum',
        text:
          'Depth restores them as well: with two hidden layers and no bias the odd eigenvalues are non-zero and decay at the same rate. ' +
          'From two hidden layers on, with or without bias, the NTK and the Laplace kernel share their RKHS (Bietti & Bach 2021; Chen & Xu 2021).',
      },
    ],
  },
  {
    id: 'd',
    title: 'Deep equals shallow: depth changes constants, not the rate',
    steps: [
      {
        link: '?v=1&kernels=ntk,ntk(L=2),ntk(L=4),ntk(L=8)',
        text:
          'NTKs with 1, 2, 4 and 8 hidden layers, each divided by its value at θ = 0. ' +
          'Deeper kernels drop faster near θ = 0 and stay higher at large angles: depth visibly changes the shape.',
      },
      {
        link: '?v=1&kernels=ntk,ntk(L=2),ntk(L=4),ntk(L=8)&panel=spectrum',
        text:
          'Their eigenvalues are parallel lines on the log–log plot: every fitted slope is −2.99, for the rate k^−3 at d = 3. ' +
          'Depth moves the lines up or down, a change of constants and never of the rate (Bietti & Bach 2021; Chen & Xu 2021).',
      },
      {
        link: '?v=1&kernels=ntk,ntk(L=2),ntk(L=4),ntk(L=8)&y=ratio&ra=4&panel=spectrum',
        text:
          'The ratio λ_k(8 layers)/λ_k(2 layers) stops changing as k grows, but at two levels, the two plateaus of the chart: about 3.43 at even k and 4.79 at odd k. ' +
          'Either way the eigenvalues stay within constant factors of each other, which gives the same RKHS with equivalent norms: in the kernel regime a deep ReLU network learns the same function space as a shallow one (Bietti & Bach 2021).',
      },
    ],
  },
  {
    id: 'e',
    title: 'γ-exponential kernels: smaller γ, slower decay, larger RKHS',
    steps: [
      {
        link: '?v=1&kernels=gexp(gamma=0.5),laplace,gexp,gauss&zoom=30',
        text:
          'The kernels exp(−c‖x−z‖^γ) for γ = 0.5, 1 (Laplace), 1.5 and 2 (Gaussian), on θ from 0° to 30°. ' +
          'The smaller γ, the sharper the peak at θ = 0: for γ < 1 the slope there is infinite, while the Gaussian is smooth.',
      },
      {
        link: '?v=1&kernels=gexp(gamma=0.5),laplace,gexp,gauss&panel=spectrum',
        text:
          'Their eigenvalues decay like k^−(d−1+γ) (Geifman et al. 2020): fitted slopes −2.45, −2.99 and −3.49 against −2.5, −3 and −3.5 at d = 3. ' +
          'The Gaussian decays faster than any power; from k = 17 on its eigenvalues are below the accuracy floor.',
      },
      {
        link: '?v=1&kernels=gexp(gamma=0.5),laplace,gexp,gauss&y=ratio&panel=spectrum',
        text:
          'The ratio λ_k(γ = 0.5)/λ_k(Laplace) keeps growing, from 1.26 at k = 10 to 6.92 at k = 200, like k^0.5 (the fitted slopes differ by 0.54). ' +
          'Slower decay means a larger RKHS: the RKHS of γ = 0.5 strictly contains the Laplace RKHS, which strictly contains that of γ = 1.5 (Chen & Xu 2021).',
      },
      {
        link: '?v=1&kernels=laplace,ntk(L=2),matern,matern(nu=2.5),gauss&panel=spectrum',
        text:
          'The Sobolev ladder at d = 3, from rough to smooth: Laplace and the NTK share the bottom rung, then come the Matérn kernels with ν = 3/2 and 5/2, then the Gaussian. ' +
          'Each step up in ν adds two powers of k, λ_k ~ k^−(d−1+2ν): fitted slopes −2.99, −2.99, −4.98 and −6.98 against −3, −3, −5 and −7, so each RKHS, the Sobolev space H^(ν+(d−1)/2), is strictly inside the one below it (Borovitskiy et al. 2020). ' +
          'The Gaussian, smoother than every Matérn kernel, decays faster than any power; from k = 17 on its eigenvalues are below the accuracy floor.',
      },
    ],
  },
  {
    id: 'f',
    title: 'Off the sphere: the kernels differ; homogeneous Laplace and normalized data close the gap',
    steps: [
      {
        link: '?v=1&kernels=ntk(L=2),laplace&panel=offsphere',
        text:
          'Off the sphere the NTK and the Laplace kernel are different functions. ' +
          'The bias-free NTK is homogeneous, k(ax, z) = a·k(x, z) for a > 0, so it grows along rays from the origin, while the Laplace kernel decays with the distance ‖x − z‖. ' +
          'On random points whose norms spread over [1/4, 4] their Gram matrices are far apart (normalized distance D ≈ 1.2), although on the sphere they are close (D ≈ 0.16).',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace&zn=2&panel=offsphere',
        text:
          'Move z off the unit circle to ‖z‖ = 2. ' +
          'The NTK map keeps its picture, but its colour bar (each map has its own) now ends at 5.02 instead of 2.51: by homogeneity in z the map is the previous one times 2, and along the ray its line is twice as steep, reaching 4 at r = 2. ' +
          'The Laplace map changes shape: its peak moves out with z, and on the unit circle along the ray it is down to 0.368 from 1. ' +
          'The theorem of Geifman et al. 2020 is about the sphere only, and says nothing here.',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace(hom=1)&panel=offsphere',
        text:
          'The homogeneous Laplace kernel ‖x‖‖z‖·exp(−c‖x̂ − ẑ‖) (hom = 1) equals the Laplace kernel on the sphere and scales like the NTK off it. ' +
          'On the same raw points its Gram matrix is now as close to the NTK’s as on the sphere (D ≈ 0.16): the gap came from the norms, not from the directions.',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace&spread=1&panel=offsphere',
        text:
          'Normalized data close the gap too: with spread s = 1 every point lies on the sphere, and the plain Laplace kernel is as close to the NTK as the spherical theory says (D ≈ 0.16). ' +
          'This is why the equivalence is stated for data on the sphere, and why normalizing the inputs matters in practice.',
      },
    ],
  },
  {
    id: 'g',
    title: 'What “the same RKHS” looks like: random functions, regression, learning order',
    steps: [
      {
        link: '?v=1&panel=samples',
        text:
          'One random function per kernel, drawn from its Gaussian process with the same random numbers for every kernel, so the pictures differ only through the eigenvalues. ' +
          'The NTK’s function is visibly smoother than the Laplace kernel’s although both λ_k decay like k^−3 on S²: from k = 10 on the NTK’s eigenvalues are only 0.27 to 0.40 times Laplace’s, so degrees 8 and above carry on average 6 % of its variance against 17 %. ' +
          'The γ = 0.5 kernel (k^−2.5) gives a rougher function (39 %), the Gaussian a smooth one (below 0.1 %). ' +
          'Press New sample or turn the globes: the NTK stays a little smoother than the Laplace kernel, with the same kind of detail.',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace(c=0.9475),gauss&ridge=0&panel=regression',
        text:
          'Kernel regression through ten points on the circle at ridge 0: every kernel interpolates the data. ' +
          'The NTK and the Laplace kernel fitted to it (c = 0.9475) give predictors that differ by at most 0.14 (11 % of the largest value, near θ = 129° between the points at 110° and 150°); both bend at every point and never leave the range of the two neighbouring values. ' +
          'The Gaussian’s curve has no kinks but overshoots: between 40° and 75° it dips 0.074 below both neighbours, and it peaks at 1.35, above the largest value 1.33. ' +
          'Click to add points and watch the NTK and Laplace curves move together.',
      },
      {
        link: '?v=1&kernels=ntk(L=2),laplace(c=0.9475),gauss&panel=learning',
        text:
          'Gradient flow on a target made of the harmonics of degrees 1, 2, 3, 4, 6 and 8: the degree-k part of the error decays like exp(−λ_k t) (Basri et al. 2019). ' +
          'All three kernels learn the degrees in the same order, but the time to learn degree 8 is about 7000 for the NTK, 3000 for the Laplace kernel and 2 million for the Gaussian: growth like k^3 against faster than any power. ' +
          'Press Play to watch the learned function approach the target.',
      },
      {
        link: '?v=1&kernels=ntk,ntk(L=2)&harm=8,9,10,11,12&t=20000&panel=learning',
        text:
          'Without bias, the one-hidden-layer NTK has no odd eigenvalues beyond k = 1: it never learns degrees 9 and 11 (Basri et al. 2019). ' +
          'With two hidden layers the odd degrees come back, but late: degree 9 is learned after degree 10, and 11 after 12 (Bietti & Bach 2021).',
      },
    ],
  },
  {
    id: 'h',
    title: 'The paper’s experiments: NTK, Laplace and γ-exponential kernels on real data',
    steps: [
      {
        link: '?v=1&contest=ntk,laplace&panel=realdata',
        text:
          'Each point is one of the 28 UCI data sets with at most 200 rows: an SVM with the NTK across, with the Laplace kernel up, each tuned on a validation split and tested on four folds as in Arora et al. 2020. ' +
          'The points hug the diagonal: mean accuracy 79.25 % for the NTK and 78.45 % for Laplace, the NTK ahead on 11 data sets, Laplace on 10, 7 ties (Wilcoxon p = 0.89). ' +
          'This is the third claim of Geifman et al. 2020: on real data the two kernels perform almost identically.',
      },
      {
        link: '?v=1&contest=ntk,laplace&prep=sphere&panel=realdata',
        text:
          'Now every row is divided by its norm, so the data lie on the sphere, where NTK and Laplace are both functions of the angle and have the same eigenfunctions. ' +
          'The gap shrinks to 78.93 % against 78.76 % (0.16 points; 7 wins, 11 ties, 10 losses; p = 0.91). ' +
          'Properly normalized data is the setting of the theorem, and there the difference is noise.',
      },
      {
        link: '?v=1&pair=laplace,gexp&panel=realdata',
        text:
          'Back to the data as distributed, with the γ-exponential kernels exp(−c‖x−z‖^γ) (γ = 0.5 or 1.5, chosen per data set) and the Gaussian added. ' +
          'Mean accuracies: NTK 79.25 %, γ-exponential 78.98 %, Laplace 78.45 %, Gaussian 78.34 %; Friedman ranks 2.43 to 2.57 out of 4. ' +
          'No pair differs significantly (every Wilcoxon p ≥ 0.26): a whole family of kernels with similar spectra performs alike.',
      },
    ],
  },
  {
    id: 'i',
    title: 'A real network’s kernel: finite width against the formula',
    steps: [
      {
        link: '?v=1&kernels=ntk&m=16&panel=width',
        text:
          'Eight random ReLU networks with one hidden layer of width 16, Gaussian weights: their tangent kernels Θ(x, z), x at the north pole and z at angle θ, drawn against the NTK formula (dashed) of Jacot et al. 2018. ' +
          'At θ = 90° the formula gives 0.159, the networks 0.106 ± 0.086: a single narrow network misses the formula by 43 % (RMS over the angle).',
      },
      {
        link: '?v=1&kernels=ntk&m=4096&panel=width',
        text:
          'The same eight networks 256 times wider: at θ = 90° they give 0.162 ± 0.006 against 0.159, and the band has closed on the formula (error 2.2 %). ' +
          'This is the infinite-width limit every other view draws, reached by real, finite networks.',
      },
      {
        link: '?v=1&kernels=ntk&m=16&init=orthogonal&panel=width',
        text:
          'Orthogonal weights (scaled Haar-random matrices) have the same limit (Huang et al. 2021). ' +
          'Below, the error against the width on log–log axes falls along m^−1/2 for both: fitted slopes −0.49 for Gaussian and −0.59 for orthogonal weights. ' +
          'A 1 % error needs a wide network: about 49000 units with Gaussian weights and 8300 with orthogonal ones, extrapolated from the fit.',
      },
    ],
  },
  {
    id: 'j',
    title: 'Lazy training: a wide network learns what its kernel predicts',
    steps: [
      {
        link: '?v=1&kernels=ntk&pts=0:1;90:-0.5;180:0.8;270:-1&panel=training',
        text:
          'Four points on the circle and ReLU networks with one hidden layer, widths 16 to 1024, trained by 300 gradient steps from the antisymmetric initialization, which starts every network at f = 0 (Zhang et al. 2020); dashed, the linearized network, which trains with the NTK formula. ' +
          'The widest network ends 0.029 (RMS) from it, the narrowest 0.16 away. ' +
          'Against the width the distance falls with fitted slopes −0.39 for Gaussian and −0.49 for orthogonal weights, near the m^−1/2 of lazy training (Lee et al. 2019; Chizat et al. 2019).',
      },
      {
        link: '?v=1&kernels=ntk&pts=0:1;90:-0.5;180:0.8;270:-1&widths=8,1024&eta=0.95&steps=30&panel=training',
        text:
          'A large step, eta = 0.95 of the largest stable one, for 30 steps; widths 8 and 1024, loss against the step. ' +
          'The narrow orthogonal network’s loss jumps to 5.4 at step 7, above where it started, before it falls far below the kernel’s: its kernel moves by 66 %, it is not lazy; the narrow Gaussian one ends at about 0.004. ' +
          'At width 1024 the kernels move by 0.56 % (Gaussian) and 0.29 % (orthogonal): there the initialization no longer matters (Huang et al. 2021).',
      },
    ],
  },
  {
    id: 'k',
    title: 'Sequences of different lengths: the recurrent NTK compares their ends',
    steps: [
      {
        link: '?v=1&sw=1&panel=sequences',
        text:
          'Six sine waves, drawn aligned at their last step: x₁ has 32 steps, x₂ has 96, and their last 32 values are the same wave. ' +
          'The recurrent NTK (Alemohammad et al. 2021) runs its recursion along the steps counted from the end, so sequences of different lengths compare by their ends. ' +
          'With σ_w = 1 each step back weighs χ = 0.5 times the one after it: the kernel forgets the start, and the normalized kernel of x₁ and x₂ is 1.000; it cannot tell them apart.',
      },
      {
        link: '?v=1&panel=sequences',
        text:
          'At σ_w = √2, the critical value for ReLU, χ = 1: the dependence on a step no longer fades with its distance from the end (the chart of how the kernel weights time). ' +
          'Now the 64 earlier steps of x₂ count, and the normalized kernel of x₁ and x₂ drops to 0.23. ' +
          'σ_w decides how far back the kernel looks.',
      },
      {
        link: '?v=1&sw=1.5&panel=sequences',
        text:
          'Above the critical value, σ_w = 1.5 and χ = 1.125: each step back weighs more than the one after it, so the 64 steps x₁ lacks dominate x₂, and their normalized kernel is 0.14. ' +
          'The bars also show finite RNNs of width 512, and here they miss: their normalized kernels come out near twice the recursion’s, with a spread as large as the values, because above the critical value a finite network’s fluctuations grow with every step. ' +
          'ReLU variances grow like (σ_w²/2)^T here, which is why the link stops σ_w at 2.',
      },
    ],
  },
];
