// The app shell: navigation, the three ways into the upload dialog (Quick Launch, toolbar,
// Ctrl/Cmd+K palette) and the views.
import { api, setApiKey } from './api.js';
import { h, toast, trapFocus } from './ui.js';
import { openUploadDialog } from './dialog.js';
import { renderMeetings } from './meetings.js';
import { renderMeeting } from './meeting.js';

const ctx = { config: null, me: null, cleanup: null };

async function boot() {
  ctx.config = await fetch('/ui/config.json').then((r) => r.json());
  const stored = localStorage.getItem('harmony.apiKey');
  setApiKey(stored || ctx.config.apiKey);
  try {
    ctx.me = await api.me();
  } catch (e) {
    askForKey();
    return;
  }
  document.getElementById('whoami').textContent = `${ctx.me.user.name} · ${ctx.me.workspace.name}`;
  document.getElementById('add-conversation').addEventListener('click', () => upload());
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      openPalette();
    }
  });
  window.addEventListener('hashchange', route);
  route();
}

function askForKey() {
  const view = document.getElementById('view');
  const input = h('input', { id: 'api-key', type: 'password', 'aria-label': 'API key', style: 'width:420px;padding:8px' });
  view.replaceChildren(h('div', { class: 'panel' }, h('h2', {}, 'Sign in with an API key'),
    h('p', { class: 'muted' }, 'The example app prints a key for each demo workspace when it starts.'),
    input, ' ', h('button', { class: 'btn primary', onclick: () => { localStorage.setItem('harmony.apiKey', input.value.trim()); location.reload(); } }, 'Continue')));
}

export function upload() {
  openUploadDialog(ctx, (created) => {
    if (location.hash.startsWith('#/meetings') && !location.hash.includes('/meetings/')) route();
    else location.hash = '#/meetings';
    return created;
  });
}

function openPalette() {
  if (document.querySelector('.palette')) return;
  const previous = document.activeElement;
  const commands = [
    { icon: '⤒', label: 'Upload', sub: 'Recording or transcript', run: () => upload() },
    { icon: '☰', label: 'Meetings', sub: 'All conversations', run: () => { location.hash = '#/meetings'; } },
    { icon: '⌂', label: 'Start', sub: 'Quick Launch', run: () => { location.hash = '#/start'; } },
  ];
  const close = () => { backdrop.remove(); previous?.focus?.(); };
  const search = h('input', { type: 'text', placeholder: 'Type a command…', 'aria-label': 'Command' });
  const tiles = h('div', { class: 'tiles' });
  const render = () => {
    const q = search.value.trim().toLowerCase();
    tiles.replaceChildren(...commands.filter((c) => c.label.toLowerCase().includes(q)).map((c) =>
      h('button', { class: 'tile', type: 'button', 'data-command': c.label, onclick: () => { close(); c.run(); } },
        h('span', { class: 'icon', 'aria-hidden': 'true' }, c.icon), h('span', { class: 'label' }, c.label), h('span', { class: 'sub' }, c.sub))));
  };
  search.addEventListener('input', render);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); tiles.querySelector('button')?.click(); }
  });
  const dialog = h('div', { class: 'dialog palette', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Command palette' }, search, tiles);
  const backdrop = h('div', { class: 'backdrop', onmousedown: (e) => { if (e.target === backdrop) close(); },
    onkeydown: (e) => { if (e.key === 'Escape') close(); } }, dialog);
  document.getElementById('modal-root').append(backdrop);
  trapFocus(dialog);
  render();
  search.focus();
}

function renderStart(view) {
  document.getElementById('page-title').textContent = 'Start';
  view.replaceChildren(
    h('div', { class: 'panel', id: 'quick-launch' }, h('h2', {}, 'Quick Launch'),
      h('div', { class: 'quick-launch' },
        h('button', { class: 'tile', type: 'button', id: 'quick-upload', onclick: () => upload() },
          h('span', { class: 'icon', 'aria-hidden': 'true' }, '⤒'), h('span', { class: 'label' }, 'Upload'),
          h('span', { class: 'sub' }, 'A recording, a URL or a transcript')),
        h('a', { class: 'tile', href: '#/meetings' },
          h('span', { class: 'icon', 'aria-hidden': 'true' }, '☰'), h('span', { class: 'label' }, 'Meetings'),
          h('span', { class: 'sub' }, 'Browse and search conversations')))),
    h('div', { class: 'panel' }, h('h2', {}, `Welcome, ${ctx.me.user.name}`),
      h('p', { class: 'muted' }, 'Upload a meeting and Harmony transcribes it, finds action items and insights, and scores it. Press Ctrl+K anywhere for the command palette.')));
}

function route() {
  ctx.cleanup?.();
  ctx.cleanup = null;
  const view = document.getElementById('view');
  const hash = location.hash || '#/meetings';
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', hash.startsWith(`#/${a.dataset.nav}`)));
  const meeting = hash.match(/^#\/meetings\/([^/?]+)/);
  try {
    if (hash.startsWith('#/start')) renderStart(view);
    else if (meeting) ctx.cleanup = renderMeeting(view, ctx, decodeURIComponent(meeting[1]));
    else ctx.cleanup = renderMeetings(view, ctx);
  } catch (e) {
    toast(e.message, 'error');
  }
}

boot().catch((e) => toast(e.message, 'error'));
