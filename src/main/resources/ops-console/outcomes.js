// Replay and discard, shared by the dead-letter list and the detail view: the confirmation, the call, and one
// sentence per replay outcome.
import { post } from './api.js';
import { confirmAction } from './dialog.js';

const SENTENCE = {
  DELIVERED: (o) => `Delivered${o.documentId ? `: CourseSales document ${o.documentId}` : ''}.`,
  FAILED_AGAIN: (o) => `Failed again: ${o.reasonCode ?? ''}${o.reasonText ? ` — ${o.reasonText}` : ''}. It waits as a dead letter (one more attempt counted).`,
  ALREADY_DELIVERED: (o) => `Already delivered${o.documentId ? ` (CourseSales document ${o.documentId})` : ''}: nothing was sent again.`,
  DISCARDED: () => 'Discarded: not replayed.',
  IN_PROGRESS: () => 'Another replay holds it right now: nothing sent.',
  FEED_HALTED: (o) => `Not replayed: the feed is halted${o.reasonText ? ` (${o.reasonText})` : ''}. Fix the cause and resume the feed first.`,
  HALTED: (o) => `Not sent: CourseSales refused this replay's login, and the feed is halted${o.reasonText ? ` (${o.reasonText})` : ''}.`,
  PAUSED: (o) => `Not sent: a CourseSales configuration problem${o.reasonText ? ` (${o.reasonText})` : ''}. Fix it, then replay again.`,
  NOT_FOUND: () => 'No such dead letter.',
};

export function outcomeSentence(o) {
  return (SENTENCE[o.outcome] ?? (() => o.outcome))(o);
}

export function countsSentence(report) {
  const parts = Object.entries(report.counts ?? {}).map(([k, n]) => `${n} ${k}`);
  return `${report.requested} replayed: ${parts.join(', ') || 'nothing to replay'}.`;
}

export async function replayOne(id) {
  return post(`/api/dead-letters/${encodeURIComponent(id)}/replay`);
}

export async function replayReason(reasonCode, count) {
  const yes = await confirmAction({
    title: `Replay every waiting ${reasonCode} dead letter?`,
    message: `${count} dead letter${count === 1 ? '' : 's'} with reason ${reasonCode} will be validated again with fresh CourseSales metadata and sent.`,
    detail: 'Replay once the cause is fixed; a dead letter that fails again waits as before with one more attempt counted.',
    confirmLabel: `Replay ${count}`,
  });
  if (!yes) return null;
  return post(`/api/dead-letters/replay?reason=${encodeURIComponent(reasonCode)}`);
}

/** Resolves to the dead letter after the discard, or null when the operator cancelled. */
export async function discardOne(id, sourceReference) {
  const yes = await confirmAction({
    title: `Discard dead letter ${id}?`,
    message: `Its enrolment (${sourceReference}) is recorded as done: no poll and no replay will ever send it to CourseSales.`,
    detail: 'This cannot be undone. Register the person in CourseSales by hand if they need a registration.',
    confirmLabel: 'Discard',
    danger: true,
  });
  if (!yes) return null;
  return post(`/api/dead-letters/${encodeURIComponent(id)}/discard`);
}
