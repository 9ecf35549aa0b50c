// The ops console: sign-in, the sections (one view at a time, chosen by the address's #fragment), status
// refreshed every 30 seconds while it is shown.
import { signIn, signOut, signedIn, onSignedOut } from './api.js';
import { showStatus } from './status.js';
import { runPreflight } from './preflight.js';
import { showDeadLetters } from './dead-letters.js';
import { showDeadLetter } from './dead-letter.js';
import { showHistory } from './history.js';
import { runPreview } from './preview.js';

const REFRESH_MS = 30000;
const $ = (id) => document.getElementById(id);
let timer = null;

const VIEWS = {
  status: { section: 'view-status', nav: 'status', show: showStatus, refresh: true },
  preflight: { section: 'view-preflight', nav: 'preflight', show: () => {} },
  'dead-letters': { section: 'view-dead-letters', nav: 'dead-letters', show: showDeadLetters },
  'dead-letter': { section: 'view-dead-letter', nav: 'dead-letters', show: (id) => showDeadLetter(id) },
  history: { section: 'view-history', nav: 'history', show: showHistory },
  preview: { section: 'view-preview', nav: 'preview', show: () => {} },
};

function route() {
  const [name, arg] = location.hash.replace(/^#/, '').split('/');
  const id = name === 'dead-letter' && /^[0-9]+$/.test(arg ?? '') ? arg : null;
  const key = name === 'dead-letter' ? (id ? 'dead-letter' : 'dead-letters') : (VIEWS[name] ? name : 'status');
  return { key, view: VIEWS[key], id };
}

function render(moveFocus) {
  if (!signedIn()) return;
  const { key, view, id } = route();
  document.querySelectorAll('.view').forEach((s) => { s.hidden = s.id !== view.section; });
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.view === view.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  clearInterval(timer);
  // not while a confirmation is open or the hidden tab cannot be seen
  if (view.refresh) timer = setInterval(() => { if (!document.hidden && !$('confirm').open) view.show(); }, REFRESH_MS);
  $('notice').textContent = '';
  view.show(id);
  document.title = `${$(view.section).querySelector('h1').textContent} · ops console`;
  if (moveFocus) $(view.section).querySelector('h1').focus();
  return key;
}

function showSignIn(message) {
  clearInterval(timer);
  $('nav').hidden = true;
  $('who').hidden = true;
  document.querySelectorAll('.view').forEach((s) => { s.hidden = true; });
  $('notice').textContent = '';
  $('sign-in-view').hidden = false;
  $('password').value = '';
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  ($('username').value ? $('password') : $('username')).focus();
}

function signedInAs(username) {
  $('sign-in-view').hidden = true;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('who-name').textContent = `Signed in as ${username}`;
  render(true);
}

async function submitSignIn(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    showSignIn('Enter the ops username and password.');
    return;
  }
  const button = $('sign-in-button');
  button.disabled = true;
  try {
    await signIn(username, password);
    $('password').value = '';
    signedInAs(username);
  } catch (e) {
    if (e.status === 401) showSignIn('Wrong username or password.');
    else if (e.status === 429) showSignIn(`Too many failed sign-ins: try again in ${e.retryAfter ?? 'a few'} seconds.`);
    else showSignIn(`Sign-in failed: ${e.message}`);
  } finally {
    button.disabled = false;
  }
}

function start() {
  $('sign-in').addEventListener('submit', submitSignIn);
  $('sign-out').addEventListener('click', () => { signOut(); showSignIn(); });
  $('status-refresh').addEventListener('click', () => showStatus());
  $('history-refresh').addEventListener('click', () => showHistory());
  $('preflight-run').addEventListener('click', () => runPreflight());
  $('preview-run').addEventListener('click', () => runPreview());
  window.addEventListener('hashchange', () => render(true));
  onSignedOut((message) => showSignIn(message));
  showSignIn();
}

start();
