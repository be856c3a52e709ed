/**
 * src/state/urlSync.ts against a fake address bar and history: one entry per committed change, a drag
 * pushes once and then replaces, in order, although the history calls are made after the change's frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../src/state/store';
import { startUrlSync } from '../../src/state/urlSync';

/** A browser's session history and address bar, reduced to what urlSync uses. */
function fakeBrowser(search: string) {
  const listeners = new Map<string, Set<() => void>>();
  const on = (type: string, fn: () => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(fn);
  };
  const off = (type: string, fn: () => void) => listeners.get(type)?.delete(fn);
  const location = { origin: 'https://example.org', pathname: '/ntk/', hash: '', search };
  const entries = [search];
  let index = 0;
  const queryOf = (url: string) => url.slice(url.indexOf('?'));
  const history = {
    pushState: vi.fn((_: unknown, __: string, url: string) => {
      entries.splice(index + 1, Infinity, queryOf(url));
      index++;
      location.search = queryOf(url);
    }),
    replaceState: vi.fn((_: unknown, __: string, url: string) => {
      entries[index] = queryOf(url);
      location.search = queryOf(url);
    }),
  };
  const go = (by: number) => {
    index += by;
    location.search = entries[index]!;
    for (const fn of listeners.get('popstate') ?? []) fn();
  };
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('window', { addEventListener: on, removeEventListener: off });
  vi.stubGlobal('document', { addEventListener: on, removeEventListener: off, visibilityState: 'visible' });
  // frames every 16 ms on the fake clock
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 16) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  return { entries: () => entries.slice(), index: () => index, location, history, go };
}

const L = (n: number) => `?v=1&kernels=ntk(L=${n}),laplace`;
const setL = (n: number, commit = true) => useStore.getState().setKernelParam(0, 'L', n, commit);

let stop: () => void = () => {};
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('urlSync', () => {
  it('writes nothing inside the change, and one entry per committed change just after the next frame', () => {
    const browser = fakeBrowser(L(3));
    stop = startUrlSync();
    browser.history.pushState.mockClear();
    setL(4);
    expect(browser.history.pushState).not.toHaveBeenCalled();
    expect(browser.location.search).toBe(L(3));
    vi.advanceTimersByTime(17);
    expect(browser.entries()).toEqual([L(3), L(4)]);
  });

  it('where the browser has idle callbacks, the entry is written when the page is idle, at the latest after 120 ms', () => {
    const browser = fakeBrowser(L(3));
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => {});
    stop = startUrlSync();
    setL(4);
    vi.advanceTimersByTime(17);
    expect(browser.entries()).toEqual([L(3)]);
    idle.shift()!();
    expect(browser.entries()).toEqual([L(3), L(4)]);
    setL(5);
    vi.advanceTimersByTime(120); // never idle: the timer writes it
    expect(browser.entries()).toEqual([L(3), L(4), L(5)]);
  });

  it('changes faster than history is written still make one entry each, in order', () => {
    const browser = fakeBrowser(L(3));
    stop = startUrlSync();
    setL(4);
    setL(5);
    setL(6);
    vi.advanceTimersByTime(200);
    expect(browser.entries()).toEqual([L(3), L(4), L(5), L(6)]);
    browser.go(-1);
    expect(useStore.getState().kernels[0]!.params.L).toBe(5);
  });

  it('a drag pushes one entry and replaces it, even when it passes its start value again', () => {
    const browser = fakeBrowser(L(3));
    stop = startUrlSync();
    setL(4, false);
    setL(3, false); // pointer jitter: back at the start before the entry is written
    vi.advanceTimersByTime(200);
    setL(5, false);
    setL(6, false);
    useStore.getState().commit();
    vi.advanceTimersByTime(200);
    expect(browser.entries()).toEqual([L(3), L(6)]);
    expect(browser.history.replaceState.mock.calls.length).toBeLessThanOrEqual(3); // throttled
  });

  it('a link opened from the address replaces the entry and pushes none; Back reopens the entry', () => {
    const browser = fakeBrowser('?v=1&kernels=ntk(L=3),laplace&d=0');
    stop = startUrlSync(); // d=0 is repaired to the minimum: the address is rewritten, not pushed
    expect(browser.entries()).toEqual(['?v=1&kernels=ntk(L=3),laplace&d=2']);
    setL(7);
    vi.advanceTimersByTime(17);
    browser.go(-1);
    expect(useStore.getState().kernels[0]!.params.L).toBe(3);
    vi.advanceTimersByTime(200);
    expect(browser.entries()).toEqual(['?v=1&kernels=ntk(L=3),laplace&d=2', '?v=1&kernels=ntk(L=7),laplace&d=2']);
    expect(browser.index()).toBe(0);
  });

  it('leaving the page writes what is pending', () => {
    const browser = fakeBrowser(L(3));
    stop = startUrlSync();
    setL(8);
    stop();
    stop = () => {};
    expect(browser.entries()).toEqual([L(3), L(8)]);
  });
});
