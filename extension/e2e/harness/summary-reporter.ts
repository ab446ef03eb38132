import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints `N passed, M failed` as the run's last line (the CI reads it), after the list reporter's summary.
 * A run that failed outside every test (global setup, the global timeout, no test found) counts one
 * failure, so a broken run never reads "0 failed".
 */
export default class SummaryReporter implements Reporter {
  #passed = 0;
  #failed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only the last attempt counts (`retries` is 0 today, so there is one).
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'passed') this.#passed += 1;
    else if (result.status !== 'skipped') this.#failed += 1;
  }

  onEnd(result: FullResult): void {
    const outsideTests = this.#failed === 0 && result.status !== 'passed' ? 1 : 0;
    process.stdout.write(`${this.#passed} passed, ${this.#failed + outsideTests} failed\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
