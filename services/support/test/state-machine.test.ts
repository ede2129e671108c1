import { TICKET_STATUSES, type TicketStatus } from '@cinesync/contracts';
import { describe, expect, it } from 'vitest';
import { canMove, statusAfterMessage } from '../src/state-machine.js';

const moves = (mover: 'agent' | 'owner') =>
  TICKET_STATUSES.flatMap((from) =>
    TICKET_STATUSES.filter((to) => to !== from && canMove(mover, from, to)).map(
      (to) => `${from} → ${to}`,
    ),
  );

describe('ticket state machine', () => {
  it('lets agents move tickets exactly along the documented edges', () => {
    expect(moves('agent')).toEqual([
      'open → in_progress',
      'open → closed',
      'in_progress → resolved',
      'in_progress → closed',
      'resolved → in_progress',
      'resolved → closed',
    ]);
  });

  it('lets owners only close, and nothing leaves closed', () => {
    expect(moves('owner')).toEqual(['open → closed', 'in_progress → closed', 'resolved → closed']);
    for (const to of TICKET_STATUSES) {
      expect(canMove('agent', 'closed', to)).toBe(false);
      expect(canMove('owner', 'closed', to)).toBe(false);
    }
  });

  it('moves the status on the first agent reply and on an owner writing after resolution', () => {
    const after = (author: 'agent' | 'owner', status: TicketStatus) =>
      statusAfterMessage(author, status);
    expect(after('agent', 'open')).toBe('in_progress');
    expect(after('agent', 'in_progress')).toBe('in_progress');
    expect(after('agent', 'resolved')).toBe('resolved');
    expect(after('owner', 'open')).toBe('open');
    expect(after('owner', 'in_progress')).toBe('in_progress');
    expect(after('owner', 'resolved')).toBe('in_progress');
  });
});
