// The dashboard's rules (src/main/resources/static/rules.js), run by node --test; DashboardRulesTest
// runs them in the Maven build. Dates are worked by hand in the comments.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const R = require('../../main/resources/static/rules.js');

const TODAY = new Date('2026-12-07T09:00:00Z'); // Monday 7 December 2026

const item = (subject, code, status, daysOverdue, worker) =>
  ({ subject, code, itemId: code, status, daysOverdue, worker: worker || null });

test('a date shows its year whenever it is not this year', () => {
  // Given today is 7 December 2026
  // When an item was due on 16 October 2024, or on 16 October 2026
  // Then the first reads with its year, the second without
  assert.equal(R.dateLabel('2024-10-16', TODAY), '16 Oct 2024');
  assert.equal(R.dateLabel('2026-10-16', TODAY), '16 Oct');
  // and an hour deadline likewise (08:12 London is 07:12 UTC in summer time)
  assert.equal(R.instantLabel('2024-10-16T07:12:00Z', TODAY), '16 Oct 2024, 08:12');
  assert.equal(R.instantLabel('2026-10-16T07:12:00Z', TODAY), '16 Oct, 08:12');
});

test('an item overdue more than 90 days is long overdue, up to 90 it is actionable', () => {
  // Given today 7 December 2026: due 8 September is 90 days overdue (22 + 31 + 30 + 7),
  // due 7 September 91 days, due 1 August 2024 858 days; due soon is the engine's 5 working days
  const items = [item('child/A', 'CIN4', 'OVERDUE', 90), item('child/B', 'CIN4', 'OVERDUE', 91),
    item('child/C', 'MC6', 'OVERDUE', 858), item('child/D', 'CP13', 'DUE_SOON', 0)];
  // When split
  const { actionable, longOverdue } = R.partition(items);
  // Then A and D are actionable; B and C are long overdue, and counted there
  assert.deepEqual(actionable.map((i) => i.subject), ['child/A', 'child/D']);
  assert.deepEqual(longOverdue.map((i) => i.subject), ['child/B', 'child/C']);
});

test('filters by indicator, worker and status combine, and a worker of none means unallocated', () => {
  // Given four items of two workers and one with no worker
  const items = [item('child/A', 'CIN4', 'OVERDUE', 3, 'W1'), item('child/B', 'CP13', 'DUE_SOON', 0, 'W1'),
    item('child/C', 'CIN4', 'DUE_SOON', 0, 'W2'), item('child/D', 'CIN4', 'OVERDUE', 10, null)];
  // When filtered by worker W1; by CIN4 and overdue; by no worker; by nothing
  // Then only the matching items remain
  assert.deepEqual(R.filterItems(items, { worker: 'W1' }).map((i) => i.subject), ['child/A', 'child/B']);
  assert.deepEqual(R.filterItems(items, { codes: new Set(['CIN4']), status: 'OVERDUE' }).map((i) => i.subject), ['child/A', 'child/D']);
  assert.deepEqual(R.filterItems(items, { worker: 'none' }).map((i) => i.subject), ['child/D']);
  assert.deepEqual(R.filterItems(items, { codes: new Set() }).length, 4);
  assert.deepEqual(R.filterItems(items, { child: 'child/C' }).map((i) => i.code), ['CIN4']);
  assert.deepEqual(R.workers(items), ['W1', 'W2']);
});

test('grouping by child keeps each child where its most overdue item falls', () => {
  // Given, most overdue first: A's CIN4 (12 days), B's CP13 (5), A's MC6 (2)
  const items = [item('child/A', 'CIN4', 'OVERDUE', 12), item('child/B', 'CP13', 'OVERDUE', 5), item('child/A', 'MC6', 'OVERDUE', 2)];
  // When grouped
  const groups = R.groupByChild(items);
  // Then A first with both its items, then B
  assert.deepEqual(groups.map((g) => [g.subject, g.items.map((i) => i.code)]), [['child/A', ['CIN4', 'MC6']], ['child/B', ['CP13']]]);
});

test('a fall of a lower-is-better count is an improvement, of a higher-is-better percentage a deterioration', () => {
  // Given MC1 (a count, lower is better) 12 now and 17 last month; FD1 (higher is better) 76% now, 94% last month
  const mc1 = { code: 'MC1', kind: 'COUNT', better: 'lower', value: 12, previous: 17 };
  const fd1 = { code: 'FD1', kind: 'MILESTONE', better: 'higher', value: 47 / 62, previous: 0.94 };
  // When the change is worked out from the figures shown (76% and 94%)
  // Then both read "Down" with a down arrow, MC1 better and FD1 worse
  assert.deepEqual(R.change(mc1), { text: 'Down 5', arrow: '↓', sense: 'better' });
  assert.deepEqual(R.change(fd1), { text: 'Down 18pp', arrow: '↓', sense: 'worse' });
  // A rise of a higher-is-better share is better; no change is "same"; no better (FD7) has no sense
  assert.deepEqual(R.change({ kind: 'RECURRING', better: 'higher', value: 0.89, previous: 0.88 }), { text: 'Up 1pp', arrow: '↑', sense: 'better' });
  assert.equal(R.change({ kind: 'RECURRING', better: 'higher', value: 0.884, previous: 0.876 }).sense, 'same');
  assert.equal(R.change({ kind: 'RATIO', better: null, value: 0.5, previous: 0.4 }).sense, 'none');
  assert.equal(R.change({ kind: 'RATIO', better: 'higher', value: null, previous: 0.4 }), null);
});

test('an indicator has a population in a scope when it counted anyone now or in its trend', () => {
  // Given a team: CLA11 0 of 0 with none in 13 months; CP13 0 of 0 now but 3 of 4 in October; N1 a count of 2
  const none = { kind: 'RECURRING', numerator: 0, denominator: 0, trend: [{ numerator: null, denominator: null }, { numerator: 0, denominator: 0 }] };
  const earlier = { kind: 'RECURRING', numerator: 0, denominator: 0, trend: [{ numerator: 3, denominator: 4 }] };
  const count = { kind: 'COUNT', numerator: 2, denominator: 0 };
  // Then only CLA11 has no population (shown behind "show all")
  assert.equal(R.hasPopulation(none), false);
  assert.equal(R.hasPopulation(earlier), true);
  assert.equal(R.hasPopulation(count), true);
});

test('the overdue view exports as CSV, quoted where needed, named for its scope and day', () => {
  // Given one item whose indicator name holds a comma, on 7 December 2026 in team FAM-1
  const items = [Object.assign(item('child/A', 'MC6', 'OVERDUE', 2, 'W1'), { due: '2026-12-05', deadline: '2026-12-05T09:00:00Z', team: 'FAM-1' })];
  const names = new Map([['MC6', 'Return home interviews, within 72 hours']]);
  // Then a header and one row, the name quoted; the file is overdue-team-FAM-1-2026-12-07.csv
  assert.equal(R.itemsCsv(items, names),
    'child,code,indicator,worker,status,days overdue,due,deadline,last done,team\r\n'
    + 'child/A,MC6,"Return home interviews, within 72 hours",W1,OVERDUE,2,2026-12-05,2026-12-05T09:00:00Z,,FAM-1\r\n');
  assert.equal(R.csvName('overdue', 'team/FAM-1', TODAY), 'overdue-team-FAM-1-2026-12-07.csv');
});

test('an AVERAGE is days and a RATE is per 10,000 children: numbers, never percentages', () => {
  // Given A1's mean of 426.4 days, R1's 312.25 per 10,000 and CIN4's 0.886 (a percentage)
  const a1 = { kind: 'AVERAGE', value: 426.4, previous: 430 };
  const r1 = { kind: 'RATE', value: 312.25, previous: 312.25 };
  const cin4 = { kind: 'RECURRING', value: 0.886, previous: 0.86 };
  // When shown
  // Then the numbers keep one place and the percentage is whole
  assert.equal(R.shown(a1, a1.value), 426.4);
  assert.equal(R.shown(r1, r1.value), 312.3);
  assert.equal(R.shown(cin4, cin4.value), 89);
  // and a change in days is said without "pp"
  assert.equal(R.change(Object.assign({ better: 'lower' }, a1)).text, 'Down 3.6');
  assert.equal(R.change(Object.assign({ better: 'lower' }, a1)).sense, 'better');
  assert.equal(R.isCount(r1), true);
});

test('a value says what it is made of in the units the catalogue gives, else by its kind', () => {
  // Given W1 with the catalogue's units (cases, workers), a percentage, an AVERAGE, a RATE and a plain count
  const w1 = { code: 'W1', kind: 'COUNT', numerator: 412, denominator: 24, units: { numerator: 'cases', denominator: 'workers' } };
  const onlyNumerator = { code: 'X1', kind: 'COUNT', numerator: 1200, denominator: 3, units: { numerator: 'visits' } };
  // When shown, Then each reads as a scorecard says it (thousands with a comma)
  assert.equal(R.fraction(w1), '412 cases, 24 workers');
  assert.equal(R.fraction(onlyNumerator), '1,200 visits');
  assert.equal(R.fraction({ kind: 'RECURRING', numerator: 41, denominator: 46 }), '41 of 46');
  assert.equal(R.fraction({ kind: 'AVERAGE', numerator: 7000, denominator: 12 }), 'mean of 12');
  assert.equal(R.fraction({ kind: 'RATE', numerator: 7, denominator: 40000 }), '7 children');
  assert.equal(R.fraction({ kind: 'COUNT', numerator: 3, denominator: 3 }), '');
  // and nothing where there is nothing to divide by
  assert.equal(R.fraction({ kind: 'RECURRING', numerator: 0, denominator: 0 }), '');
});

test("the previous 6 months' average is of the six months before the current one that have a figure", () => {
  // Given 13 months ending with December 2026 (0.2 so far): June to November 2026 are 0.5, none, 0.7, 0.8, 0.9, 0.6
  const trend = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1, 0.5, null, 0.7, 0.8, 0.9, 0.6, 0.2].slice(-13).map((value) => ({ value }));
  // When averaged, Then (0.5 + 0.7 + 0.8 + 0.9 + 0.6) / 5 = 0.7: the month with no figure is left out, December too
  assert.ok(Math.abs(R.sixMonthAverage({ trend }) - 0.7) < 1e-12);
  // and with no figure at all there is no average
  assert.equal(R.sixMonthAverage({ trend: [{ value: null }, { value: 0.4 }] }), null);
});

test('a chart axis runs from 0 in round steps to at least the highest figure', () => {
  // A percentage up to 95% in quarters; W1's 17 in fives; A1's 583 days in hundreds of two
  assert.deepEqual(R.ticks(0.95), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(R.ticks(17), [0, 5, 10, 15, 20]);
  assert.deepEqual(R.ticks(583), [0, 200, 400, 600]);
  // nothing to show still gives an axis
  assert.deepEqual(R.ticks(0), [0, 1]);
});
