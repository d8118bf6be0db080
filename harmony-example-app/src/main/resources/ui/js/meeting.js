// A meeting: transcript with speaker matching and a player that seeks to a clicked turn,
// properties, what processing found, and Retry when it failed. Status updates arrive live.
import { api, mediaUrl } from './api.js';
import { subscribe } from './events.js';
import { badge, formatDate, formatMs, h, toast } from './ui.js';

export function renderMeeting(view, ctx, id) {
  document.getElementById('page-title').textContent = 'Meeting';
  let conversation = null;
  let activeTab = 'transcript';
  let player = null;
  let objectUrl = null;

  async function load() {
    try {
      conversation = await api.conversation(id);
    } catch (e) {
      view.replaceChildren(h('div', { class: 'panel empty' }, e.message));
      return;
    }
    render();
  }

  function render() {
    const c = conversation;
    const head = h('div', { class: 'meeting-head' },
      h('a', { href: '#/meetings', class: 'btn small' }, '← Meetings'),
      h('h2', { id: 'meeting-title' }, c.title), h('span', { id: 'meeting-status' }, badge(c.status)),
      h('span', { class: 'muted', id: 'meeting-reference' }, c.reference));
    const failure = c.status === 'failed' ? h('div', { class: 'failure', id: 'failure', role: 'alert' },
      h('span', {}, h('strong', {}, 'Processing failed: '), c.processing?.error || 'Unknown reason.'),
      h('button', { class: 'btn', id: 'retry', onclick: retry }, 'Retry')) : null;
    const progress = !['completed', 'failed'].includes(c.status) && c.processing?.stage
      ? h('div', { class: 'muted', id: 'meeting-progress' }, `${c.processing.stage}: ${Math.round((c.processing.progress || 0) * 100)}%`) : null;
    const tabs = h('div', { class: 'tabs', role: 'tablist' },
      ...[['transcript', 'Transcript'], ['properties', 'Properties'], ['insights', 'Insights']].map(([t, label]) =>
        h('button', { role: 'tab', type: 'button', id: `meeting-tab-${t}`, 'aria-selected': String(activeTab === t),
          onclick: () => { activeTab = t; render(); } }, label)));
    const panel = h('div', { role: 'tabpanel', id: `meeting-panel-${activeTab}` });
    view.replaceChildren(...[head, failure, progress, tabs, panel].filter(Boolean));
    if (activeTab === 'transcript') renderTranscript(panel);
    else if (activeTab === 'properties') renderProperties(panel);
    else renderInsights(panel);
  }

  async function retry() {
    try {
      conversation = await api.reprocess(id);
      render();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  async function renderTranscript(panel) {
    const c = conversation;
    if (c.recording) {
      const isVideo = (c.recording.mimeType || '').startsWith('video/');
      player = h(isVideo ? 'video' : 'audio', { controls: true, id: 'player', preload: 'metadata' });
      panel.append(player);
      if (!objectUrl) {
        mediaUrl(`/v1/conversations/${encodeURIComponent(id)}/recording`).then((u) => { objectUrl = u; player.src = u; })
          .catch(() => { /* no media yet (URL import still downloading) */ });
      } else {
        player.src = objectUrl;
      }
    }
    let transcript;
    try {
      transcript = await api.transcript(id);
    } catch (e) {
      panel.append(h('div', { class: 'empty' }, e.message));
      return;
    }
    if (!transcript.turns.length) {
      panel.append(h('div', { class: 'panel empty' }, 'The transcript appears here once transcription has finished.'));
      return;
    }
    const [users, contacts] = await Promise.all([api.users(), api.contacts('')]);
    const name = (label) => transcript.speakers.find((s) => s.label === label)?.name || label;
    const speakers = h('div', { class: 'speakers panel', id: 'speakers' }, h('h2', {}, 'Speakers'),
      ...transcript.speakers.map((s) => {
        const select = h('select', { 'aria-label': `Match ${s.label}`, 'data-speaker': s.label },
          h('option', { value: '' }, 'Not matched'),
          h('optgroup', { label: 'Contacts' }, ...contacts.map((ct) => h('option', { value: `contact:${ct.id}`, selected: s.contactId === ct.id }, ct.name))),
          h('optgroup', { label: 'Workspace users' }, ...users.map((u) => h('option', { value: `user:${u.id}`, selected: s.userId === u.id }, u.name))));
        select.addEventListener('change', async () => {
          if (!select.value) return;
          const [kind, value] = select.value.split(':');
          try {
            await api.matchSpeaker(id, s.label, kind === 'contact' ? { contactId: value } : { userId: value });
            toast('Speaker matched.');
            conversation = await api.conversation(id);
            render();
          } catch (e) {
            toast(e.message, 'error');
          }
        });
        return h('div', { class: 'speaker-row' }, h('span', { style: 'min-width:120px' }, s.name ? `${s.name} (${s.label})` : s.label), select);
      }));
    const turns = h('div', { class: 'panel', id: 'turns' }, ...transcript.turns.map((t, i) =>
      h('div', { class: 'turn', tabindex: '0', 'data-start': String(t.startMs), id: `turn-${i}`,
        onclick: () => seek(t.startMs), onkeydown: (e) => { if (e.key === 'Enter') seek(t.startMs); } },
      h('div', {}, h('div', { class: 'who' }, name(t.speaker)), h('div', { class: 'when' }, formatMs(t.startMs))),
      h('div', {}, t.text))));
    panel.append(speakers, turns);
  }

  function seek(ms) {
    if (!player) return;
    player.currentTime = ms / 1000;
    player.play?.().catch(() => {});
  }

  async function renderProperties(panel) {
    const c = conversation;
    const [teams, users, fields] = await Promise.all([api.teams(), api.users(), api.customFields()]);
    const team = h('select', { id: 'prop-team' }, ...teams.map((t) => h('option', { value: t.id, selected: t.id === c.team.id }, t.name)));
    const owner = h('select', { id: 'prop-owner' }, ...users.map((u) => h('option', { value: u.id, selected: u.id === c.owner.id }, u.name)));
    const medium = h('select', { id: 'prop-medium' }, ...['call', 'video', 'chat'].map((m) => h('option', { value: m, selected: m === c.medium }, m[0].toUpperCase() + m.slice(1))));
    const title = h('input', { id: 'prop-title', value: c.title });
    const tags = [...c.tags];
    const tagList = h('div', { id: 'prop-tags' });
    const renderTags = () => tagList.replaceChildren(...tags.map((t, i) => h('span', { class: 'chip' }, t,
      h('button', { type: 'button', 'aria-label': `Remove tag ${t}`, onclick: () => { tags.splice(i, 1); renderTags(); } }, '×'))));
    renderTags();
    const tagInput = h('input', { id: 'prop-tag-input', placeholder: 'Add a tag and press Enter', 'aria-label': 'Add tag' });
    tagInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && tagInput.value.trim()) { e.preventDefault(); tags.push(tagInput.value.trim()); tagInput.value = ''; renderTags(); }
    });
    const custom = fields.map((f) => {
      const v = c.customFields[f.key];
      const input = h('input', { id: `prop-cf-${f.key}`, value: Array.isArray(v) ? v.join(', ') : (v ?? '') });
      return { f, input, el: h('div', { class: 'field' }, h('label', { for: `prop-cf-${f.key}` }, f.label), input) };
    });
    const error = h('div', { class: 'form-error', hidden: true, role: 'alert' });
    const save = h('button', { class: 'btn primary', id: 'prop-save', onclick: async () => {
      const customFields = {};
      for (const { f, input } of custom) {
        const raw = input.value.trim();
        if (raw) customFields[f.key] = f.type === 'multi-select' ? raw.split(',').map((s) => s.trim()) : raw;
      }
      try {
        conversation = await api.update(id, { team: team.value, owner: owner.value, medium: medium.value, title: title.value, tags, customFields });
        toast('Properties saved.');
        render();
      } catch (e) {
        error.textContent = e.message + (e.errors?.length ? ` (${e.errors.map((x) => x.field).join(', ')})` : '');
        error.hidden = false;
      }
    } }, 'Save');
    panel.append(h('div', { class: 'panel' },
      h('div', { class: 'grid2' },
        h('div', { class: 'field' }, h('label', { for: 'prop-title' }, 'Title'), title),
        h('div', { class: 'field' }, h('label', { for: 'prop-team' }, 'Team'), team),
        h('div', { class: 'field' }, h('label', { for: 'prop-owner' }, 'Owner'), owner),
        h('div', { class: 'field' }, h('label', { for: 'prop-medium' }, 'Medium'), medium),
        h('div', { class: 'field' }, h('label', {}, 'Contact'), h('div', {}, c.contact.name || c.contact.id)),
        ...custom.map((x) => x.el)),
      h('div', { class: 'field' }, h('label', { for: 'prop-tag-input' }, 'Tags'), tagList, tagInput),
      error, h('div', { class: 'actions' }, save)),
    h('div', { class: 'panel kv' }, h('span', { class: 'muted' }, 'Source'), h('span', {}, c.source),
      h('span', { class: 'muted' }, 'Occurred'), h('span', {}, formatDate(c.occurredAt)),
      h('span', { class: 'muted' }, 'Created'), h('span', {}, formatDate(c.createdAt)),
      c.recording ? [h('span', { class: 'muted' }, 'Recording'), h('span', {}, `${c.recording.filename || ''} · ${c.recording.mimeType} · ${(c.recording.sizeBytes / 1048576).toFixed(1)} MB`)] : null));
  }

  function renderInsights(panel) {
    const c = conversation;
    if (c.status !== 'completed' && !c.summary) {
      panel.append(h('div', { class: 'panel empty' }, 'Insights appear here when processing has finished.'));
      return;
    }
    const section = (title, idAttr, ...content) => h('div', { class: 'panel', id: idAttr }, h('h2', {}, title), ...content);
    const list = (items, fn) => (items?.length ? h('ul', { class: 'clean' }, ...items.map((x) => h('li', {}, fn(x)))) : h('div', { class: 'muted' }, 'None found.'));
    panel.append(h('div', { class: 'two-col' },
      h('div', {},
        section('Summary', 'summary', h('p', {}, c.summary?.text || 'No summary.'),
          c.summary?.topics?.length ? h('div', {}, ...c.summary.topics.map((t) => h('span', { class: 'chip' }, t))) : null),
        section('Action items', 'action-items', list(c.actionItems, (a) => [h('strong', {}, a.text),
          h('div', { class: 'muted' }, [a.owner ? `Owner: ${a.owner}` : null, a.dueDate ? `Due: ${a.dueDate}` : null].filter(Boolean).join(' · '))])),
        section('Insights', 'insights', list((c.insights || []).filter((i) => i.triggered), (i) => [h('strong', {}, i.name), ' ',
          h('span', { class: 'muted' }, `${i.hits?.length || 0} hits`),
          i.hits?.[0] ? h('div', { class: 'muted' }, `“${i.hits[0].quote}” — ${i.hits[0].speakerName || i.hits[0].speaker}`) : null]))),
      h('div', {},
        c.score ? section('Score', 'score', h('div', { class: 'score' }, Math.round(c.score.score)), h('div', { class: 'muted' }, c.score.name),
          list(c.score.breakdown, (b) => `${b.passed ? '✔' : '✘'} ${b.name} (weight ${b.weight})`)) : null,
        section('Goals', 'goals', list(c.goals, (g) => `${g.met ? '✔' : '✘'} ${g.name}`)),
        section('Metrics', 'metrics', metricsView(c.metrics)))));
  }

  function metricsView(m) {
    if (!m) return h('div', { class: 'muted' }, 'No metrics.');
    const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
    return h('div', {},
      h('div', { class: 'kv' },
        h('span', { class: 'muted' }, 'Duration'), h('span', {}, formatMs(m.durationMs)),
        h('span', { class: 'muted' }, 'Words per minute'), h('span', {}, Math.round(m.wordsPerMinute)),
        h('span', { class: 'muted' }, 'Interactivity'), h('span', {}, `${m.interactivity.toFixed(1)} switches/min`),
        h('span', { class: 'muted' }, 'Questions'), h('span', {}, String(m.questionsTotal)),
        h('span', { class: 'muted' }, 'Filler words'), h('span', {}, String(m.fillerWords))),
      h('ul', { class: 'clean', style: 'margin-top:10px' }, ...(m.speakers || []).map((s) =>
        h('li', {}, `${s.name || s.speaker}: ${pct(s.talkRatio)} talk time, ${s.words} words`))));
  }

  load();
  function refresh() {
    const before = conversation?.status;
    api.conversation(id).then((c) => {
      conversation = c;
      if (c.status !== before) render();
      else {
        const p = document.getElementById('meeting-progress');
        if (p && c.processing?.stage) p.textContent = `${c.processing.stage}: ${Math.round((c.processing.progress || 0) * 100)}%`;
      }
    }).catch(() => {});
  }
  // Refreshed once the stream is live too: a change between the first load and then sends no event.
  const stop = subscribe(`/v1/conversations/${encodeURIComponent(id)}/events`, (event) => {
    if (event.json?.id === id) refresh();
  }, ({ resumed }) => { if (!resumed) refresh(); });
  return () => { stop(); if (objectUrl) URL.revokeObjectURL(objectUrl); };
}
