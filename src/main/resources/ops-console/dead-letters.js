// Dead letters: counts per reason (with "replay all of this reason"), a table filtered by status and reason,
// a page at a time, with Replay and Discard per row and each replay's result in its row.
import { get, query } from './api.js';
import { el, bdi, badge, dataCell, table, time, show, problem, loading } from './dom.js';
import { outcomeSentence, countsSentence, replayOne, replayReason, discardOne } from './outcomes.js';

const LIMIT = 50;
const filter = { status: 'NEW', reason: '', offset: 0 };
let wired = false;

const notice = (text) => { document.getElementById('notice').textContent = text; };

function reasonOptions(reasons) {
  const select = document.getElementById('filter-reason');
  const options = [el('option', { value: '' }, 'Any reason')];
  for (const r of reasons) {
    const n = filter.status ? (r.byStatus[filter.status] ?? 0) : r.total;
    options.push(el('option', { value: r.reasonCode }, `${r.reasonCode} (${n})`));
  }
  if (filter.reason && !reasons.some((r) => r.reasonCode === filter.reason)) {
    options.push(el('option', { value: filter.reason }, `${filter.reason} (0)`));
  }
  select.replaceChildren(...options);
  select.value = filter.reason;
}

function reasonsTable(reasons) {
  if (reasons.length === 0) return el('p', {}, 'The dead-letter store is empty.');
  const rows = reasons.map((r) => {
    const waiting = r.byStatus.NEW ?? 0;
    const action = waiting > 0
      ? el('button', { type: 'button', class: 'small', 'data-reason': r.reasonCode,
        onclick: async () => {
          const report = await replayReason(r.reasonCode, waiting).catch((e) => { notice(`Replay failed: ${e.message}`); return null; });
          if (report) {
            notice(`${r.reasonCode}: ${countsSentence(report)}`);
            await showBulkOutcomes(report);
          }
          document.getElementById('dead-letters-refresh').focus();
        } }, `Replay all ${waiting}`)
      : el('span', { class: 'muted' }, 'none waiting');
    return el('tr', { 'data-reason': r.reasonCode },
      el('td', {}, el('code', {}, r.reasonCode), r.advice ? el('span', { class: 'sentence' }, r.advice) : null),
      el('td', { class: 'num' }, waiting),
      el('td', { class: 'num' }, r.byStatus.REPLAYED ?? 0),
      el('td', { class: 'num' }, r.byStatus.DISCARDED ?? 0),
      el('td', { class: 'num' }, r.total),
      el('td', { class: 'actions' }, action));
  });
  return table('Dead letters per reason', ['Reason', el('th', { scope: 'col', class: 'num' }, 'Waiting'),
    el('th', { scope: 'col', class: 'num' }, 'Replayed'), el('th', { scope: 'col', class: 'num' }, 'Discarded'),
    el('th', { scope: 'col', class: 'num' }, 'Total'), 'Replay'], rows, { captionHidden: true });
}

function resultCell(row) {
  return row.querySelector('td.result');
}

function showOutcome(row, outcome) {
  const cell = resultCell(row);
  if (!cell) return;
  show(cell, [badge(outcome.outcome), ' ', bdi(outcomeSentence(outcome))]);
  if (outcome.outcome === 'DELIVERED' || outcome.outcome === 'ALREADY_DELIVERED') {
    row.classList.add('done');
    row.querySelector('td.status').replaceChildren(badge('REPLAYED'));
    row.querySelectorAll('td.actions button').forEach((b) => b.remove());
  }
}

function row(d) {
  const tr = el('tr', { 'data-id': d.id });
  const actions = el('td', { class: 'actions' });
  if (d.status === 'NEW') {
    actions.append(
      el('button', { type: 'button', class: 'small', 'data-action': 'replay', 'aria-label': `Replay dead letter ${d.id}`,
        onclick: async (ev) => {
          ev.target.disabled = true;
          show(resultCell(tr), 'Replaying…');
          try {
            const report = await replayOne(d.id);
            report.outcomes.forEach((o) => showOutcome(tr, o));
            notice(`Dead letter ${d.id}: ${outcomeSentence(report.outcomes[0])}`);
          } catch (e) {
            show(resultCell(tr), problem(e.message));
          } finally {
            ev.target.disabled = false;
          }
        } }, 'Replay'),
      el('button', { type: 'button', class: 'small danger', 'data-action': 'discard', 'aria-label': `Discard dead letter ${d.id}`,
        onclick: async (ev) => {
          try {
            const after = await discardOne(d.id, d.sourceReference);
            if (after) {
              tr.classList.add('done');
              tr.querySelector('td.status').replaceChildren(badge(after.status));
              actions.replaceChildren();
              show(resultCell(tr), 'Discarded: recorded as done, never sent.');
              notice(`Dead letter ${d.id} discarded.`);
              document.getElementById('dead-letters-refresh').focus();
            } else {
              ev.target.focus();
            }
          } catch (e) {
            show(resultCell(tr), problem(e.message));
          }
        } }, 'Discard'));
  }
  return append(tr, [
    el('td', { class: 'num' }, el('a', { href: `#dead-letter/${d.id}`, 'aria-label': `Dead letter ${d.id}: details` }, String(d.id))),
    dataCell(d.sourceReference),
    el('td', { class: 'wide' }, el('code', {}, d.reasonCode), el('span', { class: 'sentence', dir: 'auto' }, d.advice ?? d.reasonText)),
    el('td', { class: 'num' }, d.attempts),
    el('td', {}, time(d.lastFailureAt)),
    el('td', { class: 'status' }, badge(d.status)),
    actions,
    el('td', { class: 'result', 'aria-live': 'polite' })]);
}

function append(parent, children) {
  children.forEach((c) => parent.append(c));
  return parent;
}

function pager(page) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;
  const prev = el('button', { type: 'button', class: 'quiet', disabled: page.offset === 0,
    onclick: () => { filter.offset = Math.max(0, filter.offset - LIMIT); refresh(); } }, 'Previous');
  const next = el('button', { type: 'button', class: 'quiet', disabled: to >= page.total,
    onclick: () => { filter.offset += LIMIT; refresh(); } }, 'Next');
  return el('div', { class: 'pager' }, el('p', { id: 'dead-letters-range' }, `Showing ${from}–${to} of ${page.total}`), prev, next);
}

/** Reloads the counts per reason (and the reason filter's counts). */
async function refreshCounts() {
  const reasons = await get('/api/dead-letter-reasons');
  reasonOptions(reasons.reasons);
  show(document.getElementById('reasons-body'), reasonsTable(reasons.reasons));
}

/** Reloads counts and the list. */
async function refresh() {
  const list = document.getElementById('dead-letters-body');
  if (!list.firstChild) show(list, loading());
  try {
    const [page] = await Promise.all([
      get(`/api/dead-letters${query({ status: filter.status, reason: filter.reason, offset: filter.offset, limit: LIMIT })}`),
      refreshCounts(),
    ]);
    const rows = page.items.map(row);
    const caption = `Dead letters${filter.status ? `, ${filter.status}` : ''}${filter.reason ? `, ${filter.reason}` : ''}, oldest first`;
    show(list, page.items.length === 0
      ? el('p', { id: 'dead-letters-empty' }, 'No dead letter matches this filter.')
      : [table(caption, ['ID', 'Source reference', 'Reason', el('th', { scope: 'col', class: 'num' }, 'Attempts'),
        'Last failure', 'Status', 'Actions', 'Result'], rows, { captionHidden: true }), pager(page)]);
  } catch (e) {
    show(list, problem(`The dead letters could not be read: ${e.message}`));
  }
}

/** After a replay of every dead letter of a reason: each listed row shows its outcome (Refresh clears them). */
async function showBulkOutcomes(report) {
  const list = document.getElementById('dead-letters-body');
  report.outcomes.forEach((o) => {
    const tr = list.querySelector(`tr[data-id="${Number(o.id)}"]`);
    if (tr) showOutcome(tr, o);
  });
  await refreshCounts().catch((e) => notice(`The counts could not be read: ${e.message}`));
}

export function showDeadLetters() {
  if (!wired) {
    wired = true;
    const status = document.getElementById('filter-status');
    const reason = document.getElementById('filter-reason');
    status.value = filter.status;
    status.addEventListener('change', () => { filter.status = status.value; filter.offset = 0; refresh(); });
    reason.addEventListener('change', () => { filter.reason = reason.value; filter.offset = 0; refresh(); });
    document.getElementById('dead-letter-filter').addEventListener('submit', (e) => e.preventDefault());
    document.getElementById('dead-letters-refresh').addEventListener('click', () => refresh());
  }
  return refresh();
}
