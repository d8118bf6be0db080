// The Meetings list: filters, search, cursor paging and status badges that change live.
import { api } from './api.js';
import { subscribe } from './events.js';
import { badge, formatDate, h, STATUS_LABELS, toast } from './ui.js';

export function renderMeetings(view, ctx) {
  document.getElementById('page-title').textContent = 'Meetings';
  const filters = { q: '', status: '', team: '', medium: '' };
  const search = h('input', { type: 'search', id: 'meetings-search', placeholder: 'Search titles and transcripts…', 'aria-label': 'Search' });
  const status = h('select', { id: 'filter-status', 'aria-label': 'Status' }, h('option', { value: '' }, 'Any status'),
    ...Object.entries(STATUS_LABELS).map(([v, l]) => h('option', { value: v }, l)));
  const team = h('select', { id: 'filter-team', 'aria-label': 'Team' }, h('option', { value: '' }, 'Any team'));
  const medium = h('select', { id: 'filter-medium', 'aria-label': 'Medium' }, h('option', { value: '' }, 'Any medium'),
    h('option', { value: 'call' }, 'Call'), h('option', { value: 'video' }, 'Video'), h('option', { value: 'chat' }, 'Chat'));
  const tbody = h('tbody', { id: 'meetings-rows' });
  const more = h('button', { class: 'btn', type: 'button', hidden: true }, 'Load more');
  view.replaceChildren(
    h('div', { class: 'filters' }, search, status, team, medium),
    h('table', { 'aria-label': 'Meetings' }, h('thead', {}, h('tr', {},
      ...['Title', 'Status', 'Team', 'Contact', 'Owner', 'Medium', 'Created'].map((t) => h('th', { scope: 'col' }, t)))), tbody),
    h('div', { style: 'margin-top:12px' }, more));
  api.teams().then((ts) => ts.forEach((t) => team.append(h('option', { value: t.id }, t.name))));

  let cursor = null;
  let seq = 0;
  // Status events that arrive while a page is loading may describe rows the response will hold in an
  // older state; they are replayed onto the new rows so a fast transition is never lost.
  let loading = false;
  let missed = [];
  async function load(append) {
    const s = ++seq;
    loading = true;
    missed = [];
    const params = { limit: 25 };
    for (const [k, v] of Object.entries(filters)) if (v) params[k] = v;
    if (append && cursor) params.cursor = cursor;
    try {
      const page = await api.conversations(params);
      if (s !== seq) return;
      if (!append) tbody.replaceChildren();
      page.items.forEach((c) => tbody.append(row(c)));
      if (!tbody.children.length) tbody.append(h('tr', {}, h('td', { colspan: '7', class: 'empty' }, 'No meetings yet. Use Add Conversation to upload one.')));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      missed.forEach(showStatus);
    } catch (e) {
      toast(e.message, 'error');
    } finally {
      if (s === seq) loading = false;
    }
  }

  function showStatus(c) {
    const cell = tbody.querySelector(`tr[data-id="${CSS.escape(c.id)}"] .status-cell`);
    if (cell) cell.replaceChildren(badge(c.status));
    return Boolean(cell);
  }

  function row(c) {
    const open = () => { location.hash = `#/meetings/${encodeURIComponent(c.id)}`; };
    return h('tr', { class: 'row', 'data-id': c.id, tabindex: '0', onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } },
      h('td', {}, h('div', {}, c.title), h('div', { class: 'muted', style: 'font-size:12px' }, c.reference)),
      h('td', { class: 'status-cell' }, badge(c.status)),
      h('td', {}, c.team?.name || ''), h('td', {}, c.contact?.name || ''), h('td', {}, c.owner?.name || ''),
      h('td', {}, c.medium[0].toUpperCase() + c.medium.slice(1)), h('td', {}, formatDate(c.createdAt)));
  }

  let debounce = null;
  search.addEventListener('input', () => { clearTimeout(debounce); debounce = setTimeout(() => { filters.q = search.value.trim(); load(false); }, 300); });
  status.addEventListener('change', () => { filters.status = status.value; load(false); });
  team.addEventListener('change', () => { filters.team = team.value; load(false); });
  medium.addEventListener('change', () => { filters.medium = medium.value; load(false); });
  more.addEventListener('click', () => load(true));
  load(false);

  // The first page shows at once; it is loaded again once the stream is live, since a status that
  // changed in between would otherwise never reach it.
  const stop = subscribe('/v1/events', (event) => {
    const c = event.json;
    if (!c?.id) return;
    if (loading) missed.push(c);
    if (!showStatus(c) && c.status === 'queued') load(false);
  }, ({ resumed }) => { if (!resumed) load(false); });
  return stop;
}
