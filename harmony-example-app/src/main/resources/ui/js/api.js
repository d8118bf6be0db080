// The Public API v1, as the UI uses it. Errors become ApiError with the server's problem details.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `Request failed (${status})`);
    this.status = status;
    this.errors = problem?.errors || [];
  }
}

let apiKey = null;
export const setApiKey = (key) => { apiKey = key; };
export const authHeaders = () => (apiKey ? { Authorization: `Bearer ${apiKey}` } : {});

export async function request(method, path, body, extraHeaders = {}) {
  const headers = { ...authHeaders(), ...extraHeaders };
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.status === 204) return null;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export const api = {
  me: () => request('GET', '/v1/me'),
  teams: () => request('GET', '/v1/teams').then((r) => r.items),
  users: () => request('GET', '/v1/users').then((r) => r.items),
  contacts: (q) => request('GET', `/v1/contacts?limit=8&q=${encodeURIComponent(q || '')}`).then((r) => r.items),
  customFields: () => request('GET', '/v1/custom-fields').then((r) => r.items),
  conversations: (params) => request('GET', `/v1/conversations?${new URLSearchParams(params)}`),
  conversation: (id) => request('GET', `/v1/conversations/${encodeURIComponent(id)}`),
  transcript: (id) => request('GET', `/v1/conversations/${encodeURIComponent(id)}/transcript`),
  update: (id, patch) => request('PATCH', `/v1/conversations/${encodeURIComponent(id)}`, patch),
  matchSpeaker: (id, label, match) =>
    request('PUT', `/v1/conversations/${encodeURIComponent(id)}/speakers/${encodeURIComponent(label)}`, match),
  reprocess: (id) => request('POST', `/v1/conversations/${encodeURIComponent(id)}/reprocess`),
  remove: (id) => request('DELETE', `/v1/conversations/${encodeURIComponent(id)}`),
  checkUrl: (url) => request('POST', '/v1/url-checks', { url }),
  importUrl: (body) => request('POST', '/v1/conversations/import-url', body),
  submitTranscript: (body) => request('POST', '/v1/conversations', body),
  startUpload: (body) => request('POST', '/v1/uploads', body),
  uploadStatus: (id) => request('GET', `/v1/uploads/${encodeURIComponent(id)}`),
  completeUpload: (id, form) => request('POST', `/v1/uploads/${encodeURIComponent(id)}/complete`, form),
  abortUpload: (id) => request('DELETE', `/v1/uploads/${encodeURIComponent(id)}`),
};

/** Fetches a media URL with the key and returns an object URL the player can use. */
export async function mediaUrl(path) {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw new ApiError(res.status, null);
  return URL.createObjectURL(await res.blob());
}
