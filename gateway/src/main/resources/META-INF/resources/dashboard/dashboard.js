// The CPA dashboard: reads the statistics endpoints through the gateway (STATS.md shapes) with the
// advisor's bearer token and draws them with Chart.js. No build step: plain browser JavaScript.
'use strict';

const TOKEN_KEY = 'cpa.dashboard.token';
/** An event waiting longer than this in an outbox is stuck: the relay normally publishes in seconds. */
const OLDEST_PENDING_ALERT_SECONDS = 60;
const OPERATIONS_REFRESH_MS = 15000;
const COLOURS = ['#000091', '#e1000f', '#18753c', '#b34000', '#6a6af4', '#a558a0', '#009081', '#716043', '#ce614a', '#3a3a3a'];

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const integers = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

const $ = (id) => document.getElementById(id);
let previousOperations = null; // the last refresh's figures per service, to see a backlog or DLQ grow
let operationsTimer = null;

/** Money of the API ({"amount": cents, "currency": "EUR"}) in euros, for the charts. */
function toEuros(money) {
  return money ? money.amount / 100 : 0;
}

function formatMoney(money) {
  return money ? euros.format(money.amount / 100) : '–';
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, ok: response.ok, body };
}

function periodQuery() {
  const params = new URLSearchParams();
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  const query = params.toString();
  return query ? '?' + query : '';
}

// --- charts -----------------------------------------------------------------------------------

function chart(id, type, labels, datasets, options = {}) {
  const canvas = $(id);
  const existing = Chart.getChart(canvas);
  if (existing) existing.destroy();
  datasets.forEach((dataset, i) => {
    const many = type === 'doughnut' || type === 'pie';
    const colour = COLOURS[i % COLOURS.length];
    dataset.backgroundColor = dataset.backgroundColor || (many ? labels.map((_, j) => COLOURS[j % COLOURS.length]) : colour);
    dataset.borderColor = dataset.borderColor || (many ? '#fff' : colour);
  });
  return new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: Object.assign({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
    }, options),
  });
}

const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
const fromZero = { scales: { y: { beginAtZero: true } } };

/** One dataset per series, one value per label (0 where a series has nothing for a label). */
function pivot(rows, labelOf, seriesOf, valueOf) {
  const labels = [...new Set(rows.map(labelOf))];
  const series = [...new Set(rows.map(seriesOf))];
  const datasets = series.map((name) => ({
    label: name,
    data: labels.map((label) => rows
      .filter((row) => labelOf(row) === label && seriesOf(row) === name)
      .reduce((sum, row) => sum + valueOf(row), 0)),
  }));
  return { labels, datasets };
}

function fillTable(id, rows, cells) {
  const body = $(id).querySelector('tbody');
  body.replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    cells(row).forEach((cell) => {
      const td = document.createElement('td');
      const value = typeof cell === 'object' && cell !== null ? cell.text : cell;
      td.textContent = value;
      if (typeof cell === 'number' || (cell && cell.number)) td.className = 'number';
      tr.appendChild(td);
    });
    return tr;
  }));
}

// --- sections -----------------------------------------------------------------------------------

function drawCpf(stats) {
  const credits = pivot(stats.creditsByYear || [], (r) => String(r.year),
    (r) => (r.funderType ? r.kind + ' · ' + r.funderType : r.kind), (r) => toEuros(r.amount));
  chart('cpf-credits', 'bar', credits.labels, credits.datasets, stacked);
  const months = stats.spendingByMonth || [];
  chart('cpf-spending', 'line', months.map((m) => m.month), [
    { label: 'held', data: months.map((m) => toEuros(m.held)) },
    { label: 'captured', data: months.map((m) => toEuros(m.captured)) },
    { label: 'released', data: months.map((m) => toEuros(m.released)) },
  ], fromZero);
}

function drawAccounts(stats) {
  const days = stats.declarationsByDay || [];
  chart('accounts-declarations', 'line', days.map((d) => d.date), [
    { label: 'received', data: days.map((d) => d.received) },
    { label: 'accepted', data: days.map((d) => d.accepted) },
    { label: 'rejected', data: days.map((d) => d.rejected) },
  ], fromZero);
  const statuses = stats.holdersByStatus || [];
  chart('accounts-holders', 'doughnut', statuses.map((s) => s.status), [{ label: 'holders', data: statuses.map((s) => s.count) }]);
  $('accounts-rejection-rate').textContent = typeof stats.rejectionRate === 'number' ? percent.format(stats.rejectionRate) : '–';
  fillTable('accounts-reasons', stats.topRejectionReasons || [], (r) => [r.reason, r.count]);
}

function drawCatalogue(stats) {
  const regions = stats.offersByRegion || [];
  const regionName = new Map(regions.map((r) => [r.region, r.regionName || r.region]));
  chart('catalogue-regions', 'bar', regions.map((r) => r.regionName || r.region),
    [{ label: 'offers', data: regions.map((r) => r.offers) }], { indexAxis: 'y' });
  const types = stats.offersByCertificationType || [];
  chart('catalogue-certification-types', 'doughnut', types.map((t) => t.certificationType),
    [{ label: 'offers', data: types.map((t) => t.offers) }]);
  const enrolments = pivot(stats.enrolmentsByStateAndRegion || [], (r) => regionName.get(r.region) || r.region,
    (r) => r.state, (r) => r.count);
  chart('catalogue-enrolments', 'bar', enrolments.labels, enrolments.datasets, stacked);
  fillTable('catalogue-top', stats.topCertifications || [], (c) => [c.certificationCode, c.title, c.enrolments,
    { text: formatMoney(c.committed), number: true }]);
}

function drawC2p(stats) {
  const points = pivot(stats.pointsByFactorAndYear || [], (r) => String(r.year), (r) => r.factor, (r) => r.points);
  chart('c2p-points', 'bar', points.labels, points.datasets, stacked);
  fillTable('c2p-uses', stats.usesByKind || [], (u) => [u.kind, u.uses, u.points]);
}

function drawCec(stats) {
  const states = stats.declarationsByState || [];
  chart('cec-states', 'doughnut', states.map((s) => s.state), [{ label: 'declarations', data: states.map((s) => s.count) }]);
  fillTable('cec-credits', stats.creditsByActivity || [], (c) => [c.activity, c.credits, { text: formatMoney(c.amount), number: true }]);
}

const SECTIONS = [
  { id: 'cpf', path: '/api/v1/stats/cpf', series: true, draw: drawCpf },
  { id: 'accounts', path: '/api/v1/stats/accounts', series: true, draw: drawAccounts },
  { id: 'catalogue', path: '/api/v1/stats/catalogue', series: false, draw: drawCatalogue },
  { id: 'c2p', path: '/api/v1/stats/c2p', series: true, draw: drawC2p },
  { id: 'cec', path: '/api/v1/stats/cec', series: false, draw: drawCec },
];

function unavailable(section, answer) {
  section.dataset.state = 'unavailable';
  const detail = answer.body && answer.body.detail ? ': ' + answer.body.detail : '';
  section.querySelector('.unavailable-note').textContent = 'Unavailable (HTTP ' + answer.status + detail + ')';
}

async function loadSection(spec) {
  const section = $(spec.id);
  section.dataset.state = 'loading';
  let answer;
  try {
    answer = await getJson(spec.path + (spec.series ? periodQuery() : ''));
  } catch (e) {
    answer = { status: 0, ok: false, body: { detail: 'the gateway cannot be reached' } };
  }
  if (answer.status === 401) throw new Error('signed-out');
  if (!answer.ok || !answer.body) {
    unavailable(section, answer);
    return;
  }
  spec.draw(answer.body);
  section.dataset.state = 'ready';
}

// --- operations ---------------------------------------------------------------------------------

function sum(list, field) {
  return (list || []).reduce((total, item) => total + (item[field] || 0), 0);
}

/** Why a service needs attention, or an empty list. */
function alertsOf(service, previous) {
  if (service.status !== 'UP') return ['unreachable'];
  const alerts = [];
  const deadLetters = sum(service.deadLetters, 'records');
  if (deadLetters > 0) alerts.push('dead letters');
  if (previous && previous.status === 'UP') {
    if (service.outboxBacklog > previous.outboxBacklog) alerts.push('backlog growing');
    if (deadLetters > sum(previous.deadLetters, 'records')) alerts.push('dead letters growing');
  }
  if ((service.oldestPendingSeconds || 0) >= OLDEST_PENDING_ALERT_SECONDS) alerts.push('events stuck in outbox');
  return alerts;
}

async function loadOperations() {
  const panel = $('operations');
  const answer = await getJson('/api/v1/stats/operations');
  if (answer.status === 401) throw new Error('signed-out');
  if (!answer.ok || !answer.body) {
    unavailable(panel, answer);
    panel.className = 'panel alert';
    $('operations-verdict').textContent = 'unknown';
    return;
  }
  const services = answer.body.services || [];
  const byRoute = new Map(services.map((s) => [s.route || s.service, s]));
  let alerting = 0;
  const rows = services.map((service) => {
    const previous = previousOperations ? previousOperations.get(service.route || service.service) : null;
    const alerts = alertsOf(service, previous);
    if (alerts.length) alerting++;
    return { service, alerts };
  });
  fillTable('operations-table', rows, ({ service, alerts }) => {
    const up = service.status === 'UP';
    return [service.service,
      up ? 'UP' : 'UNREACHABLE (' + (service.reason || 'no answer') + ')',
      up ? service.outboxBacklog : '–',
      up ? service.oldestPendingSeconds : '–',
      up ? sum(service.deadLetters, 'records') : '–',
      up ? sum(service.consumerLag, 'lag') : '–'];
  });
  $('operations-table').querySelectorAll('tbody tr').forEach((tr, i) => {
    tr.dataset.service = rows[i].service.route || rows[i].service.service;
    if (rows[i].alerts.length) {
      tr.classList.add('alert');
      tr.title = rows[i].alerts.join(', ');
    }
  });
  panel.className = 'panel ' + (alerting ? 'alert' : 'ok');
  panel.dataset.state = 'ready';
  $('operations-verdict').textContent = alerting ? alerting + ' service(s) need attention' : 'all clear';
  previousOperations = byRoute;
  $('as-of').textContent = 'figures as of ' + new Date(answer.body.asOf).toLocaleString('fr-FR');
}

// --- page ---------------------------------------------------------------------------------------

async function loadAll() {
  document.body.dataset.state = 'loading';
  try {
    await Promise.all([loadOperations(), ...SECTIONS.map(loadSection)]);
    document.body.dataset.state = 'ready';
  } catch (e) {
    if (e.message === 'signed-out') {
      signOut('The token was refused (expired or invalid): log in again.');
      return;
    }
    document.body.dataset.state = 'error';
    throw e;
  }
}

function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
  $('login').hidden = true;
  $('board').hidden = false;
  $('logout').hidden = false;
  previousOperations = null;
  loadAll();
  clearInterval(operationsTimer);
  operationsTimer = setInterval(() => loadOperations().catch(() => signOut('The token was refused: log in again.')),
    OPERATIONS_REFRESH_MS);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  clearInterval(operationsTimer);
  $('board').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  document.body.dataset.state = 'signed-out';
}

async function demoLogin() {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'advisor', subject: 'demo-advisor' }),
  });
  if (!response.ok) {
    $('login-error').textContent = 'No demo token here (HTTP ' + response.status + '): paste a token.';
    return;
  }
  signIn((await response.json()).access_token);
}

async function start() {
  $('demo-login').addEventListener('click', demoLogin);
  $('use-token').addEventListener('click', () => {
    if ($('token').value.trim()) signIn($('token').value);
  });
  $('logout').addEventListener('click', () => signOut());
  $('period').addEventListener('submit', (event) => {
    event.preventDefault();
    loadAll();
  });
  try {
    const config = await (await fetch('config.json')).json();
    $('demo').hidden = !config.devTokens;
  } catch (e) {
    $('demo').hidden = true;
  }
  if (token()) signIn(token());
}

start();
