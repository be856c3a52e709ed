/**
 * Headless figures from a share link (links.md §2); the command itself is src/figure/command.ts.
 *   npm run -s figure -- '<link>' [--panel profile|spectrum|offsphere|…|realdata] [--format json|csv|svg]
 *                                  [--base <url>] [--threads N] [--data-file <csv>] [--cache <dir>]
 */
import { runFigureCommand } from '../src/figure/command';
import { runRealdata } from './realdataRun';

// A reader that stops early (`| head`) is not an error of ours: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runFigureCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  runRealdata,
});
process.exitCode = code;
