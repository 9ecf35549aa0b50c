// Run history: the last polls with their figures and duration, and per-course figures where a poll has them.
import { get } from './api.js';
import { el, bdi, badge, dataCell, table, time, duration, show, problem, loading } from './dom.js';

const num = (v) => el('td', { class: 'num' }, v ?? '');

function notes(p) {
  const parts = [];
  if (p.baseline !== null && p.baseline !== undefined) parts.push(`baseline: ${p.baseline} existing enrolments recorded as known`);
  if (p.waiting) parts.push(`${p.waiting} waiting in dead letters`);
  if (p.failure) parts.push(`failed: ${p.failure}`);
  if (p.halted) parts.push(`feed halted: ${p.halted}`);
  return parts.join('; ');
}

function rows(p) {
  const main = el('tr', { 'data-poll': p.number },
    el('th', { scope: 'row', class: 'num' }, p.number),
    el('td', {}, time(p.startedAt)),
    el('td', { class: 'num' }, duration(p.durationMillis)),
    el('td', {}, badge(p.outcome)),
    num(p.found), num(p.fresh), num(p.sent), num(p.deadLettered),
    dataCell(notes(p), { class: 'wide' }));
  const courses = (p.courses ?? []).map((c) => el('tr', { class: 'course' },
    el('td', {}, ''),
    el('td', { colspan: 3 }, 'Course ', bdi(`${c.courseId} ${c.shortname ?? ''}`)),
    num(''), num(c.fresh), num(c.sent), num(c.deadLettered),
    dataCell(c.failure ? `failed: ${c.failure}` : '', { class: 'wide' })));
  return [main, ...courses];
}

export async function showHistory() {
  const body = document.getElementById('history-body');
  if (!body.firstChild) show(body, loading());
  try {
    const answer = await get('/api/polls?limit=50');
    if (answer.polls.length === 0) {
      show(body, el('p', {}, 'No poll has finished yet.'));
      return;
    }
    show(body, [table('The last polls, newest first',
      [el('th', { scope: 'col', class: 'num' }, 'Poll'), 'Started', el('th', { scope: 'col', class: 'num' }, 'Duration'),
        'Outcome', el('th', { scope: 'col', class: 'num' }, 'Found'), el('th', { scope: 'col', class: 'num' }, 'New'),
        el('th', { scope: 'col', class: 'num' }, 'Sent'), el('th', { scope: 'col', class: 'num' }, 'Dead-lettered'), 'Notes'],
      answer.polls.flatMap(rows)),
    el('p', { class: 'muted' }, `The state database keeps the last ${answer.kept} polls (ops.poll-history).`)]);
  } catch (e) {
    show(body, problem(`The run history could not be read: ${e.message}`));
  }
}
