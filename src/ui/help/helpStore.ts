/**
 * Which entry of the help dialog (glossary and references) is open, if any: view state of the page, not of
 * the link (a shared link never opens the dialog).
 */
import { create } from 'zustand';

interface HelpState {
  /** the anchor of the entry shown (`glossary-rkhs`, `ref-geifman2020`, or a section), null when closed */
  entry: string | null;
  openHelp(entry: string): void;
  closeHelp(): void;
}

export const useHelp = create<HelpState>((set) => ({
  entry: null,
  openHelp: (entry) => set({ entry }),
  closeHelp: () => set({ entry: null }),
}));
