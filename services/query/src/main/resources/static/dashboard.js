// The caseclock dashboard: plain JavaScript over the documented HTTP API (API.md), nothing else.
// State lives in the URL hash (#scope=team/FAM-1&tab=overdue), so a view can be bookmarked and shared.
'use strict';

// The catalogue's groups (each indicator's `group` in the API), in the order the authority's
// scorecards use, with the headings they print.
const GROUPS = [
  { id: 'early-help', label: 'Early help' },
  { id: 'front-door', label: 'Front door' },
  { id: 'assessment', label: 'Assessment' },
  { id: 'cin-cp', label: 'Children in need and protection' },
  { id: 'missing', label: 'Missing' },
  { id: 'children-in-care', label: 'Children in care' },
  { id: 'fostering', label: 'Fostering' },
  { id: 'adoption', label: 'Adoption' },
  { id: 'care-leavers', label: 'Care leavers' },
  { id: 'quality-assurance', label: 'Quality assurance' },
  { id: 'workforce', label: 'Workforce' },
];
const OTHER_GROUP = 'Other';
const PACK = 'weekly';
const LIST_LIMIT = 500;
const MARK_MS = 4000;

const state = {
  scope: 'LA',
  tab: 'scorecard',
  views: new Map(),       // code -> indicator view with its trend
  items: new Map(),       // key -> item of the overdue list, once loaded for this scope
  itemsLoaded: false,
  source: null,
  scopes: { services: new Set(), teams: new Map() },  // team -> service
  me: null,               // GET /api/me: who is signed in, and how to sign out
  lists: null,            // the scopes whose lists the user reads (GET /api/me); null for all of them
  lastStatus: null,
  reloadTimer: null,
  filters: null,          // of the overdue list, kept through live redraws (freshFilters)
  longOpen: false,        // whether the long overdue section is open
  showAll: false,         // a team's scorecard with the indicators it has no one for
  risk: '',               // the code whose items at risk by month end are shown on the scorecard
  indicator: '',          // the code whose page is open on the scorecard
  refreshTimer: null,
  namesReady: Promise.resolve(),
};

// ---------- small helpers ----------

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'html') e.innerHTML = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c == null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (r.status === 401 && state.me && state.me.signOut) {
    // The session has ended (signed out elsewhere, or expired): the page signs in again.
    location.assign('/');
  }
  if (!r.ok) {
    // The API's own words where it has them: "no team SWwF-3 in this authority; known teams: …".
    const body = await r.json().catch(() => null);
    throw new Error(body && body.error ? body.error : url + ' answered ' + r.status);
  }
  return r.json();
}

const q = (scope) => 'scope=' + encodeURIComponent(scope);

function londonMonth(date) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .formatToParts(date || new Date());
  const get = (t) => parts.find((p) => p.type === t).value;
  return get('year') + '-' + get('month');
}

function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? (y - 1) + '-12' : y + '-' + String(m - 1).padStart(2, '0');
}

function monthLabel(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

// With the year whenever it is not this year (rules.js).
const dateLabel = (iso) => Rules.dateLabel(iso);
const instantLabel = (iso) => Rules.instantLabel(iso);

function humanise(id) {
  const words = id.replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scopeLabel(scope) {
  if (scope === 'LA') return 'The whole authority';
  const [level, id] = scope.split('/');
  if (level === 'service') return humanise(id) + ' service';
  const service = state.scopes.teams.get(id);
  return 'Team ' + id + (service ? ' · ' + humanise(service) : '');
}

// ---------- numbers as a scorecard shows them ----------

const isCount = Rules.isCount;

const shown = Rules.shown;

function fmt(v, x) {
  const s = shown(v, x);
  if (s == null) return '–';
  if (v.kind === 'AVERAGE') return s.toLocaleString('en-GB') + ' days';
  return isCount(v) ? s.toLocaleString('en-GB') : s + '%';
}

// The change with its direction of travel: an arrow, and green or red as it is better or worse
// against the indicator's `better`. A month still running is said to be so far.
const SENSE_WORDS = { better: 'better', worse: 'worse', same: 'no change', none: 'no better or worse set' };

function changeCell(v) {
  const c = Rules.change(v);
  if (c == null || v.notAvailable) return el('td', { class: 'change' });
  return el('td', { class: 'change' },
    el('span', { class: 'dir dir-' + c.sense, 'data-sense': c.sense, title: SENSE_WORDS[c.sense],
      'aria-label': SENSE_WORDS[c.sense] }, c.arrow),
    ' ', c.text,
    v.soFar ? el('span', { class: 'sub so-far', title: 'this month so far, against the whole of last month' }, 'so far') : null);
}

const fraction = Rules.fraction;

function ragPill(rag, v) {
  if (v && v.notAvailable) return el('span', { class: 'rag rag-GREY rag-na' }, 'n/a');
  if (v && v.tooFew) {
    return el('span', { class: 'rag rag-GREY rag-too-few', title: 'RAG withheld: too few cases to rate' }, 'too few');
  }
  const word = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green', GREY: 'Grey' }[rag] || 'Grey';
  return el('span', { class: 'rag rag-' + (rag || 'GREY') }, word);
}

// The last 13 months as a small line, the target dashed, the latest point in its RAG colour.
function sparkline(v) {
  const W = 120, H = 28, P = 3;
  const points = (v.trend || []).map((t) => t.value);
  const known = points.filter((x) => x != null);
  const label = (v.trend || []).map((t) => monthLabel(t.period) + ' ' + fmt(v, t.value)).join(', ');
  if (known.length === 0) {
    return el('span', { class: 'sub' }, 'no data yet');
  }
  let lo = Math.min(...known), hi = Math.max(...known);
  if (v.target != null) { lo = Math.min(lo, v.target); hi = Math.max(hi, v.target); }
  const spread = hi - lo || (isCount(v) ? Math.max(1, hi) : 0.1);
  lo -= spread * 0.1; hi += spread * 0.1;
  const x = (i) => P + (i * (W - 2 * P)) / Math.max(1, points.length - 1);
  const y = (val) => H - P - ((val - lo) / (hi - lo)) * (H - 2 * P);
  let path = '';
  let pen = false;
  points.forEach((val, i) => {
    if (val == null) { pen = false; return; }
    path += (pen ? ' L' : ' M') + x(i).toFixed(1) + ' ' + y(val).toFixed(1);
    pen = true;
  });
  let svg = '<svg class="spark" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + ' ' + H + '" role="img">';
  if (v.target != null) {
    svg += '<line class="target" x1="' + P + '" x2="' + (W - P) + '" y1="' + y(v.target).toFixed(1) + '" y2="' + y(v.target).toFixed(1) + '"/>';
  }
  svg += '<path class="line" d="' + path.trim() + '"/>';
  const last = points.length - 1;
  if (points[last] != null) {
    svg += '<circle class="last-' + (v.rag || 'GREY') + '" cx="' + x(last).toFixed(1) + '" cy="' + y(points[last]).toFixed(1) + '" r="2.6"/>';
  }
  svg += '</svg>';
  const holder = el('span', { html: svg });
  const node = holder.firstChild;
  node.setAttribute('aria-label', '13-month trend: ' + label);
  node.append(Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'title'), { textContent: label }));
  return node;
}

// ---------- the scorecard ----------

function groupOf(v) {
  const g = GROUPS.find((group) => group.id === v.group);
  return g ? g.label : OTHER_GROUP;
}

function indicatorRow(v) {
  const na = v.notAvailable;
  return el('tr', { 'data-code': v.code, class: na ? 'not-available' : null },
    el('td', { class: 'code' }, el('a', { href: '#' + listLink(state.scope, { code: v.code }), class: 'drill',
      title: 'Children overdue or due soon for ' + v.code, 'aria-label': v.code + ': its children overdue or due soon' }, v.code)),
    el('td', { class: 'name' }, el('a', { href: '#' + indicatorLink(state.scope, v.code), class: 'indicator-link',
      title: 'What ' + v.code + ' counts, its 13 months and its teams' }, v.name),
      v.better === 'lower' ? el('span', { class: 'sub' }, 'lower is better') : null),
    el('td', { class: 'num previous' }, na ? '–' : fmt(v, v.previous)),
    na ? el('td', { class: 'num value na' }, el('span', { class: 'sub' }, na))
      : el('td', { class: 'num value' }, fmt(v, v.value), el('span', { class: 'sub' }, [fraction(v), v.soFar && v.value != null ? 'so far' : ''].filter(Boolean).join(' '))),
    projectedCell(v),
    el('td', { class: 'num target' }, v.target == null ? '—' : fmt(v, v.target)),
    changeCell(v),
    el('td', { class: 'rag-cell' }, ragPill(v.rag, v)),
    el('td', { class: 'trend' }, na ? el('span', { class: 'sub' }, 'not available') : sparkline(v)));
}

// "If nothing else is done": the month-end projection beside Now, in the RAG colour of its own
// rating, with its items at risk a link away (#scope=…&tab=scorecard&risk=CIN4).
function projectedCell(v) {
  const p = v.projectedMonthEnd;
  if (!p || v.notAvailable) return el('td', { class: 'num projected' }, '–');
  const sub = p.atRisk
    ? el('a', { href: '#' + new URLSearchParams({ scope: state.scope, tab: 'scorecard', risk: v.code }).toString(),
      class: 'at-risk', 'data-code': v.code,
      'aria-label': p.atRisk + ' at risk: ' + v.code + ' items overdue by month end if nothing is done' },
      p.atRisk.toLocaleString('en-GB') + ' at risk')
    : fraction(Object.assign({}, v, p));
  return el('td', { class: 'num projected rag-text-' + (p.rag || 'GREY'),
    title: 'If nothing else is done: ' + fmt(v, p.value) + ' at month end' },
    fmt(v, p.value), el('span', { class: 'sub' }, sub));
}

const AT_RISK_STATUS = { DUE_SOON: 'Due soon', IN_TIME: 'In time', PENDING: 'Pending' };

// What falls overdue before month end unless it is done: GET …/items?status=AT_RISK, soonest due first.
async function showAtRisk(code) {
  const scope = state.scope;
  const panel = $('#at-risk');
  if (!code) { panel.hidden = true; panel.replaceChildren(); return; }
  const r = await getJson('/api/indicators/' + encodeURIComponent(code) + '/items?' + q(scope) + '&status=AT_RISK');
  if (scope !== state.scope) return;
  const v = state.views.get(code);
  const team = scope.startsWith('team/');
  const close = el('a', { href: '#' + new URLSearchParams({ scope, tab: 'scorecard' }).toString(), class: 'close-at-risk' }, 'Close');
  panel.replaceChildren(
    el('h2', { class: 'group' }, code + (v ? ' ' + v.name : '') + ': at risk by month end (' + r.items.length + ')'),
    el('p', { class: 'note' }, 'Not overdue now, overdue by the month\'s last day if nothing is done; soonest due first. ', close),
    r.items.length === 0 ? el('p', { class: 'empty' }, 'Nothing at risk.')
      : el('table', { class: 'items', id: 'at-risk-list', 'data-code': code },
        el('thead', {}, el('tr', {}, el('th', {}, 'Child'), el('th', {}, 'Worker'), el('th', {}, 'Status'),
          el('th', { class: 'num' }, 'Due'), team ? null : el('th', {}, 'Team'))),
        el('tbody', {}, r.items.map((i) => el('tr', { 'data-key': itemKey(i), 'data-status': i.status },
          el('td', { class: 'who' }, el('a', { href: '#' + listLink(scope, { child: i.subject }), class: 'child-link' }, who(i.subject))),
          el('td', {}, i.worker || 'no worker'),
          el('td', { class: 'status-' + i.status }, AT_RISK_STATUS[i.status] || i.status),
          el('td', { class: 'num' }, i.deadline ? instantLabel(i.deadline) : dateLabel(i.due)),
          team ? null : el('td', {}, i.team))))));
  panel.hidden = false;
  panel.scrollIntoView({ block: 'nearest' });
}

// ---------- one indicator's page ----------

function indicatorLink(scope, code) {
  return new URLSearchParams({ scope, tab: 'scorecard', indicator: code }).toString();
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

// The 13 months as a line chart with axes: months along the bottom, the value up the side from 0, each
// month's figure written over its point, the target dashed. Months without a value leave a gap.
function trendChart(v) {
  const trend = v.trend || [];
  const W = 680, H = 240, left = 56, right = 30, top = 22, bottom = 36;
  const values = trend.map((p) => p.value).filter((x) => x != null);
  const axis = Rules.ticks(Math.max(...values, v.target == null ? 0 : v.target, 0));
  const hi = axis[axis.length - 1];
  const x = (i) => left + (trend.length < 2 ? 0 : i * (W - left - right) / (trend.length - 1));
  const y = (value) => top + (H - top - bottom) * (1 - value / hi);
  const described = v.code + ' over the last ' + trend.length + ' months: '
    + trend.map((p) => monthLabel(p.period) + ' ' + (p.value == null ? 'no figure' : fmt(v, p.value))).join(', ');
  const segments = [];
  let run = [];
  trend.forEach((p, i) => {
    if (p.value == null) { if (run.length) segments.push(run); run = []; } else run.push(x(i) + ',' + y(p.value));
  });
  if (run.length) segments.push(run);
  return svg('svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': described },
    svg('title', {}, described),
    axis.map((t) => svg('g', { class: 'y-tick' },
      svg('line', { x1: left, x2: W - right, y1: y(t), y2: y(t), class: 'grid' }),
      svg('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, fmt(v, t)))),
    trend.map((p, i) => svg('text', { class: 'x-label', x: x(i), y: H - bottom + 18, 'text-anchor': 'middle' },
      monthLabel(p.period).replace(/ 20(\d\d)$/, " '$1"))),
    v.target == null ? null : svg('line', { class: 'target', x1: left, x2: W - right, y1: y(v.target), y2: y(v.target) }),
    segments.map((s) => svg('polyline', { class: 'line', points: s.join(' ') })),
    trend.map((p, i) => p.value == null ? null : svg('g', { class: 'point', 'data-period': p.period },
      svg('circle', { cx: x(i), cy: y(p.value), r: 3.5 }),
      svg('text', { x: x(i), y: y(p.value) - 8, 'text-anchor': 'middle' }, fmt(v, p.value)))));
}

async function showIndicator(code) {
  const panel = $('#indicator-page');
  if (!code) { panel.hidden = true; panel.replaceChildren(); return; }
  const scope = state.scope;
  const v = await getJson('/api/indicators/' + encodeURIComponent(code) + '?' + q(scope) + '&months=13');
  if (scope !== state.scope || code !== state.indicator) return;
  const d = v.definition || {};
  const better = v.better ? (v.better === 'lower' ? 'lower is better' : 'higher is better') : null;
  const facts = [['Who or what it counts', d.population], ['What meets it', d.activity], ['Timescale', d.timescale],
    ['Counted in its month by', d.referenceDate], ['Target', d.target ? [d.target, better].filter(Boolean).join(', ') : 'none set']]
    .filter(([, text]) => text);
  const average = Rules.sixMonthAverage(v);
  const figures = [['Now', fmt(v, v.value), [fraction(v), v.soFar && v.value != null ? 'so far' : ''].filter(Boolean).join(' ')],
    ['Last month', fmt(v, v.previous), ''],
    ['Previous 6 months\' average', fmt(v, average), ''],
    ...Object.entries(v.comparators || {}).filter(([k]) => k !== 'period')
      .map(([k, x]) => [humanise(k.replace(/([A-Z])/g, ' $1').toLowerCase()) + (v.comparators.period ? ' (' + v.comparators.period + ')' : ''),
        typeof x === 'number' ? fmt(v, x) : String(x), ''])];
  const close = el('a', { href: '#' + new URLSearchParams({ scope, tab: 'scorecard' }).toString(), class: 'close-indicator' }, 'Close');
  panel.replaceChildren(
    el('h2', { class: 'group' }, v.code + ' ' + v.name),
    el('p', { class: 'note' }, scopeLabel(scope) + '. ', close),
    el('dl', { class: 'definition' }, facts.flatMap(([term, text]) => [el('dt', {}, term), el('dd', {}, text)])),
    el('div', { class: 'figures' }, figures.map(([label, value, sub]) =>
      el('div', { class: 'figure' }, el('span', { class: 'figure-label' }, label), el('span', { class: 'figure-value' }, value),
        sub ? el('span', { class: 'sub' }, sub) : null)), el('div', { class: 'figure' }, el('span', { class: 'figure-label' }, 'RAG'), ragPill(v.rag, v))),
    el('h3', {}, 'The last 13 months'),
    trendChart(v),
    ...(v.breakdown && v.breakdown.length ? [el('h3', {}, 'By team'),
      el('table', { class: 'breakdown', id: 'indicator-breakdown' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Team'), el('th', { class: 'num' }, 'Now'), el('th', { class: 'num' }, ''), el('th', {}, 'RAG'))),
        el('tbody', {}, v.breakdown.map((t) => el('tr', { 'data-scope': t.scope },
          el('td', {}, el('a', { href: '#' + indicatorLink(t.scope, v.code) }, scopeLabel(t.scope))),
          el('td', { class: 'num' }, fmt(v, t.value)),
          el('td', { class: 'num sub' }, fraction(Object.assign({}, v, t))),
          el('td', {}, ragPill(t.rag, v))))))] : []),
    el('p', {}, el('a', { href: '#' + listLink(scope, { code: v.code }), class: 'children-link' },
      'Its children overdue or due soon in ' + scopeLabel(scope))));
  panel.hidden = false;
  panel.scrollIntoView({ block: 'start' });
}

function indicatorTable(views) {
  const month = londonMonth();
  return el('table', { class: 'indicators' },
    el('colgroup', {}, ['code', 'name', 'figure', 'figure', 'figure', 'target', 'change', 'rag', 'trend'].map((c) => el('col', { class: c }))),
    el('thead', {}, el('tr', {},
      el('th', {}, 'Code'), el('th', {}, 'Indicator'),
      el('th', { class: 'num' }, 'Last month', el('span', { class: 'sub' }, monthLabel(previousMonth(month)))),
      el('th', { class: 'num' }, 'Now', el('span', { class: 'sub' }, monthLabel(month))),
      el('th', { class: 'num projected' }, 'Month end', el('span', { class: 'sub' }, 'if nothing else is done')),
      el('th', { class: 'num target' }, 'Target'), el('th', {}, 'Change'), el('th', {}, 'RAG'),
      el('th', { class: 'trend' }, '13 months'))),
    el('tbody', {}, views.map(indicatorRow)));
}

// A team's scorecard shows the indicators with a population in that team; the rest behind "show all".
function renderScorecard() {
  const byGroup = new Map(GROUPS.map((g) => [g.label, []]));
  const team = state.scope.startsWith('team/');
  const all = [...state.views.values()];
  const hidden = team && !state.showAll ? all.filter((v) => !Rules.hasPopulation(v) && !v.notAvailable) : [];
  for (const v of all) {
    if (hidden.includes(v)) continue;
    const g = groupOf(v);
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g).push(v);
  }
  const out = [];
  for (const [label, views] of byGroup) {
    if (views.length === 0) continue;
    out.push(el('h2', { class: 'group' }, label), indicatorTable(views));
  }
  if (team && (hidden.length || state.showAll)) {
    const toggle = el('button', { type: 'button', id: 'show-all', class: 'link-button' },
      state.showAll ? 'Show only the indicators this team has anyone for'
        : 'Show all ' + all.length + ' indicators (' + hidden.length + ' with no one in this team are hidden)');
    toggle.addEventListener('click', () => { state.showAll = !state.showAll; renderScorecard(); });
    out.unshift(el('p', { class: 'note', id: 'hidden-count' }, toggle));
  }
  $('#scorecard').replaceChildren(...(out.length ? out : [el('p', { class: 'empty' }, 'No indicators.')]));
}

// The seeds' three headings, each indicator a plain sentence from the API (API.md, /api/overview).
const OVERVIEW_HEADINGS = [['goingWell', 'Going well'], ['onesToWatch', 'Ones to watch'], ['toDoBetter', 'Things to do better']];

function renderOverview(o) {
  $('#overview').replaceChildren(...OVERVIEW_HEADINGS.map(([key, title]) =>
    el('section', { class: 'overview-' + key, 'data-heading': key },
      el('h2', {}, title),
      o[key].length ? el('ul', {}, o[key].map((e) => el('li', { 'data-code': e.code }, ragPill(e.rag, e), ' ', e.sentence)))
        : el('p', { class: 'empty' }, 'None.'))));
}

async function loadScorecard() {
  const scope = state.scope;
  const now = await getJson('/api/indicators?' + q(scope));
  const overview = getJson('/api/overview?' + q(scope));
  // One call per code for its 13-month trend; the browser runs a few at a time.
  const details = await Promise.all(now.indicators.map((v) =>
    getJson('/api/indicators/' + encodeURIComponent(v.code) + '?' + q(scope) + '&months=13').catch(() => v)));
  if (scope !== state.scope) return;
  state.views = new Map(details.map((v) => [v.code, v]));
  renderScorecard();
  renderOverview(await overview);
}

// A value changed: the current figures again in one call, each trend's last point with them.
async function refreshScorecard() {
  const scope = state.scope;
  const now = await getJson('/api/indicators?' + q(scope));
  if (scope !== state.scope) return;
  getJson('/api/overview?' + q(scope)).then((o) => { if (scope === state.scope) renderOverview(o); }).catch(() => {});
  for (const fresh of now.indicators) {
    const old = state.views.get(fresh.code);
    const trend = old && old.trend ? old.trend.slice() : [];
    if (trend.length) trend[trend.length - 1] = Object.assign({}, trend[trend.length - 1], { value: fresh.value });
    const v = Object.assign({}, fresh, { trend });
    state.views.set(v.code, v);
    const row = document.querySelector('#scorecard tr[data-code="' + CSS.escape(v.code) + '"]');
    if (row) row.replaceWith(indicatorRow(v));
    // An indicator of a team that has just counted someone for the first time: draw again.
    else if (state.scope.startsWith('team/') && Rules.hasPopulation(v)) renderScorecard();
  }
}

// ---------- the overdue list ----------

const LISTED = new Set(['OVERDUE', 'DUE_SOON']);
const itemKey = (i) => i.subject + '|' + i.code + '|' + i.itemId;

function byMostOverdue(a, b) {
  return (b.daysOverdue - a.daysOverdue)
    || cmpNullsLast(a.due, b.due) || cmpNullsLast(a.deadline, b.deadline)
    || a.subject.localeCompare(b.subject) || a.code.localeCompare(b.code) || String(a.itemId).localeCompare(String(b.itemId));
}

function cmpNullsLast(a, b) {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function inScope(item) {
  const [level, id] = state.scope.split('/');
  if (level === 'team') return item.team === id;
  if (level === 'service') return item.service === id;
  return true;
}

function who(subject) {
  const [kind, id] = subject.split('/');
  return kind === 'carer' ? 'Carer ' + id : id;
}

function statusText(i) {
  if (i.status === 'OVERDUE') return i.daysOverdue > 0 ? 'Overdue ' + i.daysOverdue + (i.daysOverdue === 1 ? ' day' : ' days') : 'Overdue';
  return 'Due soon';
}

function itemRow(i) {
  const v = state.views.get(i.code);
  // A child's name leads to that child's items across indicators (and Back to the list before).
  const child = el('a', { href: '#' + listLink(state.scope, { child: i.subject }), class: 'child-link', 'data-child': i.subject,
    title: 'Every item of ' + who(i.subject) + ' across indicators' }, who(i.subject));
  return el('tr', { 'data-key': itemKey(i), 'data-status': i.status, 'data-worker': i.worker || '', class: markOf(itemKey(i)) },
    el('td', { class: 'who' }, child),
    el('td', {}, el('strong', {}, i.code), ' ', v ? v.name : ''),
    el('td', {}, i.worker || 'no worker'),
    el('td', { class: 'status-' + i.status }, statusText(i)),
    el('td', { class: 'num' }, i.deadline ? instantLabel(i.deadline) : dateLabel(i.due)),
    el('td', { class: 'num' }, i.lastActivity ? dateLabel(i.lastActivity) : 'none yet'),
    state.scope.startsWith('team/') ? null : el('td', {}, i.team));
}

function itemTable(id, items) {
  const team = state.scope.startsWith('team/');
  const columns = team ? 6 : 7;
  let rows;
  if (state.filters.group) {
    rows = Rules.groupByChild(items).flatMap((g) => [
      el('tr', { class: 'child-group', 'data-child': g.subject },
        el('th', { colspan: String(columns), scope: 'rowgroup' }, who(g.subject) + ' · ' + g.items.length + (g.items.length === 1 ? ' item' : ' items'))),
      ...g.items.map(itemRow)]);
  } else {
    rows = items.map(itemRow);
  }
  return el('table', { id, class: 'items', 'data-scope': state.scope },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Child'), el('th', {}, 'What is due'), el('th', {}, 'Worker'), el('th', {}, 'Status'),
      el('th', { class: 'num' }, 'Due'), el('th', { class: 'num' }, 'Last done'), team ? null : el('th', {}, 'Team'))),
    el('tbody', {}, rows));
}

function select(id, label, options, value, onChange) {
  const s = el('select', { id }, options.map(([v, text]) => el('option', { value: v }, text)));
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return el('label', { class: 'filter' }, label + ' ', s);
}

// The filters, as controls: indicator chips (pressed or not), worker, status, group by child.
function renderFilters(items, perCode) {
  const f = state.filters;
  const chip = (code, n) => {
    const b = el('button', { type: 'button', class: 'chip chip-filter', 'data-code': code, 'aria-pressed': String(f.codes.has(code)),
      title: 'Show only ' + code + ' (press again to show all)' }, code + ' ', el('strong', {}, n));
    b.addEventListener('click', () => { if (f.codes.has(code)) f.codes.delete(code); else f.codes.add(code); renderOverdue(); });
    return b;
  };
  const workers = Rules.workers(items);
  if (f.worker && f.worker !== 'none' && !workers.includes(f.worker)) workers.push(f.worker);
  // Drawn again only when something on them changed: a live redraw must not take a control from
  // under the hand (or the keyboard focus) of whoever is using it.
  const signature = JSON.stringify([state.scope, workers, [...perCode], [...f.codes], f.worker, f.status, f.child, f.group]);
  if (signature === state.filtersDrawn && $('#overdue-filters').childElementCount) return;
  state.filtersDrawn = signature;
  const group = el('input', { type: 'checkbox', id: 'group-by-child' });
  group.checked = f.group;
  group.addEventListener('change', () => { f.group = group.checked; renderOverdue(); });
  const controls = [
    select('filter-worker', 'Worker', [['', 'All workers'], ['none', 'No worker'], ...workers.map((w) => [w, w])], f.worker,
      (x) => { f.worker = x; renderOverdue(); }),
    select('filter-status', 'Status', [['', 'Overdue and due soon'], ['OVERDUE', 'Overdue'], ['DUE_SOON', 'Due soon']], f.status,
      (x) => { f.status = x; renderOverdue(); }),
    el('label', { class: 'filter' }, group, ' Group by child')];
  if (f.child) {
    const clear = el('button', { type: 'button', class: 'chip', id: 'clear-child' }, 'Only ' + who(f.child) + ' ✕');
    clear.addEventListener('click', () => { f.child = ''; go(state.scope, 'overdue'); renderOverdue(); });
    controls.push(clear);
  }
  if (f.codes.size || f.worker || f.status || f.child) {
    const all = el('button', { type: 'button', class: 'link-button', id: 'clear-filters' }, 'Clear filters');
    all.addEventListener('click', () => { state.filters = freshFilters(f.group); go(state.scope, 'overdue'); renderOverdue(); });
    controls.push(all);
  }
  $('#overdue-filters').replaceChildren(
    el('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by indicator' },
      ...[...perCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => chip(code, n))),
    el('div', { class: 'controls' }, ...controls));
}

function freshFilters(group) {
  return { codes: new Set(), worker: '', status: '', child: '', group: !!group };
}

// What is actionable first (due soon, or overdue up to 90 days); longer overdue items below, in
// a collapsed section that still counts them. Counts and chips are of the filtered view.
function renderOverdue() {
  const all = [...state.items.values()].sort(byMostOverdue);
  const perCode = new Map();
  for (const i of Rules.filterItems(all, Object.assign({}, state.filters, { codes: null }))) perCode.set(i.code, (perCode.get(i.code) || 0) + 1);
  for (const code of state.filters.codes) if (!perCode.has(code)) perCode.set(code, 0);
  const items = Rules.filterItems(all, state.filters);
  const { actionable, longOverdue } = Rules.partition(items);
  const overdue = actionable.filter((i) => i.status === 'OVERDUE').length;
  $('#overdue-summary').replaceChildren(
    el('span', { class: 'chip', id: 'count-overdue' }, el('strong', {}, overdue), ' overdue'),
    el('span', { class: 'chip', id: 'count-due-soon' }, el('strong', {}, actionable.length - overdue), ' due soon'),
    el('span', { class: 'chip', id: 'count-long-overdue' }, el('strong', {}, longOverdue.length),
      ' long overdue (over ' + Rules.LONG_OVERDUE_DAYS + ' days)'));
  renderFilters(all, perCode);
  if (all.length === 0) {
    $('#overdue').replaceChildren(el('p', { class: 'empty', id: 'overdue-empty' }, 'Nothing overdue or due soon.'));
    return;
  }
  const out = [];
  if (actionable.length) {
    out.push(itemTable('overdue-list', actionable.slice(0, LIST_LIMIT)));
    if (actionable.length > LIST_LIMIT) {
      out.push(el('p', { class: 'note' }, 'Showing the ' + LIST_LIMIT + ' most overdue of ' + actionable.length.toLocaleString('en-GB') + '; choose a team or a filter for the rest.'));
    }
  } else {
    out.push(el('p', { class: 'empty', id: 'overdue-empty' }, items.length ? 'Nothing due in the last '
      + Rules.LONG_OVERDUE_DAYS + ' days or the next 5 working days.' : 'Nothing matches these filters.'));
  }
  if (longOverdue.length) {
    const details = el('details', { id: 'long-overdue' },
      el('summary', {}, 'Long overdue: ', el('strong', { class: 'long-overdue-count' }, longOverdue.length.toLocaleString('en-GB')),
        longOverdue.length === 1 ? ' item' : ' items', ' more than ' + Rules.LONG_OVERDUE_DAYS + ' days overdue'),
      itemTable('long-overdue-list', longOverdue.slice(0, LIST_LIMIT)));
    details.open = state.longOpen;
    details.addEventListener('toggle', () => { state.longOpen = details.open; });
    out.push(details);
  }
  $('#overdue').replaceChildren(...out);
}

async function loadOverdue() {
  const scope = state.scope;
  const body = await getJson('/api/overdue?' + q(scope));
  if (scope !== state.scope) return;
  state.items = new Map(body.items.map((i) => [itemKey(i), i]));
  state.itemsLoaded = true;
  if (scope === 'LA') learnScopes(body.items);
  renderOverdue();
}

// A changed item is highlighted for a moment, a resolved one struck through and then gone, so
// the change is seen. Changes are drawn together at most twice a second: a busy authority sends
// many at once.
const leaving = new Map();   // key -> timer that removes it
const flashed = new Map();   // key -> until when it is highlighted
let drawTimer = null;

function redrawSoon() {
  if (drawTimer) return;
  drawTimer = setTimeout(() => { drawTimer = null; renderOverdue(); }, 500);
}

function onItem(event) {
  if (!state.itemsLoaded) return;
  const item = event.item;
  const key = itemKey(item);
  if (event.status && LISTED.has(event.status) && inScope(item)) {
    state.items.set(key, Object.assign({}, item, { status: event.status }));
    clearTimeout(leaving.get(key));
    leaving.delete(key);
    flashed.set(key, Date.now() + MARK_MS);
    setTimeout(redrawSoon, MARK_MS);
  } else if (state.items.has(key) && !leaving.has(key)) {
    leaving.set(key, setTimeout(() => {
      leaving.delete(key);
      state.items.delete(key);
      redrawSoon();
    }, MARK_MS));
  }
  redrawSoon();
}

function markOf(key) {
  if (leaving.has(key)) return 'leaving';
  const until = flashed.get(key);
  if (until && until > Date.now()) return 'flash';
  flashed.delete(key);
  return null;
}

// ---------- alerts and the pack ----------

async function loadAlerts() {
  const scope = state.scope;
  const [body] = await Promise.all([getJson('/api/alerts?' + q(scope) + '&state=OPEN'), state.namesReady]);
  if (scope !== state.scope) return;
  if (body.alerts.length === 0) {
    $('#alerts').replaceChildren(el('p', { class: 'empty' }, 'No open alerts.'));
    return;
  }
  $('#alerts').replaceChildren(el('p', { class: 'summary' }, el('span', { class: 'chip' }, el('strong', {}, body.alerts.length), ' open')),
    el('table', { id: 'alerts-list' },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Raised'), el('th', {}, 'Indicator'), el('th', {}, 'Child'), el('th', {}, 'Team'),
      el('th', {}, 'Worker'), el('th', { class: 'num' }, 'Was due'), el('th', {}, 'Told'))),
    el('tbody', {}, body.alerts.map((a) => {
      const v = state.views.get(a.code);
      return el('tr', { 'data-alert': a.id },
        el('td', {}, instantLabel(a.raisedAt)),
        el('td', {}, el('strong', {}, a.code), ' ', v ? v.name : ''),
        el('td', {}, who(a.subject)), el('td', {}, a.team), el('td', {}, a.worker || 'no worker'),
        el('td', { class: 'num' }, dateLabel(a.due)), el('td', { class: 'told' }, told(a.deliveries)));
    }))));
}

// How the alerts service told people of an open alert, per channel, from its delivery log.
function told(deliveries) {
  const sent = (deliveries || []).filter((d) => d.notice !== 'RESOLVED');
  if (sent.length === 0) return 'no delivery recorded';
  return sent.map((d) => (d.notice === 'ESCALATION' ? 'escalation ' : '') + d.channel + ' '
    + (d.state === 'DELIVERED' ? '✓' : d.state.toLowerCase() + (d.attempts ? ' (' + d.attempts + ' tries)' : ''))).join(', ');
}

async function loadPack() {
  const scope = state.scope;
  const url = '/api/packs/' + PACK + '?' + q(scope);
  $('#pack-csv').href = url + '&format=csv';
  const [body, overview] = await Promise.all([getJson(url), getJson('/api/overview?' + q(scope)).catch(() => null)]);
  if (scope !== state.scope) return;
  $('#pack').replaceChildren(el('p', { class: 'as-of', id: 'pack-as-of' }, scopeLabel(scope) + ' · as of ' + instantLabel(body.asOf) + ' (London time)'),
    indicatorTable(body.indicators), packCommentary(body.indicators, overview));
}

// The meeting's talking points: the overview's sentence for each of the pack's indicators, under its heading.
function packCommentary(indicators, overview) {
  if (!overview) return null;
  const codes = new Set(indicators.map((v) => v.code));
  const sections = OVERVIEW_HEADINGS.map(([key, title]) => [title, overview[key].filter((e) => codes.has(e.code))])
    .filter(([, entries]) => entries.length);
  return el('section', { class: 'commentary', id: 'pack-commentary', 'aria-label': 'Commentary' },
    el('h2', { class: 'group' }, 'Commentary'),
    sections.length ? sections.map(([title, entries]) => [el('h3', {}, title),
      el('ul', {}, entries.map((e) => el('li', { 'data-code': e.code }, e.sentence)))])
      : el('p', { class: 'empty' }, 'None of these indicators has a target and a figure to comment on yet.'));
}

// ---------- scopes ----------

// There is no endpoint listing teams: they are learnt from the authority's live lists and alerts.
function learnScopes(items) {
  let changed = false;
  for (const i of items) {
    if (i.team && !state.scopes.teams.has(i.team)) { state.scopes.teams.set(i.team, i.service); changed = true; }
    if (i.service && !state.scopes.services.has(i.service)) { state.scopes.services.add(i.service); changed = true; }
  }
  if (changed) renderScopes();
}

function renderScopes() {
  const select = $('#scope');
  // A user who reads some lists only is offered those (the authority's lists would be refused).
  const options = state.lists ? [] : [el('option', { value: 'LA' }, 'The whole authority')];
  const services = [...state.scopes.services].sort();
  if (services.length) {
    options.push(el('optgroup', { label: 'Services' }, services.map((s) => el('option', { value: 'service/' + s }, humanise(s)))));
  }
  const teams = [...state.scopes.teams.keys()].sort();
  if (teams.length) {
    options.push(el('optgroup', { label: 'Teams' }, teams.map((t) => el('option', { value: 'team/' + t }, t + (state.scopes.teams.get(t) ? ' · ' + humanise(state.scopes.teams.get(t)) : '')))));
  }
  const [level, id] = state.scope.split('/');
  if (level === 'team' && !state.scopes.teams.has(id)) options.push(el('option', { value: state.scope }, 'Team ' + id));
  if (level === 'service' && !state.scopes.services.has(id)) options.push(el('option', { value: state.scope }, humanise(id)));
  select.replaceChildren(...options);
  select.value = state.scope;
}

async function discoverScopes() {
  if (state.lists) return;  // the user's own scopes, from GET /api/me
  const [overdue, alerts] = await Promise.all([
    getJson('/api/overdue?scope=LA'), getJson('/api/alerts?scope=LA').catch(() => ({ alerts: [] }))]);
  learnScopes(overdue.items);
  learnScopes(alerts.alerts);
}

// ---------- progress and live updates ----------

function renderStatus() {
  const s = state.lastStatus;
  if (!s) return;
  const box = $('#status');
  const live = state.source && state.source.readyState === EventSource.OPEN;
  box.classList.toggle('behind', s.lagEvents > 0);
  box.classList.toggle('live', s.lagEvents <= 0 && live);
  box.replaceChildren(el('span', { class: 'dot' }), s.lagEvents > 0
    ? 'Catching up: ' + s.lagEvents.toLocaleString('en-GB') + ' of ' + s.accepted.toLocaleString('en-GB') + ' events still to apply'
    : 'Up to date: ' + s.applied.toLocaleString('en-GB') + ' events applied' + (live ? ', live' : ''));
}

async function pollStatus() {
  let s;
  try {
    s = await getJson('/api/status');
  } catch (e) {
    $('#status').replaceChildren(el('span', { class: 'dot' }), 'Cannot reach the server');
    return;
  }
  const before = state.lastStatus;
  state.lastStatus = s;
  renderStatus();
  if (before && before.lagEvents > 0 && s.lagEvents <= 0) {
    // The back-fill has landed: every figure and trend is worth reading again.
    loadScope();
  } else if (before && s.accepted !== before.accepted && state.scopes.teams.size === 0) {
    discoverScopes().catch(() => {});
  }
}

function connect() {
  if (state.source) state.source.close();
  const source = new EventSource('/api/stream?' + q(state.scope));
  let dropped = false;
  source.addEventListener('item', (e) => onItem(JSON.parse(e.data)));
  source.addEventListener('indicator', (e) => onIndicator(JSON.parse(e.data)));
  source.onerror = () => { dropped = true; renderStatus(); };
  // Back after a drop: what changed meanwhile was not streamed, so read the lists again.
  source.onopen = () => {
    renderStatus();
    if (dropped) { dropped = false; loadTab(state.tab); }
  };
  state.source = source;
}

function onIndicator(event) {
  const current = londonMonth();
  if (event.period === current || event.period === previousMonth(current)) {
    if (!state.refreshTimer) {
      state.refreshTimer = setTimeout(() => { state.refreshTimer = null; refreshScorecard().catch(() => {}); }, 2000);
    }
  } else if (!state.reloadTimer) {
    // An older month moved (late events, or the back-fill): the trends, less often.
    state.reloadTimer = setTimeout(() => { state.reloadTimer = null; loadScorecard().catch(() => {}); }, 15000);
  }
}

// ---------- navigation ----------

function loadTab(tab) {
  const load = { scorecard: loadScorecard, overdue: loadOverdue, alerts: loadAlerts, pack: loadPack }[tab];
  return load().catch((e) => {
    $('#' + tab).replaceChildren(el('p', { class: 'empty' }, 'Could not load this: ' + e.message));
  });
}

function showTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== 'panel-' + tab;
}

function loadScope() {
  for (const h of document.querySelectorAll('.scope-title')) h.textContent = scopeLabel(state.scope);
  document.title = 'caseclock · ' + scopeLabel(state.scope);
  // Nothing of the last scope may stay on screen while this one loads.
  for (const id of ['scorecard', 'overdue', 'alerts', 'pack']) $('#' + id).replaceChildren(el('p', { class: 'empty' }, 'Loading…'));
  $('#overdue-summary').replaceChildren();
  $('#overdue-filters').replaceChildren();
  state.itemsLoaded = false;
  state.items = new Map();
  state.filters = freshFilters(state.filters && state.filters.group);
  state.longOpen = false;
  state.showAll = false;
  connect();
  // The overdue list is kept whatever the tab, so live changes have something to change.
  // Lists name each indicator from the scorecard's figures: the overdue list is drawn again once
  // they are in, alerts wait for them.
  state.namesReady = loadTab('scorecard');
  state.namesReady.then(() => { if (state.itemsLoaded) renderOverdue(); });
  loadTab('overdue');
  if (state.tab === 'alerts' || state.tab === 'pack') loadTab(state.tab);
}

// '#scope=team/FAM-1&tab=overdue'; also '#/team/FAM-1' (a team's list), the form alert messages link to.
// '&code=CIN4' (an indicator's children: the drill-down from the scorecard) and '&child=child/C1'
// (a child's items across indicators) filter the list they open; on the scorecard, '&risk=CIN4'
// opens the indicator's items at risk by month end, '&indicator=CIN4' its page (definition, chart, teams).
function readHash() {
  const hash = location.hash.slice(1);
  const path = hash.match(/^\/(LA|(?:team|service)\/[A-Za-z0-9_.-]+)$/);
  if (path) return { scope: path[1], tab: path[1].startsWith('team/') ? 'overdue' : 'scorecard' };
  const p = new URLSearchParams(hash);
  return { scope: p.get('scope') || 'LA', tab: p.get('tab') || 'scorecard', code: p.get('code') || '', child: p.get('child') || '',
    risk: p.get('risk') || '', indicator: p.get('indicator') || '' };
}

function listLink(scope, filter) {
  return new URLSearchParams(Object.assign({ scope, tab: 'overdue' }, filter)).toString();
}

// The list's indicator and child filters follow the address when it names them, or named them before.
function applyHashFilters(next) {
  if (next.tab !== 'overdue' || !state.filters) return;
  if (next.code || next.child || state.hashFiltered) {
    state.filters.codes = new Set(next.code ? [next.code] : []);
    state.filters.child = next.child || '';
  }
  state.hashFiltered = !!(next.code || next.child);
}

function go(scope, tab) {
  location.hash = new URLSearchParams({ scope, tab }).toString();
}

window.addEventListener('hashchange', () => {
  const next = readHash();
  const scopeChanged = next.scope !== state.scope;
  state.scope = next.scope;
  showTab(next.tab);
  renderScopes();
  if (scopeChanged) loadScope();
  applyHashFilters(next);
  state.risk = next.tab === 'scorecard' ? next.risk : '';
  showAtRisk(state.risk).catch(() => {});
  state.indicator = next.tab === 'scorecard' ? next.indicator : '';
  showIndicator(state.indicator).catch(() => {});
  if (!scopeChanged) {
    if (next.tab === 'overdue' && state.itemsLoaded) renderOverdue();
    else loadTab(next.tab);
  }
});

$('#scope').addEventListener('change', (e) => go(e.target.value, e.target.value.startsWith('team/') ? 'overdue' : state.tab));
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => go(state.scope, b.dataset.tab));

$('#print-pack').addEventListener('click', () => window.print());

// The overdue list as filtered, long overdue included, as a spreadsheet named for its scope and day.
$('#overdue-csv').addEventListener('click', () => {
  const items = Rules.filterItems([...state.items.values()].sort(byMostOverdue), state.filters);
  const names = new Map([...state.views.values()].map((v) => [v.code, v.name]));
  const blob = new Blob([Rules.itemsCsv(items, names)], { type: 'text/csv;charset=utf-8' });
  const a = el('a', { href: URL.createObjectURL(blob), download: Rules.csvName('overdue', state.scope) });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

// Who is signed in (with security on and a provider configured), which lists they read, and the
// sign-out form. Without it (security off, or tokens only) every scope is offered, as before.
async function loadMe() {
  try {
    state.me = await getJson('/api/me');
  } catch (e) {
    return;
  }
  state.lists = state.me.lists;
  for (const scope of state.lists || []) {
    const [level, id] = scope.split('/');
    if (level === 'team') state.scopes.teams.set(id, '');
    if (level === 'service') state.scopes.services.add(id);
  }
  const out = state.me.signOut;
  if (out) {
    $('#who').replaceChildren('Signed in as ' + state.me.name + ' ',
      el('form', { method: 'post', action: out.url, class: 'sign-out' },
        el('input', { type: 'hidden', name: out.parameter, value: out.token }),
        el('button', { type: 'submit', class: 'link-button' }, 'Sign out')));
    $('#who').hidden = false;
  }
}

// Where a user who reads some lists only starts: their first team, else their first service.
function firstScope() {
  const lists = state.lists || [];
  return lists.find((s) => s.startsWith('team/')) || lists[0] || 'LA';
}

(async function start() {
  await loadMe();
  if (!location.hash && state.lists) history.replaceState(null, '', '#' + new URLSearchParams({ scope: firstScope(), tab: 'overdue' }));
  const first = readHash();
  state.scope = first.scope;
  showTab(first.tab);
  renderScopes();
  loadScope();
  applyHashFilters(first);
  state.risk = first.tab === 'scorecard' ? first.risk : '';
  showAtRisk(state.risk).catch(() => {});
  state.indicator = first.tab === 'scorecard' ? first.indicator : '';
  showIndicator(state.indicator).catch(() => {});
  discoverScopes().catch(() => {});
  pollStatus();
  setInterval(pollStatus, 5000);
  setInterval(() => { if (state.tab === 'alerts') loadAlerts(); }, 60000);
})();
