import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  /** Headers and body with quoted-printable soft line breaks removed, for `includes` checks. */
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Refuse the next `count` messages with this SMTP code (4xx: try later, 5xx: never). */
  refuseNext(count: number, responseCode: number): void;
  close(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-trivial subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_word, _charset, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_hex, code: string) =>
                  String.fromCharCode(Number.parseInt(code, 16)),
                ),
              'latin1',
            ).toString('utf8'),
    );
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
}

/** A real SMTP server on a free port, keeping every message it accepts. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const refusal = { count: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusal.count > 0) {
          refusal.count -= 1;
          const error = Object.assign(new Error('refused by the test'), {
            responseCode: refusal.code,
          });
          callback(error);
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        const head = text.slice(0, text.indexOf('\r\n\r\n'));
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: header(head, 'subject'),
          messageId: header(head, 'message-id'),
          raw: text.replace(/=\r\n/g, ''),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext(count, responseCode) {
      refusal.count = count;
      refusal.code = responseCode;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
