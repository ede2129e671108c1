import {
  type FilmCreatedV1,
  type FilmDeletedV1,
  type FilmUpdatedV1,
  filmCreated,
  filmDeleted,
  filmUpdated,
} from '@cinesync/contracts';
import type { Tx } from '@cinesync/kit/db';
import { enqueue } from '@cinesync/kit/outbox';
import { type FilmSnapshot, filmSnapshot } from './repository/index.js';

function snapshotPayload(filmId: string, film: FilmSnapshot) {
  return {
    version: 1 as const,
    filmId,
    title: film.title,
    originalTitle: film.originalTitle,
    year: film.year,
    genres: film.genres,
    occurredAt: new Date().toISOString(),
  };
}

/** Enqueues `catalog.film.created|updated` with the film's state as this transaction sees it. */
export async function emitFilmChanged(
  tx: Tx,
  filmId: string,
  change: 'created' | 'updated',
): Promise<void> {
  const film = await filmSnapshot(tx, filmId);
  if (!film) throw new Error(`film ${filmId} vanished inside its own transaction`);
  const payload: FilmCreatedV1 | FilmUpdatedV1 = snapshotPayload(filmId, film);
  const contract = change === 'created' ? filmCreated : filmUpdated;
  await enqueue(tx, { subject: contract.subject, key: filmId, payload });
}

export async function emitFilmDeleted(tx: Tx, filmId: string): Promise<void> {
  const payload: FilmDeletedV1 = {
    version: 1,
    filmId,
    occurredAt: new Date().toISOString(),
  };
  await enqueue(tx, { subject: filmDeleted.subject, key: filmId, payload });
}
