// Confirmations in a modal <dialog>: focus moves into it (Cancel first), Escape cancels, focus returns to the
// button that opened it.

const dialog = () => document.getElementById('confirm');

/** Resolves true when the operator confirms. */
export function confirmAction({ title, message, detail = '', confirmLabel, danger = false }) {
  const d = dialog();
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message;
  document.getElementById('confirm-detail').textContent = detail;
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  return new Promise((resolve) => {
    const done = (answer) => {
      ok.removeEventListener('click', onOk);
      cancel.removeEventListener('click', onCancel);
      d.removeEventListener('close', onClose);
      if (d.open) d.close();
      resolve(answer);
    };
    const onOk = () => done(true);
    const onCancel = () => done(false);
    const onClose = () => done(false);
    ok.addEventListener('click', onOk);
    cancel.addEventListener('click', onCancel);
    d.addEventListener('close', onClose);
    d.showModal();
    cancel.focus();
  });
}
