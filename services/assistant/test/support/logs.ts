import { createLogger, type Logger } from '@cinesync/kit/log';

/** A logger at the most verbose level whose lines the test can read back. */
export function capturedLogger(service: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    service,
    level: 'trace',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines };
}
