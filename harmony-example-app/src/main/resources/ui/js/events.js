// Server-Sent Events over fetch (EventSource cannot send the Authorization header). Reconnects
// with Last-Event-ID so no status change is missed. onOpen({ resumed }) runs each time the stream is
// live; a stream that is not resumed starts from now, so that is when a page's snapshot is current.
import { authHeaders } from './api.js';

export function subscribe(path, onEvent, onOpen) {
  let lastId = null;
  let stopped = false;
  let controller = null;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { ...authHeaders(), Accept: 'text/event-stream' };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const res = await fetch(path, { headers, signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        onOpen?.({ resumed: Boolean(headers['Last-Event-ID']) });
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let split;
          while ((split = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            const event = parse(block);
            if (event.id) lastId = event.id;
            if (event.data) onEvent(event);
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  function parse(block) {
    const event = { type: 'message', data: '' };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.type = value;
      else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
    }
    if (event.data) {
      try { event.json = JSON.parse(event.data); } catch { /* not JSON */ }
    }
    return event;
  }

  run();
  return () => { stopped = true; controller?.abort(); };
}
