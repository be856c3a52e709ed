/**
 * The `figure` command (links.md §2), independent of the process so that tests can drive it in-process:
 *   figure [--panel profile|spectrum|offsphere|samples|regression|learning] [--format json|csv|svg] [--] '<link>'
 * (options before or after the link; after `--` everything is the link, even a string that starts with "--").
 * Standard output carries only the figure; repairs go to standard error, one line each (exit 0);
 * bad command-line options exit 2 with a one-line message and nothing on standard output.
 */
import { parseLink, serializeLink } from '../link';
import { FIGURE_FORMATS, FIGURE_PANELS, renderFigure, type FigureFormat } from './index';

const FIGURE_USAGE = `usage: npm run -s figure -- '<link>' [--panel ${Object.keys(FIGURE_PANELS).join('|')}] [--format ${FIGURE_FORMATS.join('|')}]`;

interface Options {
  link: string;
  panel: string;
  format: FigureFormat;
}

/** Reads the arguments; returns an error message for bad options. */
function readArguments(args: readonly string[]): Options | string {
  let link: string | undefined;
  let panel = 'profile';
  let format = 'json';
  let optionsEnd = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--` ends the options (the usual convention): a link that starts with "--" comes after it
    const option = optionsEnd ? null : /^--(panel|format)(?:=(.*))?$/.exec(arg);
    if (!optionsEnd && arg === '--') {
      optionsEnd = true;
      continue;
    }
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined) return `option --${option[1]} needs a value`;
      if (option[1] === 'panel') panel = value;
      else format = value;
    } else if (!optionsEnd && arg.startsWith('--') && arg.length > 2) {
      return `unknown option ${arg} (a link that starts with "--" goes after a "--")`;
    } else if (link === undefined) {
      link = arg;
    } else {
      return `unexpected argument ${JSON.stringify(arg)} (only one link)`;
    }
  }
  if (link === undefined) return 'missing link';
  if (!(panel in FIGURE_PANELS)) return `unknown panel "${panel}" (one of ${Object.keys(FIGURE_PANELS).join(', ')})`;
  if (!(FIGURE_FORMATS as readonly string[]).includes(format))
    return `unknown format "${format}" (one of ${FIGURE_FORMATS.join(', ')})`;
  return { link, panel, format: format as FigureFormat };
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the command; returns its exit code. */
export function runFigureCommand(args: readonly string[], io: CommandIo): number {
  const options = readArguments(args);
  if (typeof options === 'string') {
    io.err(`figure: ${options}. ${FIGURE_USAGE}\n`);
    return 2;
  }
  const { state, repairs } = parseLink(options.link);
  for (const r of repairs) io.err(`repair: ${r.param}: ${r.message}\n`);
  io.out(renderFigure(state, serializeLink(state), options.panel, options.format));
  return 0;
}
