import type { TicketStatus } from '@cinesync/contracts';

/**
 * Where an agent may move a ticket from each status. `resolved → in_progress` reopens a ticket
 * whose fix did not hold; `closed` is final (the user opens a new ticket instead), so a closed
 * thread never changes under the notification the user already got.
 */
const AGENT_MOVES: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'closed'],
  in_progress: ['resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export type Mover = 'agent' | 'owner';

/** Whether `mover` may move a ticket from `from` to `to`; owners may only close their tickets. */
export function canMove(mover: Mover, from: TicketStatus, to: TicketStatus): boolean {
  if (mover === 'owner') return to === 'closed' && from !== 'closed';
  return AGENT_MOVES[from].includes(to);
}

/** The statuses `mover` may move a ticket to from `from`, for error messages and the UI. */
export function movesFrom(mover: Mover, from: TicketStatus): readonly TicketStatus[] {
  if (mover === 'owner') return from === 'closed' ? [] : ['closed'];
  return AGENT_MOVES[from];
}

/**
 * The status a new message leaves the ticket in: an agent answering an open ticket has started
 * on it; the owner writing on a resolved ticket says the problem is back. Messages on closed
 * tickets are refused before this is asked.
 */
export function statusAfterMessage(author: Mover, current: TicketStatus): TicketStatus {
  if (author === 'agent' && current === 'open') return 'in_progress';
  if (author === 'owner' && current === 'resolved') return 'in_progress';
  return current;
}
