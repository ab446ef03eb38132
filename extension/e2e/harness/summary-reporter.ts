import type { FullResult, Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';

/**
 * Prints `N passed, M failed` as the run's last line (the CI reads it), after the list reporter's summary.
 * A failed global setup (no worker, no browser) counts as one failure, so a broken run never reads "0 failed".
 */
export default class SummaryReporter implements Reporter {
  #passed = 0;
  #failed = 0;
  #setupErrors = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // The final attempt decides; `retries` is 0, so there is one attempt per test.
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'passed') this.#passed += 1;
    else if (result.status !== 'skipped') this.#failed += 1;
  }

  onError(_error: TestError): void {
    this.#setupErrors += 1;
  }

  onEnd(result: FullResult): void {
    const failed =
      this.#failed + (this.#failed === 0 && result.status !== 'passed' ? Math.max(1, this.#setupErrors) : 0);
    process.stdout.write(`${this.#passed} passed, ${failed} failed\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
