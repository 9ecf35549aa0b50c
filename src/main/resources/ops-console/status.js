// Status: whether the feed runs (or why not, per system), the last poll, totals, dead letters; Resume.
import { get, post } from './api.js';
import { confirmAction } from './dialog.js';
import { el, bdi, badge, facts, time, show, problem, loading } from './dom.js';

const KNOWN = new Set(['state', 'haltedReason', 'lastPoll', 'since', 'sent', 'deadLettered', 'inFlight', 'deadLetters', 'halts',
  'stalled', 'poller']);

const SYSTEM_NAME = { coursesales: 'CourseSales', moodle: 'Moodle' };

const HALT_TEXT = {
  LOCKED: 'The CourseSales login is locked: an administrator must unlock it in CourseSales (a new password alone does not help).',
  LOGIN_REFUSED: 'CourseSales refused our login: correct coursesales.password (or the login in CourseSales).',
  REFUSED: 'CourseSales refused our calls in a way that could be a refused login.',
  TOKEN_REFUSED: 'Moodle refused the web-service token or its access.',
};

const STATE_TEXT = {
  RUNNING: 'The feed runs: every poll reads Moodle and sends new enrolments to CourseSales.',
  HALTED: 'The feed is halted: nothing is read or sent until an operator resumes it. Every enrolment waits at its source.',
  PAUSED: 'The feed is paused by a CourseSales configuration problem: nothing is consumed or dead-lettered; every poll '
    + 'checks again and the feed resumes by itself once the problem is fixed.',
};

/** What resuming will try: for a halt of Moodle (system 'moodle', or a reason that names it) or of CourseSales. */
export function resumeTry(reason, system) {
  const r = String(reason ?? '');
  if (system === 'moodle' || (!system && r.startsWith('Moodle'))) {
    return 'The next poll calls Moodle once with the configured token. If Moodle refuses it again, the feed halts again.';
  }
  return 'The next poll (or replay) tries the CourseSales login once. If CourseSales refuses it again, the feed halts '
    + 'again after that one try. CourseSales locks a login after 3 failed attempts: correct coursesales.password, or '
    + 'have an administrator unlock the login in CourseSales, before resuming.';
}

function lockedAdvice(reason) {
  return String(reason ?? '').includes('ACCOUNT_LOCKED')
    ? el('p', {}, 'The CourseSales login is locked: an administrator must unlock it in CourseSales (a new password alone does not help).')
    : null;
}

/** A Resume button: of one system (halts per system) or of the whole feed. */
function resumeButton(refresh, { id, label, reason, system, message }) {
  const button = el('button', { type: 'button', id }, label);
  button.addEventListener('click', async () => {
    const name = system ? SYSTEM_NAME[system] ?? system : null;
    const yes = await confirmAction({
      title: name ? `Resume the feed's calls to ${name}?` : 'Resume the feed?',
      message: message ?? resumeTry(reason, system),
      detail: 'Resume only once the cause is fixed.',
      confirmLabel: 'Resume',
    });
    if (!yes) return;
    button.disabled = true;
    try {
      const after = await post(system ? `/api/resume?system=${encodeURIComponent(system)}` : '/api/resume');
      render(after, refresh);
      document.getElementById('notice').textContent = `Feed resumed: it is ${after.state} now.`;
      document.getElementById('status-refresh').focus();
    } catch (e) {
      button.disabled = false;
      document.getElementById('notice').textContent = `Resume failed: ${e.message}`;
    }
  });
  return button;
}

/** One halted system: what refused, since when, what to do, and its Resume. */
function haltBlock(h, refresh, only) {
  const name = SYSTEM_NAME[h.system] ?? h.system;
  return el('div', { class: 'reason halt', id: `halt-${h.system}` },
    el('p', {}, el('strong', {}, `${name}: `), el('span', { class: 'badge badge-bad' }, h.state === 'LOCKED' ? 'LOCKED' : 'HALTED'),
      ' ', HALT_TEXT[h.state] ?? ''),
    el('p', {}, el('strong', {}, 'Why: '), bdi(h.reason), h.since ? [' (since ', time(h.since), ')'] : null),
    h.fix ? el('p', {}, el('strong', {}, 'What to do: '), bdi(h.fix)) : null,
    el('p', {}, resumeButton(refresh, { id: only ? 'resume' : `resume-${h.system}`,
      label: only ? 'Resume the feed' : `Resume ${name}`, system: only ? null : h.system,
      message: resumeTry(h.reason, h.system) })));
}

/** The feed stalled: no poll succeeded for feed.stalled-after (health is DOWN too). */
function stalledBlock(status) {
  if (!status.stalled) return null;
  return el('div', { class: 'reason halt', id: 'feed-stalled', role: 'alert' },
    el('p', {}, el('span', { class: 'badge badge-bad' }, 'STALLED'), ' ',
      'No poll has succeeded for too long: enrolments are not reaching CourseSales. See the run history and the log.'),
    el('p', {}, el('strong', {}, 'Why: '), bdi(status.stalled)));
}

function stateBlock(status, refresh) {
  const block = el('div', { class: `state state-${status.state}`, id: 'feed-state' },
    el('p', { class: 'state-label' }, `Feed ${status.state}`),
    el('p', {}, STATE_TEXT[status.state] ?? ''));
  const stalled = stalledBlock(status);
  if (stalled) block.append(stalled);
  if (status.poller === 'standby') {
    block.append(el('p', { id: 'poller-standby' }, 'This instance is a standby: another replica polls Moodle. '
      + 'It serves this console and replays; its last poll and totals are its own.'));
  }
  const halts = Array.isArray(status.halts) ? status.halts : null;
  if (halts && halts.length > 0) {
    halts.forEach((h) => block.append(haltBlock(h, refresh, halts.length === 1)));
    if (halts.length > 1) block.append(el('p', {}, resumeButton(refresh, { id: 'resume', label: 'Resume both',
      message: `${resumeTry('', 'moodle')} ${resumeTry('', 'coursesales')}` })));
    return block;
  }
  if (status.haltedReason) {
    block.append(el('p', { class: 'reason' }, el('strong', {}, 'Why: '), bdi(status.haltedReason)));
    const locked = lockedAdvice(status.haltedReason);
    if (locked) block.append(locked);
  }
  if (status.state === 'HALTED') {
    block.append(el('p', {}, resumeButton(refresh, { id: 'resume', label: 'Resume the feed', reason: status.haltedReason })));
  }
  return block;
}

/** Anything the status answer carries beyond the fields above (per-system halts, leader or standby, ...). */
function more(status) {
  const extra = Object.entries(status).filter(([k, v]) => !KNOWN.has(k) && v !== null && v !== undefined);
  if (extra.length === 0) return null;
  const value = (v) => (typeof v === 'object' ? facts(Object.entries(v).map(([k, x]) => [k, typeof x === 'object' && x !== null ? JSON.stringify(x) : x])) : String(v));
  return el('div', { class: 'card' }, el('h2', {}, 'More'), facts(extra.map(([k, v]) => [k, value(v)])));
}

function render(status, refresh) {
  const body = document.getElementById('status-body');
  const last = status.lastPoll;
  const lastCard = el('div', { class: 'card', id: 'last-poll' }, el('h2', {}, 'Last poll'),
    last ? facts([
      ['Poll', last.number],
      ['Started', time(last.startedAt)],
      ['Outcome', badge(last.outcome)],
      ['Summary', bdi(last.summary)],
    ]) : el('p', {}, 'No poll since the application started.'),
    el('p', {}, el('a', { href: '#history' }, 'Run history')));
  const dl = status.deadLetters ?? {};
  const deadCard = el('div', { class: 'card', id: 'dead-letter-counts' }, el('h2', {}, 'Dead letters'),
    facts([
      ['Waiting (new)', dl.NEW ?? 0],
      ['Replay in progress', dl.REPLAY_REQUESTED ?? 0],
      ['Replayed', dl.REPLAYED ?? 0],
      ['Discarded', dl.DISCARDED ?? 0],
    ]),
    el('p', {}, el('a', { href: '#dead-letters' }, 'See the dead letters')));
  const totalsCard = el('div', { class: 'card' }, el('h2', {}, 'Since start'),
    facts([
      ['Started', time(status.since)],
      ['Sent', status.sent],
      ['Dead-lettered', status.deadLettered],
      ['In flight (outcome unknown)', status.inFlight],
    ]));
  const focused = document.activeElement && body.contains(document.activeElement) ? document.activeElement.id : null;
  show(body, [stateBlock(status, refresh), el('div', { class: 'cards' }, lastCard, deadCard, totalsCard, more(status))]);
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus(); // a refresh keeps the focus
}

export async function showStatus() {
  const body = document.getElementById('status-body');
  if (!body.firstChild) show(body, loading());
  try {
    render(await get('/api/status'), showStatus);
  } catch (e) {
    show(body, problem(`The status could not be read: ${e.message}`));
  }
}
