/**
 * A numeric or word-valued (choice) parameter of the link's global table (src/link/params.ts) as a control bound to the store:
 * its slider and field from the declared row, every change through `setGlobal` (one history entry per
 * committed change).
 */
import { controlSpec, type GlobalKey, type LinkState } from '../../link';
import { useStore } from '../../state/store';
import { ParamControl } from './ParamControl';

/** The global parameters whose value is a single number. */
export type NumericGlobalKey = { [K in GlobalKey]: LinkState[K] extends number ? K : never }[GlobalKey];
/** The global parameters whose value is one of a few words (a choice row, e.g. `act`; a list's value is any string). */
export type ChoiceGlobalKey = {
  [K in GlobalKey]: LinkState[K] extends string ? (string extends LinkState[K] ? never : K) : never;
}[GlobalKey];

interface GlobalParamProps {
  name: NumericGlobalKey | ChoiceGlobalKey;
  /** where the control sits, for its accessible name (e.g. "off-sphere view") */
  context: string;
  /** values an arrow key would select next (for computing them in advance) */
  onNeighbours?(values: readonly number[]): void;
}

export function GlobalParam({ name, context, onNeighbours }: GlobalParamProps) {
  const value = useStore((s) => s[name]);
  const { setGlobal, commit } = useStore.getState();
  return (
    <ParamControl
      spec={controlSpec(name)}
      value={value}
      context={context}
      onChange={(v, c) => setGlobal(name, v as LinkState[typeof name], c)}
      onCommit={commit}
      onNeighbours={onNeighbours}
    />
  );
}
