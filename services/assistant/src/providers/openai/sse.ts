/**
 * The `data` of each server-sent event in a byte stream
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end in LF, CRLF or CR; `data:` lines of one event are joined with LF; a blank line ends
 * the event; comments (`:`) and other fields are skipped. Unlike a browser, an event left
 * unterminated when the stream ends is still handed over: some servers end `data: [DONE]` so.
 */
export async function* sseData(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let data: string[] = [];
  let first = true;

  function* lines(final: boolean): Generator<string> {
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      // A lone CR at the end may be the first half of a CRLF still on its way.
      if (end === -1 || (!final && end === buffer.length - 1 && buffer.endsWith('\r'))) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      yield line;
    }
  }

  function* feed(final: boolean): Generator<string> {
    for (const line of lines(final)) {
      if (line === '') {
        if (data.length > 0) yield data.join('\n');
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
  }

  for await (const chunk of body) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && buffer.length > 0) {
      if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      first = false;
    }
    yield* feed(false);
  }
  buffer += decoder.decode();
  if (buffer !== '' && !/[\r\n]$/.test(buffer)) buffer += '\n';
  yield* feed(true);
  if (data.length > 0) yield data.join('\n');
}
