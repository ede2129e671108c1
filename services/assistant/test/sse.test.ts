import { describe, expect, it } from 'vitest';
import { sseData } from '../src/providers/openai/sse.js';

async function dataOf(...chunks: string[]): Promise<string[]> {
  const encoder = new TextEncoder();
  async function* body() {
    for (const chunk of chunks) yield encoder.encode(chunk);
  }
  const out: string[] = [];
  for await (const data of sseData(body())) out.push(data);
  return out;
}

describe('reading server-sent events', () => {
  it('hands over the data of each event, whatever the chunking', async () => {
    const stream = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    expect(await dataOf(stream)).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    expect(await dataOf(...stream.split(''))).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
  });

  it('accepts CRLF and CR line ends, even split between chunks', async () => {
    expect(await dataOf('data: x\r', '\n\r', '\ndata: y\r\r')).toEqual(['x', 'y']);
  });

  it('joins multi-line data, skips comments and other fields, keeps a space-less value', async () => {
    expect(
      await dataOf(': keep-alive\n\nevent: message\nid: 7\ndata: one\ndata:two\nretry: 5\n\n'),
    ).toEqual(['one\ntwo']);
  });

  it('decodes characters split across chunks and drops a BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFFdata: Amélie\n\n');
    async function* body() {
      yield bytes.slice(0, 12);
      yield bytes.slice(12);
    }
    const out: string[] = [];
    for await (const data of sseData(body())) out.push(data);
    expect(out).toEqual(['Amélie']);
  });

  it('hands over a last event left unterminated', async () => {
    expect(await dataOf('data: a\n\ndata: [DONE]')).toEqual(['a', '[DONE]']);
  });
});
