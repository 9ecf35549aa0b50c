// One dead letter: the reason in the operator's sentence and where to fix it, the enrolment as stored, its
// attempts and history; Replay and Discard.
import { get } from './api.js';
import { el, bdi, badge, dataCell, facts, table, time, show, problem, loading } from './dom.js';
import { outcomeSentence, replayOne, discardOne } from './outcomes.js';

const EVENT_TEXT = {
  FAILED: 'Failed',
  REPLAY_REQUESTED: 'Replay started',
  REPLAYED: 'Delivered',
  REOPENED: 'Waiting again',
  DISCARDED: 'Discarded',
};

const notice = (text) => { document.getElementById('notice').textContent = text; };

function seconds(epoch) {
  if (epoch === undefined || epoch === null || epoch === 0) return null;
  return time(new Date(epoch * 1000).toISOString());
}

/** The stored Enrolment, as the operator needs it to find the person and the course in Moodle. */
function enrolment(e) {
  if (!e) return el('p', { class: 'muted' }, 'The stored enrolment could not be read.');
  const name = [e.firstName, e.lastName].filter(Boolean).join(' ');
  const custom = Object.entries(e.customFields ?? {});
  return el('div', { class: 'cards' },
    el('div', { class: 'card', id: 'enrolment-person' }, el('h2', {}, 'Person (Moodle user)'), facts([
      ['Name', name ? bdi(name) : null],
      ['Username', e.username ? bdi(e.username) : null],
      ['Moodle user id', e.userId],
      ['Email', e.email ? bdi(e.email) : null],
      ['Phone', e.phone1 ? bdi(e.phone1) : null],
      ['Mobile', e.phone2 ? bdi(e.phone2) : null],
      ['ID number', e.userIdnumber ? bdi(e.userIdnumber) : null],
      ['Institution', e.institution ? bdi(e.institution) : null],
      ['Department', e.department ? bdi(e.department) : null],
      ['City', e.city ? bdi(e.city) : null],
      ['Country', e.country ? bdi(e.country) : null],
      ...custom.map(([k, v]) => [`Profile field ${k}`, bdi(v)]),
    ])),
    el('div', { class: 'card', id: 'enrolment-course' }, el('h2', {}, 'Course (Moodle)'), facts([
      ['Course', bdi([e.courseShortname, e.courseFullname].filter(Boolean).join(' — '))],
      ['Course id', e.courseId],
      ['Course ID number', e.courseIdnumber ? bdi(e.courseIdnumber) : null],
      ['Category id', e.categoryId],
      ['Roles', (e.roles ?? []).join(', ')],
      ['Enrolment starts', seconds(e.timeStart)],
      ['Enrolled', seconds(e.timeCreated)],
      ['Source', e.source],
    ])));
}

function history(h) {
  const rows = h.events.map((ev) => el('tr', {},
    el('td', {}, time(ev.at)),
    el('td', {}, EVENT_TEXT[ev.event] ?? ev.event),
    el('td', {}, ev.reasonCode ? el('code', {}, ev.reasonCode) : ''),
    dataCell(ev.detail, { class: 'wide' })));
  return rows.length === 0 ? el('p', { class: 'muted' }, 'No history recorded (a dead letter older than the console).')
    : table('What happened, oldest first', ['When', 'What', 'Reason', 'Detail'], rows);
}

function actions(d, rerender) {
  if (d.status !== 'NEW') return null;
  const result = el('p', { id: 'dead-letter-result', 'aria-live': 'polite' });
  const replay = el('button', { type: 'button', id: 'detail-replay', onclick: async () => {
    replay.disabled = true;
    show(result, 'Replaying…');
    try {
      const report = await replayOne(d.id);
      const o = report.outcomes[0];
      notice(`Dead letter ${d.id}: ${outcomeSentence(o)}`);
      await rerender();
      show(document.getElementById('dead-letter-result') ?? result, [badge(o.outcome), ' ', bdi(outcomeSentence(o))]);
    } catch (e) {
      replay.disabled = false;
      show(result, problem(e.message));
    }
  } }, 'Replay');
  const discard = el('button', { type: 'button', id: 'detail-discard', class: 'danger', onclick: async () => {
    try {
      const after = await discardOne(d.id, d.sourceReference);
      if (after) {
        notice(`Dead letter ${d.id} discarded.`);
        await rerender();
      }
    } catch (e) {
      show(result, problem(e.message));
    }
  } }, 'Discard');
  return el('div', {}, el('p', { class: 'pager' }, replay, discard), result);
}

export async function showDeadLetter(id) {
  const body = document.getElementById('dead-letter-body');
  const title = document.getElementById('dead-letter-title');
  title.textContent = `Dead letter ${id}`;
  show(body, loading());
  const rerender = () => showDeadLetter(id);
  try {
    const [d, h] = await Promise.all([
      get(`/api/dead-letters/${encodeURIComponent(id)}`),
      get(`/api/dead-letters/${encodeURIComponent(id)}/history`),
    ]);
    show(body, [
      el('p', {}, badge(d.status), ' ', bdi(d.sourceReference)),
      el('div', { class: 'card', id: 'dead-letter-reason' },
        el('h2', {}, 'Reason'),
        el('p', {}, el('code', {}, d.reasonCode)),
        d.advice ? el('p', { id: 'dead-letter-advice' }, el('strong', {}, 'What to do: '), bdi(d.advice)) : null,
        el('p', { id: 'dead-letter-reason-text' }, el('strong', {}, 'In detail: '), bdi(d.reasonText))),
      actions(d, rerender),
      d.status === 'NEW' ? null : el('p', { id: 'dead-letter-result', 'aria-live': 'polite' }),
      el('h2', {}, 'Attempts'),
      facts([
        ['Attempts', d.attempts],
        ['First failure', time(d.firstFailureAt)],
        ['Last failure', time(d.lastFailureAt)],
        ['Where it failed', d.stage],
        ['Replays delivered', d.replayCount],
        ['CourseSales document', d.resolvedDocumentId],
      ]),
      el('h2', {}, 'History'),
      history(h),
      el('h2', {}, 'Enrolment'),
      enrolment(d.enrolment),
    ]);
  } catch (e) {
    show(body, problem(e.status === 404 ? `There is no dead letter ${id}.` : `The dead letter could not be read: ${e.message}`));
  }
}
