/** The bench's table and the budgets of issue 14, with their verdicts. */

const pad = (text, width) => String(text).padEnd(width);
const num = (value, digits = 0) =>
  value === undefined || value === null ? '–' : Number(value).toFixed(digits);

/** Each row carries `floor`: the mean of the floor's runs just before and just after it (run.mjs). */
export function printTable(rows, log) {
  const header = `${pad('endpoint', 40)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('floor', 7)}${pad('×floor', 8)}${pad('D1 rt', 7)}${pad('stmts', 7)}${pad('rows r', 8)}${pad('rows w', 8)}D1 ms`;
  log('');
  log(header);
  log('-'.repeat(header.length));
  for (const row of rows) {
    const bill = row.bill ?? {};
    log(
      `${pad(row.name, 40)}${pad(num(row.perSecond), 8)}${pad(num(row.p50), 8)}${pad(num(row.p99), 8)}${pad(num(row.floor), 7)}${pad(num(row.perSecond / row.floor, 2), 8)}${pad(num(bill.rt), 7)}${pad(num(bill.st), 7)}${pad(num(bill.rr), 8)}${pad(num(bill.rw), 8)}${num(bill.ms, 2)}`,
    );
  }
  log('');
}

/** Every budget as `{ budget, figure, pass }`; `pass: null` is a budget this run does not measure. */
export function budgets({ rows, pairs, live, panelKb, panel }) {
  const verdicts = [];
  for (const row of rows) {
    const ratio = row.perSecond / row.floor;
    verdicts.push({
      budget: `${row.name}: ≥ 0.5× the floor`,
      figure: `${ratio.toFixed(2)}×`,
      pass: ratio >= 0.5,
    });
    const limit = row.kind === 'read' ? 1 : 2;
    verdicts.push({
      budget: `${row.name}: ≤ ${limit} D1 round trip${limit > 1 ? 's' : ''}`,
      figure: `${row.bill?.rt ?? '?'}`,
      pass: row.bill ? row.bill.rt <= limit : false,
    });
  }
  const direct = rows.find((r) => r.name.startsWith('send: accepted direct'));
  const group = rows.find((r) => r.name.startsWith('send: 32-member group'));
  verdicts.push({
    budget: 'rows written by a send do not grow with the group size (32-member group ≤ direct chat)',
    figure: `${group?.bill?.rw ?? '?'} vs ${direct?.bill?.rw ?? '?'}`,
    pass: Boolean(group?.bill && direct?.bill && group.bill.rw <= direct.bill.rw),
  });
  verdicts.push({
    budget: 'live delivery send→socket p99 < 100 ms',
    figure: `p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms`,
    pass: live.p99 < 100,
  });
  for (const pair of pairs) {
    const ratio = pair.large.p50 / Math.max(pair.small.p50, 1);
    verdicts.push({
      budget: `read p50 at 10× data ≤ 1.3×: ${pair.name}`,
      figure: `${pair.small.p50} ms → ${pair.large.p50} ms (×${ratio.toFixed(2)})`,
      pass: ratio <= 1.3,
    });
  }
  verdicts.push({
    budget: 'side-panel JS ≤ 60 KB gzipped',
    figure: `${panelKb.toFixed(1)} KB`,
    pass: panelKb <= 60,
  });
  // Panel script start → the first page of rows committed, worker round trip included (panel-render.mjs).
  const firstRender = "panel's first render of 100 conversations ≤ 100 ms in Chromium";
  verdicts.push(
    panel.skipped
      ? { budget: firstRender, figure: `not measured: ${panel.skipped}`, pass: null }
      : {
          budget: firstRender,
          figure: `${panel.firstRenderMs} ms, median of ${panel.loads} loads (render alone ${panel.renderMs} ms; ${panel.rows} rows)`,
          pass: panel.firstRenderMs <= 100,
        },
  );
  return verdicts;
}

export function printBudgets(verdicts, log) {
  log('budgets');
  let failed = 0;
  for (const v of verdicts) {
    const mark = v.pass === null ? 'n/a ' : v.pass ? 'PASS' : 'FAIL';
    if (v.pass === false) failed += 1;
    log(`  ${mark}  ${v.budget}: ${v.figure}`);
  }
  log(`${failed} of ${verdicts.filter((v) => v.pass !== null).length} budgets fail`);
  return failed;
}
