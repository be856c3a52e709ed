/**
 * The `figure` command (links.md §2), independent of the process so that tests can drive it in-process:
 *   figure [--panel profile|spectrum|offsphere|samples|regression|learning|realdata] [--format json|csv|svg]
 *          [--base <url>] [--threads N] [--data-file <csv>] [--cache <dir>] [--] '<link>'
 * (options before or after the link; after `--` everything is the link, even a string that starts with "--").
 * Standard output carries only the figure; repairs go to standard error, one line each (exit 0);
 * bad command-line options exit 2 with a one-line message and nothing on standard output. `--base <url>`
 * (an absolute http(s) URL, e.g. where the app is deployed) makes the CSV's first line and the SVG's link
 * the absolute link of the view; the JSON `link` stays the query string (links.ts).
 * `realdata` runs the protocol of docs/realdata.md on worker threads (the `runRealdata` of CommandIo), so
 * for it the command returns a promise; `--threads`, `--data-file` and `--cache` belong to it.
 */
import { parseLink, serializeLink, type LinkState } from '../link';
import type { RealdataSelection, RealdataTable } from '../realdata/selection';
import { FIGURE_FORMATS, FIGURE_PANELS, renderFigure, type FigureFormat } from './index';
import { baseProblem } from './links';
import { realdataFigureText } from './realdataFigure';

const PANEL_NAMES = [...Object.keys(FIGURE_PANELS), 'realdata'];
const FIGURE_USAGE = `usage: npm run -s figure -- '<link>' [--panel ${PANEL_NAMES.join('|')}] [--format ${FIGURE_FORMATS.join('|')}] [--base <url>] [--threads N] [--data-file <csv>] [--cache <dir>]`;

/** More worker threads than this only multiply memory (each holds a data set's kernel matrices). */
const MAX_THREADS = 64;

export interface RealdataOptions {
  /** worker threads; default the machine's cores */
  threads?: number;
  /** the CSV file of `data=custom` */
  dataFile?: string;
  /** a directory where each result is kept: a later run with the same cache computes only what is missing */
  cache?: string;
}

interface Options extends RealdataOptions {
  link: string;
  panel: string;
  format: FigureFormat;
  /** the app's address: CSV and SVG carry the absolute link (links.ts) */
  base?: string;
}

/** Reads the arguments; returns an error message for bad options. */
function readArguments(args: readonly string[]): Options | string {
  let link: string | undefined;
  let panel = 'profile';
  let format = 'json';
  let threads: number | undefined;
  let dataFile: string | undefined;
  let cache: string | undefined;
  let base: string | undefined;
  let optionsEnd = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--` ends the options (the usual convention): a link that starts with "--" comes after it
    const option = optionsEnd ? null : /^--(panel|format|base|threads|data-file|cache)(?:=(.*))?$/.exec(arg);
    if (!optionsEnd && arg === '--') {
      optionsEnd = true;
      continue;
    }
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined) return `option --${option[1]} needs a value`;
      if (option[1] === 'panel') panel = value;
      else if (option[1] === 'format') format = value;
      else if (option[1] === 'data-file') dataFile = value;
      else if (option[1] === 'cache') cache = value;
      else if (option[1] === 'base') base = value;
      else if (/^[1-9][0-9]?$/.test(value) && Number(value) <= MAX_THREADS) threads = Number(value);
      else return `--threads needs a whole number from 1 to ${MAX_THREADS}, not ${JSON.stringify(value)}`;
    } else if (!optionsEnd && arg.startsWith('--') && arg.length > 2) {
      return `unknown option ${arg} (a link that starts with "--" goes after a "--")`;
    } else if (link === undefined) {
      link = arg;
    } else {
      return `unexpected argument ${JSON.stringify(arg)} (only one link)`;
    }
  }
  if (link === undefined) return 'missing link';
  if (!PANEL_NAMES.includes(panel)) return `unknown panel "${panel}" (one of ${PANEL_NAMES.join(', ')})`;
  if (!(FIGURE_FORMATS as readonly string[]).includes(format))
    return `unknown format "${format}" (one of ${FIGURE_FORMATS.join(', ')})`;
  const badBase = base === undefined ? null : baseProblem(base);
  if (badBase) return badBase;
  if (panel !== 'realdata' && (threads !== undefined || dataFile !== undefined || cache !== undefined))
    return '--threads, --data-file and --cache belong to --panel realdata';
  return { link, panel, format: format as FigureFormat, base, threads, dataFile, cache };
}

/** A problem with what the command line names (e.g. an unusable --data-file): exit 2, like a bad option. */
export class UsageError extends Error {}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** runs the real-data protocol for a link (cli/realdataRun.ts); throws an Error whose message is for the user */
  runRealdata?(
    state: LinkState,
    options: RealdataOptions,
    err: (text: string) => void,
  ): Promise<{ selection: RealdataSelection; table: RealdataTable }>;
}

/** Runs the command; returns its exit code (a promise of it for the realdata panel). */
export function runFigureCommand(args: readonly string[], io: CommandIo): number | Promise<number> {
  const options = readArguments(args);
  if (typeof options === 'string') {
    io.err(`figure: ${options}. ${FIGURE_USAGE}\n`);
    return 2;
  }
  const { state, repairs } = parseLink(options.link);
  for (const r of repairs) io.err(`repair: ${r.param}: ${r.message}\n`);
  const link = serializeLink(state);
  if (options.panel !== 'realdata') {
    io.out(renderFigure(state, link, options.panel, options.format, options.base));
    return 0;
  }
  return realdataCommand(state, link, options, io);
}

async function realdataCommand(state: LinkState, link: string, options: Options, io: CommandIo): Promise<number> {
  if (state.data === 'custom' && options.dataFile === undefined) {
    io.err(`figure: the link says data=custom: name the CSV file with --data-file <csv>. ${FIGURE_USAGE}\n`);
    return 2;
  }
  if (state.data !== 'custom' && options.dataFile !== undefined) {
    io.err(`figure: --data-file needs data=custom in the link (it says data=${state.data}). ${FIGURE_USAGE}\n`);
    return 2;
  }
  if (!io.runRealdata) {
    io.err('figure: the realdata panel needs worker threads (run it with npm run -s figure)\n');
    return 1;
  }
  try {
    const { selection, table } = await io.runRealdata(state, options, io.err);
    io.out(realdataFigureText(selection, table, link, options.format, options.base));
    return 0;
  } catch (error) {
    io.err(`figure: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
