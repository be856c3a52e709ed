/**
 * Stories (src/stories.ts) and how the app steps through them (src/ui/app/storyNavigation.ts): every step is
 * a canonical link that needs no repair, the texts have the promised length, and the state of a step,
 * "modified" and closing follow README "Stories".
 */
import { describe, expect, it } from 'vitest';
import { GLOBAL_PARAMS, defaultState, parseLink, serializeLink } from '../../src/link';
import { withStoryStep } from '../../src/state/storyView';
import { STORIES } from '../../src/stories';
import { openStepOf, stepState, withoutStory } from '../../src/ui/app/storyNavigation';

const steps = STORIES.flatMap((story) => story.steps.map((step, i) => ({ story, step, i })));
const stateOf = (link: string) => parseLink(link).state;

/** Sentences end in . ! or ? followed by a space and a capital letter, or by the end of the text. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');

describe('story data', () => {
  it('has the stories a–k, exactly the words of the `story` link parameter besides none', () => {
    const spec = GLOBAL_PARAMS.find((p) => p.key === 'story')!;
    expect(spec.kind).toBe('choice');
    const words = spec.kind === 'choice' ? spec.options.map((o) => o.value) : [];
    expect(words).toEqual(['none', ...STORIES.map((s) => s.id)]);
    expect(STORIES.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
  });

  it('every story has between 1 and `step`’s maximum of steps, and a title', () => {
    const stepSpec = GLOBAL_PARAMS.find((p) => p.key === 'step')!;
    const max = stepSpec.kind === 'number' ? stepSpec.max : 0;
    for (const story of STORIES) {
      expect(story.title.length).toBeGreaterThan(10);
      expect(story.steps.length).toBeGreaterThanOrEqual(1);
      expect(story.steps.length).toBeLessThanOrEqual(max);
    }
  });

  it.each(steps.map(({ story, step, i }) => [`${story.id}${i + 1}`, step.link]))(
    'step %s: canonical and needs no repair',
    (_, link) => {
      const { state, repairs } = parseLink(link);
      expect(repairs).toEqual([]);
      expect(serializeLink(state)).toBe(link);
    },
  );

  it('step links leave story, step, presentation and embedding to the app', () => {
    const defaults = defaultState();
    for (const { step } of steps) {
      const s = stateOf(step.link);
      expect([s.story, s.step, s.present, s.embed]).toEqual([
        defaults.story,
        defaults.step,
        defaults.present,
        defaults.embed,
      ]);
    }
  });

  it('step texts have 2 to 4 sentences', () => {
    for (const { story, step, i } of steps) {
      const n = sentences(step.text).length;
      expect(n, `${story.id}${i + 1}: ${step.text}`).toBeGreaterThanOrEqual(2);
      expect(n, `${story.id}${i + 1}: ${step.text}`).toBeLessThanOrEqual(4);
    }
  });

  it('each story shows what its title promises', () => {
    const states = (id: string) => STORIES.find((s) => s.id === id)!.steps.map((step) => stateOf(step.link));
    const kernels = (id: string) =>
      states(id).map((s) => s.kernels.map((k) => `${k.family}:${k.params.L ?? ''}:${k.params.beta ?? ''}`));
    // a: on the circle, with a Laplace fit
    expect(states('a').every((s) => s.d === 2 && s.fit === 1)).toBe(true);
    // b: one step per dimension 2, 3, 5, on the spectrum
    expect(states('b').map((s) => s.d)).toEqual([2, 3, 5]);
    expect(states('b').every((s) => s.panel === 'spectrum')).toBe(true);
    // c: the bias-free one-hidden-layer NTK, then with a bias, then deeper
    expect(kernels('c').at(-1)).toEqual(['ntk:1:0', 'ntk:1:1', 'ntk:2:0']);
    // d: depths 1 to 8
    expect(states('d').every((s) => s.kernels.map((k) => k.params.L).join() === '1,2,4,8')).toBe(true);
    // e: γ-exponential kernels with γ below and above 1
    const gammas = states('e')[0]
      .kernels.filter((k) => k.family === 'gexp')
      .map((k) => k.params.gamma);
    expect(gammas).toEqual([0.5, 1.5]);
    // f: off the sphere; homogeneous Laplace and normalized data (spread 1) appear
    expect(states('f').every((s) => s.panel === 'offsphere')).toBe(true);
    expect(states('f').some((s) => s.kernels.some((k) => k.family === 'laplace' && k.params.hom === 1))).toBe(true);
    expect(states('f').some((s) => s.spread === 1)).toBe(true);
    expect(states('g').map((s) => s.panel)).toEqual(['samples', 'regression', 'learning', 'learning']);
  });
});

describe('stepping through a story', () => {
  const b = STORIES.find((s) => s.id === 'b')!;

  it('no story, no step', () => {
    expect(openStepOf(defaultState())).toBeNull();
  });

  it('a step is its link plus story and step; presentation and embed mode are kept', () => {
    const current = { ...defaultState(), present: 1, embed: 1, d: 40 };
    const s = stepState(current, b, 2);
    expect(b.steps[2].link).toBe('?v=1&kernels=ntk(L=2),laplace&d=5&panel=spectrum');
    expect(serializeLink(s)).toBe('?v=1&kernels=ntk(L=2),laplace&d=5&story=b&step=3&present=1&panel=spectrum&embed=1');
    const open = openStepOf(s)!;
    expect([open.story.id, open.index, open.modified]).toEqual(['b', 2, false]);
  });

  it('a step beyond the story’s length is its last step', () => {
    const open = openStepOf({ ...stateOf(b.steps[2].link), story: 'b', step: 20 })!;
    expect(open.index).toBe(b.steps.length - 1);
    expect(open.modified).toBe(false);
  });

  it('changing a parameter marks the step modified; switching the panel shown does not', () => {
    const s = stepState(defaultState(), b, 0);
    expect(openStepOf({ ...s, kmax: 400 })!.modified).toBe(true);
    expect(openStepOf({ ...s, kernels: s.kernels.slice(0, 1) })!.modified).toBe(true);
    expect(openStepOf({ ...s, panel: 'offsphere', present: 1 })!.modified).toBe(false);
  });

  it('closing the story keeps the view', () => {
    const s = { ...stepState(defaultState(), b, 1), kmax: 300 };
    const closed = withoutStory(s);
    expect(openStepOf(closed)).toBeNull();
    expect(serializeLink(closed)).toBe(serializeLink({ ...s, story: 'none', step: 1 }));
    expect(serializeLink(closed)).toContain('kmax=300');
  });
});

describe('short story links (README "Stories")', () => {
  it('a link with only v, story, step, present, embed, panel opens the step’s own view', () => {
    const b = STORIES.find((s) => s.id === 'b')!;
    const short = withStoryStep(parseLink('?story=b&step=2&present=1'));
    expect(short).toEqual({ ...parseLink(b.steps[1].link).state, story: 'b', step: 2, present: 1, embed: 0 });
    // an explicit panel is kept
    expect(withStoryStep(parseLink('?story=b&panel=profile')).panel).toBe('profile');
    // any other parameter: the link as written (a modified step)
    const modified = parseLink('?story=b&d=4');
    expect(withStoryStep(modified)).toBe(modified.state);
  });
});
