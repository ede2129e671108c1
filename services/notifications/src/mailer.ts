import type { Logger } from '@cinesync/kit/log';
import { createTransport } from 'nodemailer';

export interface Mail {
  /** The delivery id; becomes the Message-ID, so a repeated send can be recognised downstream. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** `sent` for SMTP, `logged` when mail only goes to the log. */
  readonly outcome: 'sent' | 'logged';
  /** Resolves with the server's message id once the mail was accepted; throws otherwise. */
  send(mail: Mail): Promise<{ messageId: string | null }>;
  close(): Promise<void>;
}

/** The Message-ID of a delivery: the same on every attempt. */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@notifications.cinesync>`;

export interface SmtpMailerOptions {
  url: string;
  from: string;
  /** Budget of one connection attempt and of each wait for the server (defaults 10 s and 30 s). */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** Sends over SMTP; the longest a send can take stays well below the sender's lease. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const connectTimeout = options.connectionTimeoutMs ?? 10_000;
  const transport = createTransport({
    url: options.url,
    connectionTimeout: connectTimeout,
    greetingTimeout: connectTimeout,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });
  return {
    outcome: 'sent',
    async send(mail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdOf(mail.id),
      });
      return { messageId: info.messageId ?? null };
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * Embedded mode without SMTP_URL: the mail is only logged, and only its subject and the
 * recipient's domain, since addresses and bodies are personal data.
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    outcome: 'logged',
    async send(mail) {
      const domain = mail.to.split('@').pop() ?? '';
      logger.info(
        { deliveryId: mail.id, toDomain: domain, subject: mail.subject },
        'e-mail not sent (SMTP_URL is unset): logged instead',
      );
      return { messageId: null };
    },
    async close() {},
  };
}

/**
 * Will retrying never help? Only when the server refused this message or its recipients with a 5xx
 * (or nodemailer found no valid recipient). Connection, timeout and authentication errors are
 * transient here: fixing the server or SMTP_URL lets the queued mail go out.
 */
export function isPermanent(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (code !== 'EENVELOPE' && code !== 'EMESSAGE') return false;
  return responseCode === undefined || (typeof responseCode === 'number' && responseCode >= 500);
}
