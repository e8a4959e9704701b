// Prints "passed failed" from a Vitest or Playwright JSON report, for .ci/run's totals.
import { readFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));

if (kind === 'vitest') {
  const failed = report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  console.log(`${report.numPassedTests} ${failed}`);
} else if (kind === 'playwright') {
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  // A flaky test passed only on retry: it is counted as failed, since retries are off anyway.
  const errors = (report.errors ?? []).length;
  console.log(`${expected} ${unexpected + flaky + errors}`);
} else {
  throw new Error(`unknown report kind: ${kind}`);
}
