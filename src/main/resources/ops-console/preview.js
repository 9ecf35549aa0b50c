// Preview: GET /api/preview (what the next poll would do with each enrolment, nothing sent) as a table.
// The answer's rows are the first list found: the answer itself, or a list it holds (e.g. "items"); its other
// plain values are shown above the table. Each row's values become columns; nested values are shown as text.
import { get } from './api.js';
import { el, bdi, dataCell, facts, table, show, problem, loading } from './dom.js';

function text(v) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(text).join(', ');
  return Object.entries(v).map(([k, x]) => `${k}: ${text(x)}`).join('; ');
}

function rowsOf(answer) {
  if (Array.isArray(answer)) return { rows: answer, summary: [] };
  const entries = Object.entries(answer ?? {});
  const list = entries.find(([, v]) => Array.isArray(v));
  return {
    rows: list ? list[1] : [],
    summary: entries.filter(([k, v]) => (!list || k !== list[0]) && (v === null || typeof v !== 'object')),
  };
}

export async function runPreview() {
  const body = document.getElementById('preview-body');
  const button = document.getElementById('preview-run');
  button.disabled = true;
  show(body, loading('Asking what the next poll would do…'));
  try {
    const { rows, summary } = rowsOf(await get('/api/preview'));
    const columns = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : ['value'])))];
    const cells = rows.map((r) => el('tr', {}, columns.map((c) => dataCell(text(r && typeof r === 'object' ? r[c] : r)))));
    show(body, [summary.length ? facts(summary.map(([k, v]) => [k, bdi(v)])) : null,
      rows.length === 0 ? el('p', {}, 'The next poll would pick up no enrolment.')
        : table('What the next poll would do', columns, cells)]);
  } catch (e) {
    show(body, e.status === 404
      ? el('p', { class: 'warning', id: 'preview-unavailable' }, 'Preview is not available: this version of the application does not answer GET /api/preview.')
      : problem(`The preview could not run: ${e.message}`));
  } finally {
    button.disabled = false;
  }
}
