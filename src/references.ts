/**
 * The papers the app cites (README "References and glossary"): one entry per work, used by the stories, the
 * theorem card, the panel notes and the References section of the help dialog. A text cites a work by its
 * `cite` form ("Geifman et al. 2020", also "Geifman et al. (2020)"); src/linkText.ts turns every such
 * citation into a link to `url`. Titles, venues and arXiv numbers as in docs/math.md §References and
 * /work/shared/spec (checked against arXiv and the proceedings).
 */

export interface Reference {
  /** how texts cite it: authors (up to two names, else "First et al.") and year */
  cite: string;
  /** all authors, as the paper lists them */
  authors: string;
  year: number;
  title: string;
  venue: string;
  /** where to read it: the arXiv abstract page, or the journal's page */
  url: string;
  /** the published version, where it is not `url` */
  proceedings?: string;
}

export const REFERENCES = {
  geifman2020: {
    cite: 'Geifman et al. 2020',
    authors: 'Amnon Geifman, Abhay Yadav, Yoni Kasten, Meirav Galun, David Jacobs, Ronen Basri',
    year: 2020,
    title: 'On the Similarity between the Laplace and Neural Tangent Kernels',
    venue: 'NeurIPS 2020',
    url: 'https://arxiv.org/abs/2007.01580',
    proceedings: 'https://proceedings.neurips.cc/paper/2020/hash/1006ff12c465532f8c574aeaa4461b16-Abstract.html',
  },
  bietti2019: {
    cite: 'Bietti & Mairal 2019',
    authors: 'Alberto Bietti, Julien Mairal',
    year: 2019,
    title: 'On the Inductive Bias of Neural Tangent Kernels',
    venue: 'NeurIPS 2019',
    url: 'https://arxiv.org/abs/1905.12173',
    proceedings: 'https://proceedings.neurips.cc/paper/2019/hash/c4ef9c39b300931b69a36fb3dbb8d60e-Abstract.html',
  },
  bietti2021: {
    cite: 'Bietti & Bach 2021',
    authors: 'Alberto Bietti, Francis Bach',
    year: 2021,
    title: 'Deep Equals Shallow for ReLU Networks in Kernel Regimes',
    venue: 'ICLR 2021',
    url: 'https://arxiv.org/abs/2009.14397',
  },
  chen2021: {
    cite: 'Chen & Xu 2021',
    authors: 'Lin Chen, Sheng Xu',
    year: 2021,
    title: 'Deep Neural Tangent Kernel and Laplace Kernel Have the Same RKHS',
    venue: 'ICLR 2021',
    url: 'https://arxiv.org/abs/2009.10683',
  },
  jacot2018: {
    cite: 'Jacot et al. 2018',
    authors: 'Arthur Jacot, Franck Gabriel, Clément Hongler',
    year: 2018,
    title: 'Neural Tangent Kernel: Convergence and Generalization in Neural Networks',
    venue: 'NeurIPS 2018',
    url: 'https://arxiv.org/abs/1806.07572',
  },
  arora2019: {
    cite: 'Arora et al. 2019',
    authors: 'Sanjeev Arora, Simon S. Du, Wei Hu, Zhiyuan Li, Ruslan Salakhutdinov, Ruosong Wang',
    year: 2019,
    title: 'On Exact Computation with an Infinitely Wide Neural Net',
    venue: 'NeurIPS 2019',
    url: 'https://arxiv.org/abs/1904.11955',
  },
  arora2020: {
    cite: 'Arora et al. 2020',
    authors: 'Sanjeev Arora, Simon S. Du, Zhiyuan Li, Ruslan Salakhutdinov, Ruosong Wang, Dingli Yu',
    year: 2020,
    title: 'Harnessing the Power of Infinitely Wide Deep Nets on Small-data Tasks',
    venue: 'ICLR 2020',
    url: 'https://arxiv.org/abs/1910.01663',
  },
  basri2019: {
    cite: 'Basri et al. 2019',
    authors: 'Ronen Basri, David Jacobs, Yoni Kasten, Shira Kritchman',
    year: 2019,
    title: 'The Convergence Rate of Neural Networks for Learned Functions of Different Frequencies',
    venue: 'NeurIPS 2019',
    url: 'https://arxiv.org/abs/1906.00425',
  },
  huang2021: {
    cite: 'Huang et al. 2021',
    authors: 'Wei Huang, Weitao Du, Richard Yi Da Xu',
    year: 2021,
    title: 'On the Neural Tangent Kernel of Deep Networks with Orthogonal Initialization',
    venue: 'IJCAI 2021',
    url: 'https://arxiv.org/abs/2004.05867',
    proceedings: 'https://www.ijcai.org/proceedings/2021/355',
  },
  zandieh2021: {
    cite: 'Zandieh et al. 2021',
    authors: 'Amir Zandieh, Insu Han, Haim Avron, Neta Shoham, Chaewon Kim, Jinwoo Shin',
    year: 2021,
    title: 'Scaling Neural Tangent Kernels via Sketching and Random Features',
    venue: 'NeurIPS 2021',
    url: 'https://arxiv.org/abs/2106.07880',
  },
  ahle2020: {
    cite: 'Ahle et al. 2020',
    authors:
      'Thomas D. Ahle, Michael Kapralov, Jakob B. T. Knudsen, Rasmus Pagh, Ameya Velingker, David P. Woodruff, Amir Zandieh',
    year: 2020,
    title: 'Oblivious Sketching of High-Degree Polynomial Kernels',
    venue: 'SODA 2020',
    url: 'https://arxiv.org/abs/1909.01410',
  },
  alemohammad2021: {
    cite: 'Alemohammad et al. 2021',
    authors: 'Sina Alemohammad, Zichao Wang, Randall Balestriero, Richard G. Baraniuk',
    year: 2021,
    title: 'The Recurrent Neural Tangent Kernel',
    venue: 'ICLR 2021',
    url: 'https://arxiv.org/abs/2006.10246',
  },
  lee2019: {
    cite: 'Lee et al. 2019',
    authors:
      'Jaehoon Lee, Lechao Xiao, Samuel S. Schoenholz, Yasaman Bahri, Roman Novak, Jascha Sohl-Dickstein, Jeffrey Pennington',
    year: 2019,
    title: 'Wide Neural Networks of Any Depth Evolve as Linear Models Under Gradient Descent',
    venue: 'NeurIPS 2019',
    url: 'https://arxiv.org/abs/1902.06720',
  },
  chizat2019: {
    cite: 'Chizat et al. 2019',
    authors: 'Lénaïc Chizat, Edouard Oyallon, Francis Bach',
    year: 2019,
    title: 'On Lazy Training in Differentiable Programming',
    venue: 'NeurIPS 2019',
    url: 'https://arxiv.org/abs/1812.07956',
  },
  zhang2020: {
    cite: 'Zhang et al. 2020',
    authors: 'Yaoyu Zhang, Zhi-Qin John Xu, Tao Luo, Zheng Ma',
    year: 2020,
    title: 'A Type of Generalization Error Induced by Initialization in Deep Neural Networks',
    venue: 'MSML 2020 (PMLR 107)',
    url: 'https://arxiv.org/abs/1905.07777',
  },
  borovitskiy2020: {
    cite: 'Borovitskiy et al. 2020',
    authors: 'Viacheslav Borovitskiy, Alexander Terenin, Peter Mostowsky, Marc Peter Deisenroth',
    year: 2020,
    title: 'Matérn Gaussian Processes on Riemannian Manifolds',
    venue: 'NeurIPS 2020',
    url: 'https://arxiv.org/abs/2006.10160',
  },
  fernandez2014: {
    cite: 'Fernández-Delgado et al. 2014',
    authors: 'Manuel Fernández-Delgado, Eva Cernadas, Senén Barro, Dinani Amorim',
    year: 2014,
    title: 'Do we Need Hundreds of Classifiers to Solve Real World Classification Problems?',
    venue: 'Journal of Machine Learning Research 15 (2014), 3133–3181',
    url: 'https://jmlr.org/papers/v15/delgado14a.html',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceId = keyof typeof REFERENCES;

export const REFERENCE_IDS = Object.keys(REFERENCES) as ReferenceId[];

/** The anchor of a reference in the help dialog. */
export const referenceAnchor = (id: ReferenceId) => `ref-${id}`;

/** One line of a reference list: "A. Author, B. Author (2020). Title. Venue." */
export function referenceText(id: ReferenceId): string {
  const r: Reference = REFERENCES[id];
  return `${r.authors} (${r.year}). ${r.title}. ${r.venue}.`;
}
