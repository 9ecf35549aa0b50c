// Preflight: CourseSales' checklist against the live systems, PASS or FAIL per item with where to fix it.
import { get } from './api.js';
import { el, bdi, badge, dataCell, table, show, problem, loading } from './dom.js';

export async function runPreflight() {
  const body = document.getElementById('preflight-body');
  const button = document.getElementById('preflight-run');
  button.disabled = true;
  body.setAttribute('aria-busy', 'true');
  show(body, loading('Checking CourseSales and Moodle…'));
  try {
    const report = await get('/api/preflight');
    const checks = report.checks ?? [];
    const failed = checks.filter((c) => c.status !== 'PASS').length;
    const verdict = report.passed
      ? el('p', { class: 'state state-RUNNING', id: 'preflight-verdict' }, 'Every check passes.')
      : el('p', { class: 'state state-HALTED', id: 'preflight-verdict' }, `${failed} of ${checks.length} checks fail: fix what each says, then run it again.`);
    const rows = checks.map((c) => el('tr', {}, el('td', {}, badge(c.status)), dataCell(c.item), dataCell(c.detail, { class: 'wide' })));
    show(body, [verdict, table('Preflight checks', ['Result', 'Check', 'Detail and where to fix it'], rows),
      el('p', { class: 'muted' }, `Checked ${new Date().toLocaleString()}.`)]);
  } catch (e) {
    show(body, problem(`The preflight could not run: ${e.message}`));
  } finally {
    button.disabled = false;
    body.removeAttribute('aria-busy');
  }
}
