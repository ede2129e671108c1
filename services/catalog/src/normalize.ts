import type { CastMember, FilmInput, FilmPatch } from './model.js';

/** `Science Fiction` → `science-fiction`, `Ação` → `acao`: the stable key a genre is matched by. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Trims and collapses inner whitespace, so `Al  Pacino ` and `Al Pacino` are one person. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function uniqueNames(names: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names ?? []) {
    const name = cleanName(raw);
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}

/** Genres by slug, keeping the first spelling; names that slugify to nothing are dropped. */
function uniqueGenres(names: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  return uniqueNames(names).filter((name) => {
    const slug = slugify(name);
    if (slug === '' || seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

function cleanCast(cast: readonly CastMember[] | undefined): CastMember[] {
  const seen = new Set<string>();
  const result: CastMember[] = [];
  for (const member of cast ?? []) {
    const name = cleanName(member.name);
    // One credit per person and role: a second part for the same actor joins the first.
    const key = name.toLowerCase();
    if (name === '') continue;
    const character = member.character?.trim() || null;
    if (seen.has(key)) {
      const first = result.find((m) => m.name.toLowerCase() === key);
      if (first && character)
        first.character = first.character ? `${first.character} / ${character}` : character;
      continue;
    }
    seen.add(key);
    result.push({ name, character });
  }
  return result;
}

const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null ? null : value.trim() || null;

/** Cleans what a caller sent; absent keys stay absent so a patch keeps its meaning. */
export function normalizePatch(patch: FilmPatch): FilmPatch {
  const out: FilmPatch = {};
  if (patch.title !== undefined) out.title = cleanName(patch.title);
  if (patch.originalTitle !== undefined) out.originalTitle = blankToNull(patch.originalTitle);
  if (patch.year !== undefined) out.year = patch.year;
  if (patch.runtime !== undefined) out.runtime = patch.runtime;
  if (patch.overview !== undefined) out.overview = patch.overview.trim();
  if (patch.genres !== undefined) out.genres = uniqueGenres(patch.genres);
  if (patch.countries !== undefined) {
    out.countries = uniqueNames(patch.countries.map((code) => code.toUpperCase()));
  }
  if (patch.ageRating !== undefined) out.ageRating = blankToNull(patch.ageRating);
  if (patch.posterUrl !== undefined) out.posterUrl = blankToNull(patch.posterUrl);
  if (patch.imdbId !== undefined) out.imdbId = blankToNull(patch.imdbId);
  if (patch.tmdbId !== undefined) out.tmdbId = patch.tmdbId;
  if (patch.directors !== undefined) out.directors = uniqueNames(patch.directors);
  if (patch.writers !== undefined) out.writers = uniqueNames(patch.writers);
  if (patch.cast !== undefined) out.cast = cleanCast(patch.cast);
  return out;
}

/** A complete film with every list present and every optional value null rather than absent. */
export type NormalizedFilm = Required<FilmInput>;

export function normalizeFilm(input: FilmInput): NormalizedFilm {
  const patch = normalizePatch(input);
  return {
    title: patch.title ?? '',
    originalTitle: patch.originalTitle ?? null,
    year: patch.year ?? null,
    runtime: patch.runtime ?? null,
    overview: patch.overview ?? '',
    genres: patch.genres ?? [],
    countries: patch.countries ?? [],
    ageRating: patch.ageRating ?? null,
    posterUrl: patch.posterUrl ?? null,
    imdbId: patch.imdbId ?? null,
    tmdbId: patch.tmdbId ?? null,
    directors: patch.directors ?? [],
    writers: patch.writers ?? [],
    cast: patch.cast ?? [],
  };
}
