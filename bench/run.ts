/**
 * `npm run bench` (tsx bench/run.ts [--only name,name]): production-builds the app (Vite JS API,
 * the project's vite.config.ts) into a temporary directory, serves it with Vite's preview server on
 * 127.0.0.1 and a free port, drives headless Chromium (playwright-core) through the metric functions
 * registered in bench/metrics/index.ts, checks bench/budgets.ts, and prints human-readable lines
 * followed, as the LAST line, by one JSON object of all measured metrics (names end in their unit).
 *
 * Exit code 1 if the build, the server, the browser or any metric failed, or any budget failed
 * (the JSON line is printed regardless). Server, browser and temporary directory are cleaned up
 * before the summary, so nothing is printed after the JSON line.
 */
import { chromium, type Browser } from 'playwright-core';
import { budgets } from './budgets.ts';
import { CHROMIUM_ARGS, checkMetricName, chromiumPath } from './lib.ts';
import { metrics } from './metrics/index.ts';
import { buildAndServe, type ServedBuild } from './serve.ts';

function parseOnly(argv: string[]): Set<string> | undefined {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return undefined;
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
  const names = value.split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in metrics));
  if (unknown.length) {
    console.error(`unknown metric(s): ${unknown.join(', ')}; known: ${Object.keys(metrics).join(', ')}`);
    process.exit(2);
  }
  return new Set(names);
}

async function main(): Promise<number> {
  const only = parseOnly(process.argv.slice(2));
  const results: Record<string, number> = {};
  let failed = false;
  const fail = (what: string, err: unknown) => {
    failed = true;
    console.error(`ERROR ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  };

  let served: ServedBuild | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    browser = undefined;
    await served?.close();
    served = undefined;
  };

  const started = performance.now();
  try {
    served = await buildAndServe();
    const { baseURL, distDir } = served;
    let t = performance.now();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    console.log(
      `serving ${baseURL}; Chromium ${browser.version()} launched in ${Math.round(performance.now() - t)} ms`,
    );

    for (const [name, fn] of Object.entries(metrics)) {
      if (only && !only.has(name)) continue;
      console.log(`\n${name}`);
      t = performance.now();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        const out = await fn({ page, browser, baseURL, distDir, log: (line) => console.log(`  ${line}`) });
        for (const [metric, value] of Object.entries(out)) {
          checkMetricName(metric);
          if (metric in results) throw new Error(`metric ${metric} produced twice`);
          if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`metric ${metric} = ${value}`);
          results[metric] = value;
          console.log(`  ${metric} = ${value}`);
        }
      } catch (err) {
        fail(`in metric ${name}`, err);
      } finally {
        await context.close().catch(() => {});
      }
      console.log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
  } catch (err) {
    fail('setting up the benchmark', err);
  } finally {
    await cleanup();
  }

  console.log('\nbudgets');
  for (const b of budgets) {
    const value = results[b.metric];
    if (value === undefined) {
      if (only || failed) {
        // not requested, or its metric errored (already reported)
        console.log(`  SKIP ${b.metric} ${b.op} ${b.limit}: not measured`);
        continue;
      }
      failed = true;
      console.log(`  FAIL ${b.metric} ${b.op} ${b.limit}: no metric function produces it`);
      continue;
    }
    const ok = b.op === '<=' ? value <= b.limit : value >= b.limit;
    if (!ok) failed = true;
    console.log(`  ${ok ? 'PASS' : 'FAIL'} ${b.metric} = ${value} ${b.op} ${b.limit}`);
  }
  console.log(`\nbench ${failed ? 'FAILED' : 'ok'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(results));
  return failed ? 1 : 0;
}

process.exitCode = await main();
