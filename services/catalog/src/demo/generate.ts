import type { NewFilm } from '../repository/index.js';
import { hash32, intBetween, pick, pickDistinct, seededRandom, seededUuid } from './random.js';

// Word lists for synthetic films: enough variety that search over 100k of them behaves like a
// real catalog (many shared words, few exact titles), none of it real.
const words = (text: string) =>
  text
    .trim()
    .split(/\s*,\s*/)
    .map((word) => word.replace(/\s+/g, ' '));
const ADJECTIVES = words(`
  Silent, Last, Broken, Golden, Hidden, Burning, Frozen, Distant, Crimson, Endless, Wild, Quiet,
  Lost, Secret, Electric, Midnight, Northern, Hollow, Bright, Savage, Velvet, Iron, Glass,
  Paper, Falling, Rising, Lonely, Sacred, Restless, Forgotten, Little, Great, Dark, Silver,
  Wandering, Final, Strange, Amber, Ancient, Bitter, Blind, Blue, Bold, Brave, Calm, Cold,
  Copper, Cruel, Dead, Deep, Dusty, Eastern, Empty, Eternal, False, Fierce, First, Fragile,
  Free, Gentle, Ghostly, Grand, Gray, Green, Grim, Happy, Heavy, Honest, Hungry, Idle, Innocent,
  Invisible, Jealous, Kind, Late, Lazy, Loud, Lucky, Mad, Marble, Merry, Mighty, Modern, Naked,
  Narrow, Noble, Old, Pale, Patient, Perfect, Polite, Proud, Purple, Quick, Rare, Red, Rich,
  Rough, Royal, Rusty, Sad, Scarlet, Second, Sharp, Shy, Sleeping, Slow, Small, Soft, Southern,
  Stolen, Stone, Sudden, Sweet, Swift, Tender, Thin, Tired, True, Twisted, Violet, Warm,
  Western, White, Wicked, Wise, Wooden, Young, Yellow
`);
const NOUNS = words(`
  River, Empire, Garden, Winter, Harbor, Machine, Station, Kingdom, Mirror, Storm, Shadow,
  Horizon, Island, Letter, Promise, Frontier, Circus, Signal, Voyage, Orchard, Lighthouse,
  Desert, Forest, Tower, Bridge, Engine, Summer, Orchestra, Witness, Stranger, Dancer, Soldier,
  Detective, Heart, City, Road, Anchor, Angel, Apple, Arrow, Autumn, Avenue, Balcony, Ballad,
  Banner, Basket, Beacon, Bell, Blossom, Boat, Border, Bottle, Canyon, Captain, Carnival,
  Castle, Cathedral, Cellar, Chapel, Choir, Cloud, Coast, Comet, Compass, Crown, Crystal, Dawn,
  Diary, Dream, Drum, Eagle, Echo, Ember, Falcon, Feather, Festival, Field, Flame, Flood,
  Fountain, Fox, Galaxy, Gate, Ghost, Giant, Glacier, Harvest, Hawk, Highway, Hill, Hunter,
  Jewel, Journey, Judge, Key, Knight, Lake, Lantern, Legend, Library, Lion, Locket, Map, Market,
  Meadow, Melody, Mill, Monk, Moon, Mountain, Museum, Needle, Night, Ocean, Painter, Palace,
  Parade, Pearl, Pilgrim, Pirate, Planet, Poet, Prince, Prophet, Queen, Rain, Raven, Rebel,
  Riddle, Ring, Saint, Sailor, Scholar, Sea, Season, Shore, Sky, Song, Spark, Spring, Star,
  Stone, Street, Sun, Sword, Temple, Thief, Thunder, Tide, Trail, Traveler, Valley, Violin,
  Wall, Wave, Well, Whale, Widow, Wind, Wolf
`);
const PLACES = words(`
  Avalon, Marrow Creek, Port Elsin, Valdora, the North, Kestrel Bay, Old Harrow, Saint Ives,
  Brightwater, the Valley, Ostrava, Lumen, Cape Mercy, Ironvale, Ashford, Bellhaven, Coldwater,
  Dunmere, Eastwick, Fairhollow, Glenmoor, Hollowmere, Innisfree, Juniper Falls, Kingsbridge,
  Lowmarsh, Millbrook, Northcliff, Oakridge, Pinecrest, Queensport, Ravenmoor, Silverlake,
  Thornbury, Umberton, Vesper Isle, Westmarch, Yarrow, Zephyr Point, the South, the Coast, the
  Old Quarter, the Islands, the Border
`);
const withArticle = (text: string) => `${/^[AEIOU]/.test(text) ? 'An' : 'A'} ${text}`;
const PATTERNS: ((r: () => number) => string)[] = [
  (r) => `The ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`,
  (r) => `${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}`,
  (r) => `${pick(r, NOUNS)} of ${pick(r, PLACES)}`,
  (r) => `The ${pick(r, NOUNS)} and the ${pick(r, NOUNS)}`,
  (r) => `Return to ${pick(r, PLACES)}`,
  (r) => `${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} ${pick(r, ['II', 'III', 'Returns', 'Reborn'])}`,
  (r) => withArticle(`${pick(r, NOUNS)} in ${pick(r, PLACES)}`),
];
const FIRST_NAMES = words(`
  Ada, Bruno, Clara, Dmitri, Elena, Farah, Gustav, Hana, Igor, Julia, Kenji, Lena, Marco, Nadia,
  Oskar, Priya, Quentin, Rosa, Stefan, Tamsin, Umar, Vera, Walter, Ximena, Yusuf, Zoe, Anton,
  Beatriz, Cyril, Dalia, Emil, Freya, Goran, Helena, Ivo, Jonas, Kaya, Lucian, Mira, Nikolai,
  Odile, Pavel, Rhea, Soren, Talia, Ulla, Viktor, Wanda, Yara, Zoltan, Aaron, Agnes, Aiko, Alma,
  Amir, Ana, Andrei, Arjun, Astrid, Aurora, Benedict, Bianca, Boris, Carmen, Cecil, Chiara,
  Colette, Dario, Delia, Diego, Edith, Elias, Elif, Enzo, Esther, Felix, Fiona, Flora, Gemma,
  Gideon, Greta, Hugo, Ilse, Imani, Ines, Irene, Isaac, Jasper, Jin, Joaquin, Karim, Katya,
  Laila, Leon, Liesel, Linus, Lorenzo, Lucia, Magnus, Malik, Mateo, Maya, Milo, Nora, Olga,
  Omar, Otto, Paloma, Petra, Rafael, Ravi, Renata, Rufus, Sana, Selma, Silas, Sofia, Tariq,
  Theo, Tilda, Tomas, Una, Valentin, Wren, Xavier, Yuki, Zara
`);
const LAST_NAMES = words(`
  Abbott, Brandt, Castellan, Drummond, Eklund, Fontaine, Grieve, Halloran, Ivanova, Jaramillo,
  Kowalski, Lindqvist, Moreau, Nakamura, Okafor, Petrov, Quist, Rinaldi, Sato, Thorne, Ueda,
  Varga, Whitlock, Xu, Yilmaz, Zeller, Arden, Bellamy, Corvin, Delacroix, Esposito, Falk, Gallo,
  Hartmann, Ishikawa, Janssen, Keller, Lazarus, Marchetti, Novak, Orlov, Pryce, Rossi, Stroud,
  Tanaka, Ulrich, Vance, Weller, Young, Zimmer, Ashby, Blackwood, Calder, Dunmore, Ellery,
  Fairweather, Gurney, Hale, Ingram, Juniper, Adair, Aldana, Ambrose, Andersen, Aoki, Arslan,
  Auclair, Bakker, Baptiste, Barros, Beaumont, Bergstrom, Bianchi, Bishop, Bjork, Bonnet,
  Borges, Bosch, Brennan, Brody, Caruso, Castillo, Chandra, Chen, Cho, Conti, Costa, Crane,
  Cruz, Dahl, Dalton, Darrow, Dekker, Demir, Devlin, Dias, Dorsey, Doyle, Dubois, Duarte,
  Eastman, Eriksen, Farrow, Fenwick, Ferreira, Fischer, Fitzroy, Flores, Foster, Frost, Fujita,
  Garnier, Gentry, Ghosh, Giordano, Goldberg, Greco, Grimaldi, Gunn, Haas, Hargrove, Hashimoto,
  Hayes, Heller, Holm, Horvath, Hughes, Ibsen, Iqbal, Jansen, Jensen, Kagame, Kapoor, Kaur,
  Kimura, Kline, Koenig, Kovacs, Kramer, Kruger, Lang, Larsen, Laurent, Lennox, Levy, Lombardi,
  Lund, Lynch, Madsen, Mancini, Marlowe, Matsuda, Mendes, Mercer, Meyer, Monroe, Morales,
  Murphy, Nakagawa, Navarro, Nielsen, Nolan, Nyberg, Oakes, Ortega, Osei, Pacheco, Park, Patel,
  Pereira, Pike, Quinn, Ramos, Reyes, Richter, Rocha, Romano, Rowe, Ruiz, Saito, Salazar,
  Santos, Sauer, Schmidt, Serrano, Shah, Silva, Singh, Sokolov, Sorensen, Stein, Strand, Suzuki,
  Takahashi, Thiel, Toledo, Torres, Vargas, Vega, Vidal, Voss, Wagner, Walsh, Weber, Wolfe,
  Yamamoto, Zamora, Zhou
`);
const ROLES = words(`
  the stranger, the captain, the widow, the mayor, the thief, the doctor, the singer, the
  inspector, the teacher, the pilot
`);
const GENRES = words(`
  Action, Adventure, Animation, Comedy, Crime, Documentary, Drama, Family, Fantasy, History,
  Horror, Music, Mystery, Romance, Science Fiction, Thriller, War, Western
`);
const COUNTRIES = words(`
  US, GB, FR, DE, IT, JP, KR, IN, ES, SE, BR, MX, CA
`);
const AGE_RATINGS = ['G', 'PG', 'PG-13', 'R', null, null];
const VERBS = words(`
  find, escape, protect, outwit, forgive, expose, rebuild, cross
`);
const EVENTS = words(`
  the winter ends, the election, the last train leaves, the flood reaches the town, the truth
  comes out, the festival begins
`);

const CHARACTER_TITLES = ['', '', '', 'Young ', 'Old ', 'Captain ', 'Doctor ', 'Aunt ', 'Uncle '];
const INITIALS = [...'ABCDEFGHIJKLMNOPRSTVW'];

/** About half a million possible names: in 100k films most people have a few credits, as in life. */
function personName(r: () => number): string {
  const first = pick(r, FIRST_NAMES);
  const middle = r() < 0.5 ? ` ${pick(r, INITIALS)}.` : '';
  return `${first}${middle} ${pick(r, LAST_NAMES)}`;
}

/**
 * Synthetic film number `index` of the set made from `seed`. Each film has its own generator
 * seeded from (seed, index), so film i is the same whatever N is: seeding 1 000 then 100 000
 * films adds the missing 99 000 and leaves the first 1 000 as they were.
 */
export function syntheticFilm(seed: number, index: number): NewFilm {
  const r = seededRandom(hash32(`${seed}:${index}`));
  const id = seededUuid(r);
  const title = pick(r, PATTERNS)(r);
  const protagonist = pick(r, ROLES);
  const cast = Array.from({ length: intBetween(r, 3, 8) }, () => ({
    name: personName(r),
    // Characters mostly go by a first name, as on screen.
    character: r() < 0.8 ? `${pick(r, CHARACTER_TITLES)}${pick(r, FIRST_NAMES)}` : null,
  }));
  return {
    id,
    title,
    originalTitle: null,
    year: intBetween(r, 1925, 2024),
    runtime: intBetween(r, 72, 190),
    overview:
      `In ${pick(r, PLACES)}, ${protagonist} must ${pick(r, VERBS)} the ` +
      `${pick(r, NOUNS).toLowerCase()} before ${pick(r, EVENTS)}.`,
    genres: pickDistinct(r, GENRES, intBetween(r, 1, 3)),
    countries: pickDistinct(r, COUNTRIES, r() < 0.8 ? 1 : 2),
    ageRating: pick(r, AGE_RATINGS),
    posterUrl: null,
    imdbId: null,
    tmdbId: null,
    directors: [personName(r)],
    writers: dedupeByName([{ name: personName(r) }, { name: personName(r) }])
      .slice(0, intBetween(r, 1, 2))
      .map((writer) => writer.name),
    cast: dedupeByName(cast),
  };
}

function dedupeByName<T extends { name: string }>(people: T[]): T[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.name) && seen.add(person.name));
}

/** Films [from, to) of the set made from `seed`. */
export function syntheticFilms(seed: number, from: number, to: number): NewFilm[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => syntheticFilm(seed, from + i));
}
