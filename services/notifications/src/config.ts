import { authSchema } from '@cinesync/kit/auth';
import { duration, int, optional, str, url } from '@cinesync/kit/config';

/** The notification service's own variables, parsed with the platform's (PORT, DATABASE_URL, NATS_URL, ...). */
export const notificationsConfig = {
  /** Identity's key set: the feed, preferences and stream belong to a verified user. */
  ...authSchema,
  /** e.g. smtp://user:pass@mail.example.com:587; unset → e-mails are written to the log instead. */
  SMTP_URL: optional(url()),
  /** From header of every e-mail. */
  MAIL_FROM: str('CineSync <no-reply@cinesync.local>'),
  /** Where links in e-mails and notifications point: the gateway / web UI. */
  PUBLIC_URL: url('http://localhost:8080'),
  /** Sending attempts per e-mail before it is marked failed. */
  MAIL_MAX_ATTEMPTS: int({ min: 1, max: 100 }, 10),
  /** Wait before the first retry of a failed send; doubles each time, at most one hour. */
  MAIL_RETRY_DELAY: duration('10s'),
  /** How long an e-mail waits for the user's address (their registration event) before it is dropped. */
  MAIL_ADDRESS_WAIT: duration('1d'),
  /** Comment line sent on idle live streams, so proxies keep them open. */
  STREAM_HEARTBEAT: duration('15s'),
  /** How often live streams look for notifications written by other replicas. */
  STREAM_POLL_INTERVAL: duration('1s'),
  /** Durable consumer name; replicas sharing it share the events. */
  CONSUMER_NAME: str('notifications'),
} as const;
