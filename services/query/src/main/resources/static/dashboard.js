// The caseclock dashboard: plain JavaScript over the documented HTTP API (API.md), nothing else.
// State lives in the URL hash (#scope=team/FAM-1&tab=overdue), so a view can be bookmarked and shared.
'use strict';

// The catalogue's groups, in the order the authority's scorecards use. The API gives each
// indicator's code, not its group, so the group follows the code's published prefix.
const GROUPS = [
  { label: 'Front door', codes: /^FD\d/ },
  { label: 'Assessment', codes: /^AMT\d/ },
  { label: 'Children in need and protection', codes: /^(CIN\d|CP\d|N1$|N2$)/ },
  { label: 'Missing', codes: /^MC\d/ },
  { label: 'Children in care', codes: /^(CLA\d|N3$)/ },
  { label: 'Fostering', codes: /^F\d/ },
  { label: 'Care leavers', codes: /^(CL\d|N4$)/ },
  { label: 'Quality assurance', codes: /^QA\d/ },
  { label: 'Workforce', codes: /^W\d/ },
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
  lastStatus: null,
  reloadTimer: null,
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
  if (!r.ok) throw new Error(url + ' answered ' + r.status);
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

function dateLabel(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function instantLabel(iso) {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

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

const isCount = (v) => v.kind === 'COUNT';

// Percentages as whole percentages; counts whole, except an average (W1) to one place.
function shown(v, x) {
  if (x == null) return null;
  if (!isCount(v)) return Math.round(x * 100);
  return Number.isInteger(x) ? x : Math.round(x * 10) / 10;
}

function fmt(v, x) {
  const s = shown(v, x);
  if (s == null) return '–';
  return isCount(v) ? s.toLocaleString('en-GB') : s + '%';
}

// Worked from the rounded figures shown, so "76%, 85%, Up 9pp" always adds up on the page.
function fmtChange(v) {
  const now = shown(v, v.value);
  const before = shown(v, v.previous);
  if (now == null || before == null) return '';
  const d = Math.round((now - before) * 10) / 10;
  if (d === 0) return 'No change';
  return (d > 0 ? 'Up ' : 'Down ') + Math.abs(d).toLocaleString('en-GB') + (isCount(v) ? '' : 'pp');
}

function fraction(v) {
  if (v.numerator == null || !v.denominator) return '';
  if (v.code === 'W1') return v.numerator.toLocaleString('en-GB') + ' cases, ' + (v.denominator || 0).toLocaleString('en-GB') + ' workers';
  if (isCount(v)) return '';
  return v.numerator.toLocaleString('en-GB') + ' of ' + (v.denominator || 0).toLocaleString('en-GB');
}

function ragPill(rag) {
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

function groupOf(code) {
  const g = GROUPS.find((group) => group.codes.test(code));
  return g ? g.label : OTHER_GROUP;
}

function indicatorRow(v) {
  return el('tr', { 'data-code': v.code },
    el('td', { class: 'code' }, v.code),
    el('td', { class: 'name' }, v.name, v.better === 'lower' ? el('span', { class: 'sub' }, 'lower is better') : null),
    el('td', { class: 'num previous' }, fmt(v, v.previous)),
    el('td', { class: 'num value' }, fmt(v, v.value), el('span', { class: 'sub' }, fraction(v))),
    el('td', { class: 'num target' }, v.target == null ? '—' : fmt(v, v.target)),
    el('td', { class: 'change' }, fmtChange(v)),
    el('td', { class: 'rag-cell' }, ragPill(v.rag)),
    el('td', { class: 'trend' }, sparkline(v)));
}

function indicatorTable(views) {
  const month = londonMonth();
  return el('table', { class: 'indicators' },
    el('colgroup', {}, ['code', 'name', 'figure', 'figure', 'target', 'change', 'rag', 'trend'].map((c) => el('col', { class: c }))),
    el('thead', {}, el('tr', {},
      el('th', {}, 'Code'), el('th', {}, 'Indicator'),
      el('th', { class: 'num' }, 'Last month', el('span', { class: 'sub' }, monthLabel(previousMonth(month)))),
      el('th', { class: 'num' }, 'Now', el('span', { class: 'sub' }, monthLabel(month))),
      el('th', { class: 'num target' }, 'Target'), el('th', {}, 'Change'), el('th', {}, 'RAG'),
      el('th', { class: 'trend' }, '13 months'))),
    el('tbody', {}, views.map(indicatorRow)));
}

function renderScorecard() {
  const byGroup = new Map(GROUPS.map((g) => [g.label, []]));
  for (const v of state.views.values()) {
    const g = groupOf(v.code);
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g).push(v);
  }
  const out = [];
  for (const [label, views] of byGroup) {
    if (views.length === 0) continue;
    out.push(el('h2', { class: 'group' }, label), indicatorTable(views));
  }
  $('#scorecard').replaceChildren(...(out.length ? out : [el('p', { class: 'empty' }, 'No indicators.')]));
}

async function loadScorecard() {
  const scope = state.scope;
  const now = await getJson('/api/indicators?' + q(scope));
  // One call per code for its 13-month trend; the browser runs a few at a time.
  const details = await Promise.all(now.indicators.map((v) =>
    getJson('/api/indicators/' + encodeURIComponent(v.code) + '?' + q(scope) + '&months=13').catch(() => v)));
  if (scope !== state.scope) return;
  state.views = new Map(details.map((v) => [v.code, v]));
  renderScorecard();
}

// A value changed: the current figures again in one call, each trend's last point with them.
async function refreshScorecard() {
  const scope = state.scope;
  const now = await getJson('/api/indicators?' + q(scope));
  if (scope !== state.scope) return;
  for (const fresh of now.indicators) {
    const old = state.views.get(fresh.code);
    const trend = old && old.trend ? old.trend.slice() : [];
    if (trend.length) trend[trend.length - 1] = Object.assign({}, trend[trend.length - 1], { value: fresh.value });
    const v = Object.assign({}, fresh, { trend });
    state.views.set(v.code, v);
    const row = document.querySelector('#scorecard tr[data-code="' + CSS.escape(v.code) + '"]');
    if (row) row.replaceWith(indicatorRow(v));
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
  return el('tr', { 'data-key': itemKey(i), 'data-status': i.status, class: markOf(itemKey(i)) },
    el('td', { class: 'who' }, who(i.subject)),
    el('td', {}, el('strong', {}, i.code), ' ', v ? v.name : ''),
    el('td', {}, i.worker || 'no worker'),
    el('td', { class: 'status-' + i.status }, statusText(i)),
    el('td', { class: 'num' }, i.deadline ? instantLabel(i.deadline) : dateLabel(i.due)),
    el('td', { class: 'num' }, i.lastActivity ? dateLabel(i.lastActivity) : 'none yet'),
    state.scope.startsWith('team/') ? null : el('td', {}, i.team));
}

function renderOverdue() {
  const items = [...state.items.values()].sort(byMostOverdue);
  const overdue = items.filter((i) => i.status === 'OVERDUE').length;
  const perCode = new Map();
  for (const i of items) perCode.set(i.code, (perCode.get(i.code) || 0) + 1);
  $('#overdue-summary').replaceChildren(
    el('span', { class: 'chip', id: 'count-overdue' }, el('strong', {}, overdue), ' overdue'),
    el('span', { class: 'chip', id: 'count-due-soon' }, el('strong', {}, items.length - overdue), ' due soon'),
    ...[...perCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => el('span', { class: 'chip' }, code + ' ', el('strong', {}, n))));
  if (items.length === 0) {
    $('#overdue').replaceChildren(el('p', { class: 'empty', id: 'overdue-empty' }, 'Nothing overdue or due soon.'));
    return;
  }
  const shownItems = items.slice(0, LIST_LIMIT);
  const team = state.scope.startsWith('team/');
  const table = el('table', { id: 'overdue-list', 'data-scope': state.scope },
    el('thead', {}, el('tr', {},
      el('th', {}, 'Child'), el('th', {}, 'What is due'), el('th', {}, 'Worker'), el('th', {}, 'Status'),
      el('th', { class: 'num' }, 'Due'), el('th', { class: 'num' }, 'Last done'), team ? null : el('th', {}, 'Team'))),
    el('tbody', {}, shownItems.map(itemRow)));
  const more = items.length > LIST_LIMIT
    ? el('p', { class: 'note' }, 'Showing the ' + LIST_LIMIT + ' most overdue of ' + items.length.toLocaleString('en-GB') + '; choose a team for its whole list.')
    : null;
  $('#overdue').replaceChildren(table, ...(more ? [more] : []));
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
  const body = await getJson(url);
  if (scope !== state.scope) return;
  $('#pack').replaceChildren(indicatorTable(body.indicators));
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
  const options = [el('option', { value: 'LA' }, 'The whole authority')];
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
  state.itemsLoaded = false;
  state.items = new Map();
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
function readHash() {
  const hash = location.hash.slice(1);
  const path = hash.match(/^\/(LA|(?:team|service)\/[A-Za-z0-9_.-]+)$/);
  if (path) return { scope: path[1], tab: path[1].startsWith('team/') ? 'overdue' : 'scorecard' };
  const p = new URLSearchParams(hash);
  return { scope: p.get('scope') || 'LA', tab: p.get('tab') || 'scorecard' };
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
  if (scopeChanged) loadScope(); else loadTab(next.tab);
});

$('#scope').addEventListener('change', (e) => go(e.target.value, e.target.value.startsWith('team/') ? 'overdue' : state.tab));
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => go(state.scope, b.dataset.tab));

(function start() {
  const first = readHash();
  state.scope = first.scope;
  showTab(first.tab);
  renderScopes();
  loadScope();
  discoverScopes().catch(() => {});
  pollStatus();
  setInterval(pollStatus, 5000);
  setInterval(() => { if (state.tab === 'alerts') loadAlerts(); }, 60000);
})();
