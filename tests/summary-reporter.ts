/**
 * Prints the closing line CI reads: `N passed, N failed, N skipped` (vitest's own summary is not read).
 *
 * Counting rules (vitest's own "Tests" line undercounts failures that happen outside a test):
 * - every test counts once: passed / failed / skipped (skip, todo, and tests that never ran because
 *   their suite's beforeAll failed or the run was interrupted);
 * - a module or suite with errors of its own (module failed to load, a beforeAll/afterAll hook threw)
 *   counts as one more failure, unless one of its tests already failed;
 * - every unhandled error counts as one failure;
 * - a run vitest ended as failed with nothing counted above (e.g. "No test files found") counts as
 *   one failure, so that the line never reads `0 failed` for a failed run.
 */
import type { Reporter, TestModule, TestSuite } from 'vitest/node';

type Reason = 'passed' | 'interrupted' | 'failed';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: Reason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const outsideTests: string[] = [];

    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++; // skipped, todo, or pending (never ran)
      }
      const containers: Array<TestModule | TestSuite> = [m, ...m.children.allSuites()];
      for (const c of containers) {
        if (c.errors().length === 0) continue;
        if ([...c.children.allTests('failed')].length > 0) continue;
        failed++;
        outsideTests.push(
          c.type === 'module'
            ? `${m.relativeModuleId} (module failed)`
            : `${m.relativeModuleId} > ${c.fullName} (suite hook failed)`,
        );
      }
    }
    if (unhandledErrors.length > 0) {
      failed += unhandledErrors.length;
      outsideTests.push(`${unhandledErrors.length} unhandled error(s)`);
    }
    if (reason === 'failed' && failed === 0) {
      failed = 1;
      outsideTests.push('vitest reported the run as failed (see above)');
    }

    let out = '\n';
    if (outsideTests.length > 0) out += `failures outside tests: ${outsideTests.join('; ')}\n`;
    if (reason === 'interrupted') out += 'run interrupted: tests that did not finish count as skipped\n';
    out += `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
    process.stdout.write(out);
  }
}
