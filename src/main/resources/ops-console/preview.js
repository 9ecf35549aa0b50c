// Preview: GET /api/preview (what the next poll would do with each enrolment it would pick up now; nothing is sent
// and nothing written to find out) as a table: one row per enrolment with its verdict, the course date and values it
// would be sent with, or the reason (code and operator sentence) it would be dead-lettered, paused or halted for.
// Every value from Moodle or CourseSales is text (dom.js): a name carrying markup shows as that markup's text.
import { get } from './api.js';
import { el, bdi, badge, dataCell, facts, table, time, show, problem, loading } from './dom.js';

const VERDICT_TEXT = {
  WOULD_SEND: 'would be sent',
  WOULD_DEAD_LETTER: 'would be dead-lettered',
  BASELINE: 'recorded as known, not sent (baseline)',
  ALREADY_SENT: 'already done, not sent again',
  WAITING_IN_DEAD_LETTERS: 'waiting in dead letters',
  OUTCOME_UNKNOWN: 'waits for its last submission\'s outcome',
  WOULD_PAUSE: 'would pause the feed',
  WOULD_HALT: 'would halt the feed',
  STAYS_AT_SOURCE: 'stays at its source',
  NOT_CHECKED: 'could not be checked now',
};

const VERDICT_CLASS = {
  WOULD_SEND: 'badge-ok',
  ALREADY_SENT: 'badge-DISCARDED',
  BASELINE: 'badge-DISCARDED',
  WOULD_DEAD_LETTER: 'badge-warn',
  WAITING_IN_DEAD_LETTERS: 'badge-warn',
  NOT_CHECKED: 'badge-warn',
  OUTCOME_UNKNOWN: 'badge-warn',
  WOULD_PAUSE: 'badge-bad',
  WOULD_HALT: 'badge-bad',
  STAYS_AT_SOURCE: 'badge-DISCARDED',
};

function verdictBadge(verdict) {
  return el('span', { class: `badge ${VERDICT_CLASS[verdict] ?? ''}` }, verdict);
}

/** What would happen, in detail: the course date and values, or the reason and what to do. */
function what(r) {
  const parts = [];
  if (r.courseDate) {
    parts.push(el('p', {}, 'Course date ', bdi(`${r.courseDate.id} '${r.courseDate.name}'`),
      r.courseDate.startDate ? [' (starts ', bdi(r.courseDate.startDate), ')'] : null));
    if (r.courseDate.choice) parts.push(el('p', { class: 'muted' }, bdi(r.courseDate.choice)));
  }
  if (Array.isArray(r.fields) && r.fields.length > 0) {
    parts.push(el('dl', { class: 'facts fields' }, r.fields.map((f) => [
      el('dt', {}, `${f.fieldId} ${f.name ?? ''}`.trim()), el('dd', { dir: 'auto' }, f.value ?? '')])));
  }
  if (r.reasonCode || r.reason) {
    parts.push(el('p', { class: 'reason-line' }, r.reasonCode ? [el('code', {}, r.reasonCode), ' '] : null, bdi(r.reason ?? '')));
  }
  if (r.advice) parts.push(el('p', { class: 'sentence' }, el('strong', {}, 'What to do: '), bdi(r.advice)));
  if (r.deadLetterId !== undefined && r.deadLetterId !== null) {
    parts.push(el('p', {}, el('a', { href: `#dead-letter/${r.deadLetterId}` }, `Dead letter ${r.deadLetterId}`)));
  }
  if (r.recorded) {
    parts.push(el('p', {}, bdi(r.recorded.outcome),
      r.recorded.documentExternalId ? [' as CourseSales document ', bdi(r.recorded.documentExternalId)] : null,
      r.recorded.recordedAt ? [' (', time(r.recorded.recordedAt), ')'] : null));
  }
  if (r.note) parts.push(el('p', { class: 'muted' }, bdi(r.note)));
  return parts;
}

function row(r) {
  return el('tr', { 'data-source-reference': r.sourceReference, 'data-verdict': r.verdict },
    el('td', {}, verdictBadge(r.verdict), el('span', { class: 'sentence' }, VERDICT_TEXT[r.verdict] ?? '')),
    dataCell(r.sourceReference),
    dataCell(r.course),
    el('td', { class: 'person' }, bdi(r.name ?? ''), r.username ? el('span', { class: 'muted sentence' }, bdi(r.username)) : null),
    el('td', { class: 'wide what' }, what(r)));
}

function summary(answer) {
  const counts = Object.entries(answer.counts ?? {}).map(([v, n]) => `${n} ${VERDICT_TEXT[v] ?? v}`).join(', ');
  return el('div', { id: 'preview-summary' },
    answer.haltedReason ? el('p', { class: 'problem', id: 'preview-halted' }, el('strong', {}, 'The feed is halted: '),
      'a poll now reads nothing and sends nothing. Why: ', bdi(answer.haltedReason), ' — ',
      el('a', { href: '#status' }, 'resume it from the Status view'), ' once the cause is fixed.') : null,
    answer.moodleFailure ? el('p', { class: 'problem' }, el('strong', {}, 'Moodle could not be read: '), bdi(answer.moodleFailure)) : null,
    answer.baseline ? el('p', { class: 'warning' }, 'The next poll takes the first baseline of a course (moodle.start=now): '
      + 'its enrolments marked BASELINE are recorded as known and not sent; enrolments made after it are sent.') : null,
    facts([['Previewed', time(answer.generatedAt)], ['Enrolments', String((answer.records ?? []).length)],
      ['Verdicts', counts || 'none']]),
    el('p', { class: 'muted' }, 'Nothing was sent and nothing was written to find this out. CourseSales checks its own '
      + 'rules again when a registration is submitted.'));
}

export async function runPreview() {
  const body = document.getElementById('preview-body');
  const button = document.getElementById('preview-run');
  button.disabled = true;
  show(body, loading('Asking what the next poll would do…'));
  try {
    const answer = await get('/api/preview');
    const records = answer.records ?? [];
    show(body, [summary(answer), records.length === 0
      ? el('p', { id: 'preview-empty' }, 'The next poll would pick up no enrolment.')
      : table('What the next poll would do, enrolment by enrolment', ['Verdict', 'Source reference', 'Course', 'Person',
        'What would happen'], records.map(row))]);
  } catch (e) {
    show(body, e.status === 404
      ? el('p', { class: 'warning', id: 'preview-unavailable' }, 'Preview is not available: this version of the application does not answer GET /api/preview.')
      : problem(`The preview could not run: ${e.message}`));
  } finally {
    button.disabled = false;
  }
}
