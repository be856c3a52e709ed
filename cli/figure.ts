/**
 * Headless figures from a share link (links.md §2):
 *   npm run -s figure -- '<link>' [--panel profile|spectrum] [--format json|csv|svg]
 * Standard output carries only the figure; repairs go to standard error, one line each (exit 0);
 * bad command-line options exit 2 with a one-line message and nothing on standard output.
 */
import { FIGURE_FORMATS, FIGURE_PANELS, renderFigure, type FigureFormat } from '../src/figure';
import { parseLink, serializeLink } from '../src/link';

const USAGE = `usage: npm run -s figure -- '<link>' [--panel ${Object.keys(FIGURE_PANELS).join('|')}] [--format ${FIGURE_FORMATS.join('|')}]`;

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
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const option = /^--(panel|format)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined) return `option --${option[1]} needs a value`;
      if (option[1] === 'panel') panel = value;
      else format = value;
    } else if (arg.startsWith('--') && arg.length > 2) {
      return `unknown option ${arg}`;
    } else if (link === undefined) {
      link = arg;
    } else {
      return `unexpected argument ${JSON.stringify(arg)} (only one link)`;
    }
  }
  if (link === undefined) return 'missing link';
  if (!(panel in FIGURE_PANELS)) return `unknown panel "${panel}" (one of ${Object.keys(FIGURE_PANELS).join(', ')})`;
  if (!(FIGURE_FORMATS as readonly string[]).includes(format)) return `unknown format "${format}" (one of ${FIGURE_FORMATS.join(', ')})`;
  return { link, panel, format: format as FigureFormat };
}

function main(): number {
  const options = readArguments(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`figure: ${options}. ${USAGE}\n`);
    return 2;
  }
  const { state, repairs } = parseLink(options.link);
  for (const r of repairs) process.stderr.write(`repair: ${r.param}: ${r.message}\n`);
  process.stdout.write(renderFigure(state, serializeLink(state), options.panel, options.format));
  return 0;
}

// A reader that stops early (`| head`) is not an error of ours: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = main();
