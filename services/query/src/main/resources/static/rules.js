// The dashboard's rules that need no page: which items are actionable, filters, grouping, how a
// date or a change is shown. Loaded before dashboard.js in the page (as window.Rules) and
// required by the tests under services/query/src/test/js (node --test).
'use strict';

(function (root, factory) {
  const rules = factory();
  if (typeof module === 'object' && module.exports) module.exports = rules;
  else root.Rules = rules;
})(typeof self !== 'undefined' ? self : this, function () {

  // Items overdue by more than this many days are "long overdue": counted, shown collapsed.
  // Due soon is the engine's own window, the next 5 working days (RecurringRule).
  const LONG_OVERDUE_DAYS = 90;

  function londonParts(date) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(date);
    const get = (t) => parts.find((p) => p.type === t).value;
    return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')) };
  }

  /** "16 Oct" this year, "16 Oct 2024" any other year; today is a Date (now by default). */
  function dateLabel(iso, today) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    const thisYear = londonParts(today || new Date()).year;
    const opts = { day: 'numeric', month: 'short', timeZone: 'UTC' };
    if (y !== thisYear) opts.year = 'numeric';
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', opts);
  }

  /** "16 Oct, 08:12" this year, "16 Oct 2024, 08:12" any other year, London time. */
  function instantLabel(iso, now) {
    const when = new Date(iso);
    const opts = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' };
    if (londonParts(when).year !== londonParts(now || new Date()).year) opts.year = 'numeric';
    return when.toLocaleString('en-GB', opts);
  }

  function isLongOverdue(item, days) {
    return item.status === 'OVERDUE' && item.daysOverdue > (days == null ? LONG_OVERDUE_DAYS : days);
  }

  /** The items split into what is actionable (due soon, or overdue up to 90 days) and the rest. */
  function partition(items, days) {
    const actionable = [], longOverdue = [];
    for (const i of items) (isLongOverdue(i, days) ? longOverdue : actionable).push(i);
    return { actionable, longOverdue };
  }

  /**
   * filter: {codes: Set of codes (empty: all), worker: '' for all or 'none' for no worker,
   * status: '' or OVERDUE or DUE_SOON, child: '' or a subject}.
   */
  function filterItems(items, filter) {
    const f = filter || {};
    return items.filter((i) => (!f.codes || f.codes.size === 0 || f.codes.has(i.code))
      && (!f.worker || (f.worker === 'none' ? !i.worker : i.worker === f.worker))
      && (!f.status || i.status === f.status)
      && (!f.child || i.subject === f.child));
  }

  /** The items by child, each child where its first (most overdue) item falls, items in order. */
  function groupByChild(items) {
    const groups = new Map();
    for (const i of items) {
      if (!groups.has(i.subject)) groups.set(i.subject, []);
      groups.get(i.subject).push(i);
    }
    return [...groups].map(([subject, list]) => ({ subject, items: list }));
  }

  function workers(items) {
    return [...new Set(items.map((i) => i.worker).filter((w) => w))].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
  }

  // ---------- figures ----------

  // A number, not a percentage: counts, AVERAGE's days and RATE's per 10,000 children (v1.1).
  const isCount = (v) => v.kind === 'COUNT' || v.kind === 'AVERAGE' || v.kind === 'RATE';

  // Percentages as whole percentages; numbers whole, except a mean or rate (W1, AVERAGE, RATE) to one place.
  function shown(v, x) {
    if (x == null) return null;
    if (!isCount(v)) return Math.round(x * 100);
    return Number.isInteger(x) ? x : Math.round(x * 10) / 10;
  }

  /**
   * The change from last month as shown, worked from the rounded figures (so "76%, 85%, Up 9pp"
   * adds up on the page), with its direction of travel against the indicator's `better`:
   * {text, arrow ('↑', '↓' or '→'), sense ('better', 'worse', 'same', or 'none' without `better`)}.
   * Null when either month has no value.
   */
  function change(v) {
    const now = shown(v, v.value);
    const before = shown(v, v.previous);
    if (now == null || before == null) return null;
    const d = Math.round((now - before) * 10) / 10;
    if (d === 0) return { text: 'No change', arrow: '→', sense: 'same' };
    const text = (d > 0 ? 'Up ' : 'Down ') + Math.abs(d).toLocaleString('en-GB') + (isCount(v) ? '' : 'pp');
    const arrow = d > 0 ? '↑' : '↓';
    if (v.better !== 'higher' && v.better !== 'lower') return { text, arrow, sense: 'none' };
    return { text, arrow, sense: (d > 0) === (v.better === 'higher') ? 'better' : 'worse' };
  }

  /**
   * What a value is made of, under it on the scorecard: "41 of 46" for a percentage; the catalogue's units where it
   * names them ("412 cases, 24 workers" for W1); "mean of 12" for an AVERAGE; "7 children" for a RATE; nothing for a count.
   */
  function fraction(v) {
    if (v.numerator == null || !v.denominator) return '';
    if (v.units) {
      return [[v.numerator, v.units.numerator], [v.denominator, v.units.denominator]].filter(([, unit]) => unit)
        .map(([n, unit]) => (n || 0).toLocaleString('en-GB') + ' ' + unit).join(', ');
    }
    if (v.kind === 'AVERAGE') return 'mean of ' + v.denominator.toLocaleString('en-GB');
    if (v.kind === 'RATE') return v.numerator.toLocaleString('en-GB') + ' children';
    if (isCount(v)) return '';
    return v.numerator.toLocaleString('en-GB') + ' of ' + (v.denominator || 0).toLocaleString('en-GB');
  }

  /**
   * The mean of the 6 months before the trend's last (the current) month, over the months that have a value, as the
   * seeds' "previous 6 month average" column; null when none of them has one.
   */
  function sixMonthAverage(v) {
    const before = (v.trend || []).slice(0, -1).slice(-6).map((p) => p.value).filter((x) => x != null);
    return before.length ? before.reduce((a, b) => a + b, 0) / before.length : null;
  }

  /** Axis ticks from 0 to at least {@code hi}: 0 and 4 or 5 round steps (1, 2, 2.5 or 5 times a power of ten). */
  function ticks(hi) {
    if (!(hi > 0)) return [0, 1];
    const rough = hi / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough);
    const out = [];
    for (let t = 0; t < hi + step / 2; t += step) out.push(Math.round(t * 1e9) / 1e9);
    if (out[out.length - 1] < hi) out.push(Math.round(out[out.length - 1] * 1e9 + step * 1e9) / 1e9);
    return out;
  }

  /** Whether a scope has anyone or anything this indicator counts, now or in its trend. */
  function hasPopulation(v) {
    const some = (p) => (p.denominator != null && p.denominator > 0) || (p.numerator != null && p.numerator > 0);
    return some(v) || (v.trend || []).some(some);
  }

  // ---------- export ----------

  function csvCell(x) {
    const t = x == null ? '' : String(x);
    return /[",\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }

  /** The list as shown, one row per item (RFC 4180, CRLF); names: code -> indicator name. */
  function itemsCsv(items, names) {
    const header = ['child', 'code', 'indicator', 'worker', 'status', 'days overdue', 'due', 'deadline', 'last done', 'team'];
    const rows = items.map((i) => [i.subject, i.code, (names && names.get(i.code)) || '', i.worker || '', i.status,
      i.daysOverdue, i.due || '', i.deadline || '', i.lastActivity || '', i.team || '']);
    return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** "overdue-team-FAM-1-2026-12-07.csv": what and as of when. */
  function csvName(what, scope, today) {
    const d = londonParts(today || new Date());
    const date = d.year + '-' + String(d.month).padStart(2, '0') + '-' + String(d.day).padStart(2, '0');
    return what + '-' + scope.replace(/\//g, '-') + '-' + date + '.csv';
  }

  return { LONG_OVERDUE_DAYS, isCount, fraction, sixMonthAverage, ticks, itemsCsv, csvName, dateLabel, instantLabel, isLongOverdue, partition, filterItems, groupByChild, workers, shown, change, hasPopulation };
});
