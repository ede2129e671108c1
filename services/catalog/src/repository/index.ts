/** Every SQL statement of the catalog lives in this folder; the rest of the service calls these. */

export { lockCatalogForBulkLoad, vacuumAnalyzeCatalog } from './bulk.js';
export {
  countFilms,
  deleteFilm,
  type FilmSnapshot,
  filmSnapshot,
  findFilmIdByTmdbId,
  getFilm,
  insertFilms,
  lookupFilms,
  type NewFilm,
  setRating,
  updateFilm,
} from './films.js';
export { listGenres } from './genres.js';
export { getPerson, searchPersons } from './persons.js';
export { searchFilms } from './search.js';
