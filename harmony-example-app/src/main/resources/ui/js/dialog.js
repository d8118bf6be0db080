// The upload dialog: Transcript (default) and Recording (Upload / URL) tabs, the shared form,
// client-side checks with the product's messages (the server stays the authority), multipart
// browser uploads with progress and resume, and Shift+Enter to submit.
import { api, ApiError, authHeaders } from './api.js';
import { h, toast, trapFocus } from './ui.js';

const AUDIO_VIDEO_EXTENSIONS = ['mp3', 'wav', 'mp4', 'webm', 'ogg', 'oga', 'opus', 'flac', 'm4a', 'aac', 'gsm',
  'amr', 'aiff', 'aif', 'mov', 'mkv', 'mka', '3gp', 'wma', 'weba', 'm4v'];
const PART_RETRIES = 3;

export async function openUploadDialog(ctx, onCreated) {
  const { messages, limits } = ctx.config;
  const [teams, users, fields] = await Promise.all([api.teams(), api.users(), api.customFields()]);
  const previousFocus = document.activeElement;
  const state = { tab: 'transcript', sub: 'upload', file: null, urlOk: false, busy: false };

  const close = () => {
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    previousFocus?.focus?.();
  };
  const onKey = (e) => {
    if (e.key === 'Escape' && !state.busy) { e.preventDefault(); close(); }
    if (e.key === 'Enter' && e.shiftKey) { e.preventDefault(); submit(); }
  };

  // --- tabs -------------------------------------------------------------------------------
  const tab = (id, label, group, selected) => h('button', {
    type: 'button', role: 'tab', id: `tab-${id}`, 'aria-selected': String(selected), 'aria-controls': `panel-${id}`,
    'data-tab': id, onclick: () => select(group, id),
  }, label);
  const mainTabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Upload type' },
    tab('transcript', 'Transcript', 'main', true), tab('recording', 'Recording', 'main', false));
  const subTabs = h('div', { class: 'tabs sub', role: 'tablist', 'aria-label': 'Recording source' },
    tab('upload', 'Upload', 'sub', true), tab('url', 'URL', 'sub', false));

  // --- transcript ---------------------------------------------------------------------------
  const transcript = h('textarea', { class: 'transcript', id: 'transcript-text', 'aria-label': 'Transcript',
    placeholder: 'Paste your conversation transcript here…' });
  const transcriptPanel = h('div', { id: 'panel-transcript', role: 'tabpanel', 'aria-labelledby': 'tab-transcript' }, transcript);

  // --- recording: upload ------------------------------------------------------------------------
  const fileInput = h('input', { type: 'file', id: 'file-input', accept: 'audio/*,video/*', class: 'visually-hidden', tabindex: '-1',
    onchange: () => chooseFile(fileInput.files[0]) });
  const selected = h('div', { class: 'selected', id: 'selected-file' });
  const fileError = h('div', { class: 'form-error', id: 'file-error', hidden: true, role: 'alert' });
  const dropzone = h('div', { class: 'dropzone', id: 'dropzone', tabindex: '0', role: 'button',
    'aria-describedby': 'dropzone-hint',
    onclick: () => fileInput.click(),
    onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fileInput.click(); } },
    ondragover: (e) => { e.preventDefault(); dropzone.classList.add('over'); },
    ondragleave: () => dropzone.classList.remove('over'),
    ondrop: (e) => { e.preventDefault(); dropzone.classList.remove('over'); chooseFile(e.dataTransfer.files[0]); },
  }, h('div', { class: 'primary-text' }, 'Click to upload or drag and drop'),
  h('div', { class: 'hint', id: 'dropzone-hint' }, 'Audio or video files (max 2 GB)'));
  const progressBar = h('div');
  const progressLabel = h('div', { class: 'label', id: 'upload-progress-label', 'aria-live': 'polite' });
  const progress = h('div', { class: 'progress', hidden: true, id: 'upload-progress' },
    h('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-labelledby': 'upload-progress-label' }, progressBar),
    progressLabel);
  const uploadPanel = h('div', { id: 'panel-upload', role: 'tabpanel', 'aria-labelledby': 'tab-upload' },
    dropzone, fileInput, selected, fileError, progress);

  // --- recording: url -----------------------------------------------------------------------------
  const urlInput = h('input', { type: 'url', id: 'url-input', 'aria-label': 'Recording URL',
    placeholder: 'https://example.com/recording.mp3', autocomplete: 'off' });
  const urlStatus = h('div', { class: 'url-status', id: 'url-status', 'aria-live': 'polite' });
  const urlPanel = h('div', { id: 'panel-url', role: 'tabpanel', 'aria-labelledby': 'tab-url', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'url-input' }, 'Recording URL'), urlInput), urlStatus);
  let debounce = null;
  let checkSeq = 0;
  urlInput.addEventListener('input', () => {
    state.urlOk = false;
    updateSubmit();
    urlStatus.className = 'url-status';
    urlStatus.textContent = urlInput.value.trim() ? 'Checking…' : '';
    clearTimeout(debounce);
    if (!urlInput.value.trim()) return;
    debounce = setTimeout(async () => {
      const seq = ++checkSeq;
      try {
        const result = await api.checkUrl(urlInput.value.trim());
        if (seq !== checkSeq) return;
        state.urlOk = result.accessible;
        urlStatus.className = `url-status ${result.accessible ? 'ok' : 'bad'}`;
        urlStatus.replaceChildren(h('span', { 'aria-hidden': 'true', class: 'icon' }, result.accessible ? '✔' : '⚠'),
          h('span', { 'data-testid': 'url-message' }, result.message));
      } catch (e) {
        urlStatus.className = 'url-status bad';
        urlStatus.textContent = e.message;
      }
      updateSubmit();
    }, 800);
  });

  const recordingPanel = h('div', { id: 'panel-recording', role: 'tabpanel', 'aria-labelledby': 'tab-recording', hidden: true },
    subTabs, h('div', { style: 'margin-top:12px' }, uploadPanel, urlPanel));

  // --- form fields ---------------------------------------------------------------------------------
  const me = ctx.me;
  const field = (name, label, control, required) => h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id || `${name}-input` }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control, h('div', { class: 'error', id: `${name}-error` }));
  const defaultTeam = me.teams.length === 1 ? me.teams[0].id : '';
  const teamSelect = h('select', { id: 'team-input', required: true },
    h('option', { value: '' }, 'Choose a team…'), ...teams.map((t) => h('option', { value: t.id, selected: t.id === defaultTeam }, t.name)));
  const ownerSelect = h('select', { id: 'owner-input', required: true },
    ...users.map((u) => h('option', { value: u.id, selected: u.id === me.user.id }, u.name)));
  ownerSelect.addEventListener('change', () => {
    const owner = users.find((u) => u.id === ownerSelect.value);
    if (owner && owner.teamIds.length === 1 && !teamSelect.dataset.touched) teamSelect.value = owner.teamIds[0];
  });
  teamSelect.addEventListener('change', () => { teamSelect.dataset.touched = '1'; });
  const mediumSelect = h('select', { id: 'medium-input', required: true },
    h('option', { value: 'call' }, 'Call'), h('option', { value: 'video' }, 'Video'), h('option', { value: 'chat', selected: true }, 'Chat'));
  const contact = contactTypeahead();
  const customControls = fields.map((f) => customField(f));

  const formError = h('div', { class: 'form-error', id: 'form-error', hidden: true, role: 'alert' });
  const submitButton = h('button', { type: 'button', class: 'btn primary', id: 'upload-submit', onclick: () => submit() }, 'Upload');
  const dialog = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'upload-title', id: 'upload-dialog' },
    h('header', {}, h('h2', { id: 'upload-title' }, 'Add conversation'),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => !state.busy && close() }, '×')),
    h('div', { class: 'body' }, mainTabs, transcriptPanel, recordingPanel,
      h('div', { class: 'grid2' },
        field('team', 'Team', teamSelect, true),
        field('contact', 'Contact', contact.el, true),
        field('owner', 'Owner', ownerSelect, true),
        field('medium', 'Medium', mediumSelect, true),
        ...customControls.map((c) => c.el)),
      formError,
      h('div', { class: 'actions' }, h('span', { class: 'hint' }, 'Shift+Enter to upload'),
        h('button', { type: 'button', class: 'btn', onclick: () => !state.busy && close() }, 'Cancel'), submitButton)));
  const backdrop = h('div', { class: 'backdrop', onmousedown: (e) => { if (e.target === backdrop && !state.busy) close(); } }, dialog);
  document.getElementById('modal-root').append(backdrop);
  document.addEventListener('keydown', onKey, true);
  trapFocus(dialog);
  transcript.focus();

  function select(group, id) {
    if (group === 'main') {
      state.tab = id;
      mainTabs.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t.dataset.tab === id)));
      transcriptPanel.hidden = id !== 'transcript';
      recordingPanel.hidden = id !== 'recording';
    } else {
      state.sub = id;
      subTabs.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t.dataset.tab === id)));
      uploadPanel.hidden = id !== 'upload';
      urlPanel.hidden = id !== 'url';
    }
    updateSubmit();
  }

  function updateSubmit() {
    submitButton.disabled = state.busy || (state.tab === 'recording' && state.sub === 'url' && !state.urlOk);
  }

  function chooseFile(file) {
    fileError.hidden = true;
    state.file = null;
    selected.textContent = '';
    if (!file) return;
    const ext = (file.name.split('.').pop() || '').toLowerCase();
    const looksMedia = file.type.startsWith('audio/') || file.type.startsWith('video/')
      || (!file.type && AUDIO_VIDEO_EXTENSIONS.includes(ext));
    if (!looksMedia) return showFileError(messages.notAudioOrVideo);
    if (file.size > limits.mediaMaxBytes) return showFileError(messages.mediaTooLarge);
    state.file = file;
    selected.textContent = `Selected: ${file.name}`;
  }

  function showFileError(message) {
    fileError.textContent = message;
    fileError.hidden = false;
  }

  function contactTypeahead() {
    const input = h('input', { id: 'contact-input', type: 'text', role: 'combobox', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': 'contact-options', placeholder: 'Search contacts…', autocomplete: 'off' });
    const list = h('ul', { id: 'contact-options', role: 'listbox', hidden: true });
    const wrap = h('div', { class: 'typeahead' }, input, list);
    let chosen = null;
    let items = [];
    let active = -1;
    let seq = 0;
    const render = () => {
      list.replaceChildren(...items.map((c, i) => h('li', { role: 'option', id: `contact-option-${i}`, 'aria-selected': String(i === active),
        onmousedown: (e) => { e.preventDefault(); pick(c); } }, c.name, c.company ? h('span', { class: 'muted' }, ` · ${c.company}`) : null)));
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
    };
    const pick = (c) => { chosen = c; input.value = c.name; items = []; render(); };
    input.addEventListener('input', async () => {
      chosen = null;
      const s = ++seq;
      const found = input.value.trim() ? await api.contacts(input.value.trim()) : [];
      if (s !== seq) return;
      items = found;
      active = items.length ? 0 : -1;
      render();
    });
    input.addEventListener('keydown', (e) => {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); active = (active + 1) % items.length; render(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); active = (active - 1 + items.length) % items.length; render(); }
      if (e.key === 'Enter' && !e.shiftKey && active >= 0) { e.preventDefault(); pick(items[active]); }
    });
    input.addEventListener('blur', () => setTimeout(() => { items = []; render(); }, 150));
    return { el: wrap, value: () => chosen?.id || '' };
  }

  function customField(f) {
    const id = `cf-${f.key}`;
    let control;
    let value;
    if (f.type === 'single-select') {
      control = h('select', { id }, h('option', { value: '' }, 'Choose…'), ...f.options.map((o) => h('option', { value: o }, o)));
      value = () => control.value;
    } else if (f.type === 'multi-select') {
      control = h('select', { id, multiple: true }, ...f.options.map((o) => h('option', { value: o }, o)));
      value = () => [...control.selectedOptions].map((o) => o.value);
    } else if (f.type === 'boolean') {
      control = h('select', { id }, h('option', { value: '' }, '—'), h('option', { value: 'true' }, 'Yes'), h('option', { value: 'false' }, 'No'));
      value = () => (control.value === '' ? '' : control.value === 'true');
    } else {
      control = h('input', { id, type: f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text' });
      value = () => control.value;
    }
    return { key: f.key, required: f.required, el: field(`customFields.${f.key}`, f.label, control, f.required), value };
  }

  function formValues() {
    const customFields = {};
    for (const c of customControls) {
      const v = c.value();
      if (v !== '' && !(Array.isArray(v) && v.length === 0)) customFields[c.key] = v;
    }
    return { team: teamSelect.value, contact: contact.value(), owner: ownerSelect.value, medium: mediumSelect.value, customFields };
  }

  function markErrors(errors) {
    dialog.querySelectorAll('.field[data-field]').forEach((f) => {
      f.classList.remove('invalid');
      const message = f.querySelector('.error');
      if (message) message.textContent = '';
    });
    for (const e of errors) {
      const f = dialog.querySelector(`.field[data-field="${CSS.escape(e.field)}"]`);
      if (f) {
        f.classList.add('invalid');
        const message = f.querySelector('.error');
        if (message) message.textContent = e.message;
      }
    }
  }

  function showFormError(message, errors = []) {
    formError.textContent = message;
    formError.hidden = false;
    markErrors(errors);
  }

  /** The same required-field rules the server applies, so the user hears about them at once. */
  function missingFields(form) {
    const missing = [];
    for (const name of ['team', 'contact', 'owner', 'medium']) if (!form[name]) missing.push(name);
    for (const c of customControls) if (c.required && form.customFields[c.key] === undefined) missing.push(`customFields.${c.key}`);
    return missing.map((f) => ({ field: f, message: messages.required }));
  }

  async function submit() {
    if (state.busy || submitButton.disabled) return;
    formError.hidden = true;
    const form = formValues();
    const missing = missingFields(form);
    let sourceMissing = false;
    if (state.tab === 'transcript' && !transcript.value.trim()) sourceMissing = true;
    if (state.tab === 'recording' && state.sub === 'upload' && !state.file) sourceMissing = true;
    if (missing.length || sourceMissing) {
      showFormError(messages.requiredFieldsMissing, missing);
      if (sourceMissing && state.tab === 'transcript') transcript.classList.add('invalid');
      if (sourceMissing && state.tab === 'recording') dropzone.classList.add('over');
      return;
    }
    markErrors([]);
    state.busy = true;
    updateSubmit();
    try {
      let created;
      if (state.tab === 'transcript') {
        created = await api.submitTranscript({ ...form, transcript: transcript.value });
        toast('Transcript uploaded successfully.');
      } else if (state.sub === 'url') {
        created = await api.importUrl({ ...form, url: urlInput.value.trim() });
        toast(messages.recordingUploaded);
      } else {
        created = await uploadInParts(state.file, form);
        toast(messages.recordingUploaded);
      }
      close();
      onCreated?.(created);
    } catch (e) {
      if (e instanceof ApiError) showFormError(e.message, e.errors);
      else showFormError(e.message || 'The upload failed. Please try again.');
    } finally {
      state.busy = false;
      updateSubmit();
    }
  }

  function setProgress(fraction, label) {
    progress.hidden = false;
    progressBar.style.width = `${Math.round(fraction * 100)}%`;
    progressBar.parentElement.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
    progressLabel.textContent = label;
    window.__progressLabels = [...new Set([...(window.__progressLabels || []), label])];
  }

  /** Browser multipart upload: parts in order, each retried; after a dropped connection, resume from what the server has. */
  async function uploadInParts(file, form) {
    setProgress(0, 'Preparing upload…');
    const session = await api.startUpload({ filename: file.name, size: file.size, contentType: file.type || 'application/octet-stream' });
    setProgress(0, `Uploading ${session.partCount} parts…`);
    let received = new Set();
    for (let attempt = 0; ; attempt++) {
      try {
        let done = received.size;
        for (const part of session.parts) {
          if (received.has(part.partNumber)) continue;
          const start = (part.partNumber - 1) * session.partSize;
          const blob = file.slice(start, Math.min(file.size, start + session.partSize));
          const absolute = /^https?:/i.test(part.url);
          const res = await fetch(part.url, { method: part.method || 'PUT', body: blob, headers: absolute ? {} : authHeaders() });
          if (!res.ok) {
            const problem = await res.json().catch(() => null);
            throw new ApiError(res.status, problem);
          }
          received.add(part.partNumber);
          done += 1;
          setProgress(done / session.partCount, `Uploading ${session.partCount} parts…`);
        }
        break;
      } catch (e) {
        if ((e instanceof ApiError && e.status < 500 && e.status !== 408) || attempt >= PART_RETRIES) throw e;
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        const status = await api.uploadStatus(session.uploadId);
        received = new Set(status.parts.map((p) => p.partNumber));
      }
    }
    setProgress(1, 'Upload complete. Finishing up…');
    return api.completeUpload(session.uploadId, form);
  }
}
