// What the search page (search.js) does when a query finds nothing: it
// corrects the words no SOP has to the nearest words the SOPs have, and
// when no SOP has all the words even then, shows the SOPs with the most of
// them. Loaded only then, so a query that finds its SOPs costs nothing more.
//
// Pagefind finds only the pages with every word of a query (or a word it
// begins). Here each word is searched alone (the index chunks are those the
// whole query loaded), and a word found nowhere is corrected from the
// vocabulary the build writes in shards by length and first letter
// (src/search/vocabulary.rs): one edit for words of 4-7 letters, two for 8
// or more, a transposition counting as one (as Typesense does).

// How many corrections of one word are tried, nearest and most frequent first.
const CANDIDATES = 3;
// A corrected word counts a little less than one typed as the SOP has it.
const CORRECTED = 0.8;

// The words of a text as the index sees them, lower-cased.
function words(text) {
  return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// How many edits a word of `length` letters may have been typed with.
export function editsAllowed(length) {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

// The optimal string alignment distance between `a` and `b` (arrays of
// letters): insertions, deletions, substitutions and the transposition of
// two letters side by side each count one. More than `max` is max + 1.
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2] + 1);
      }
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length], max + 1);
}

// The vocabulary's shards, fetched once each: the list of them, then each
// shard as [[word, documents]], most frequent first.
function vocabulary(bundle) {
  const shards = new Map();
  let list = null;
  const text = async (url) => {
    const response = await fetch(url);
    if (!response.ok) return "";
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Gzipped as written, unless the server sent it with Content-Encoding
    // and the browser unpacked it already.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text();
    }
    return new TextDecoder().decode(bytes);
  };
  const shard = (length, first) => {
    const key = `${length}-${first}`;
    if (!shards.has(key)) {
      shards.set(
        key,
        text(`${bundle}kata/${key}.kata`).then((body) =>
          body.split("\n").flatMap((line) => {
            const [count, ...ws] = line.split(" ");
            return ws.map((w) => [w, Number(count)]);
          }),
        ),
      );
    }
    return shards.get(key);
  };
  return {
    async list() {
      if (!list) list = text(`${bundle}kata/index.json`).then((t) => (t ? JSON.parse(t) : {}));
      return list;
    },
    shard,
  };
}

// The shard letter of a word's first letter, as the build names it.
function shardLetter(letter) {
  return /^[a-z]$/.test(letter) ? letter : "_";
}

// The words of the vocabulary nearest to `word` (one the SOPs do not have),
// at most CANDIDATES, nearest then most frequent first: [{word, edits}].
// First from the shards of its first or second letter (a swap of the first
// two letters, a doubled first letter), then, when those have none, from
// every shard of the lengths it may have had.
async function nearestWords(word, vocab) {
  const letters = [...word];
  const max = editsAllowed(letters.length);
  if (max === 0 || !/^\p{L}+$/u.test(word)) return [];
  const list = await vocab.list();
  const lengths = [];
  for (let l = letters.length - max; l <= letters.length + max; l++) lengths.push(l);
  const search = async (firsts) => {
    const found = [];
    const keys = lengths.flatMap((l) =>
      [...(list[l] || "")].filter((f) => firsts === null || firsts.includes(f)).map((f) => [l, f]),
    );
    const shards = await Promise.all(keys.map(([l, f]) => vocab.shard(l, f)));
    for (const entries of shards) {
      for (const [w, count] of entries) {
        const edits = distance(letters, [...w], max);
        if (edits <= max && w !== word) found.push({ word: w, edits, count });
      }
    }
    return found;
  };
  let found = await search([...new Set(letters.slice(0, 2).map(shardLetter))]);
  if (found.length === 0) found = await search(null);
  found.sort((a, b) => a.edits - b.edits || b.count - a.count || (a.word < b.word ? -1 : 1));
  return found.slice(0, CANDIDATES);
}

// Forgives `query` (without its question words), which found nothing with
// `filters`. Returns what to show:
//   results:   Pagefind results, best first (empty when nothing was found);
//   count:     how many of them have every word of `words`;
//   words:     the words the first results have, when not all of the query's;
//   corrections: [typed, correction] for each word corrected to find them.
// `pages` is the number of SOPs (for how rare a word is).
export async function forgive(pagefind, query, filters, pages, bundle) {
  const vocab = vocabulary(bundle);
  const tokens = query.split(/\s+/).filter(Boolean);
  const alone = async (term) => (await pagefind.search(term, { filters })).results;
  // Each word of the query: what the reader typed, then its corrections,
  // each with the SOPs it finds.
  const slots = [];
  for (const typed of tokens) {
    const found = await alone(typed);
    if (found.length > 0) {
      slots.push({ typed, alternatives: [{ word: typed, edits: 0, results: found }] });
      continue;
    }
    const alternatives = [];
    for (const c of await nearestWords(words(typed).join(""), vocab)) {
      const results = await alone(c.word);
      if (results.length > 0) alternatives.push({ ...c, results });
    }
    slots.push({ typed, alternatives });
  }

  // Each SOP found by any word, scored by the words it has: each word one,
  // a corrected word a little less, a rare word up to half more, so an SOP
  // with more of the words comes first and, among those with as many, the
  // one with the rarer words.
  const rarest = Math.log(1 + Math.max(pages, 1));
  const byPage = new Map();
  slots.forEach((slot, s) => {
    // A correction is tried only where the word as typed (or a nearer
    // correction) is not on the page.
    for (const alt of slot.alternatives) {
      const idf = Math.log(1 + Math.max(pages, alt.results.length) / alt.results.length);
      const weight = (alt.edits === 0 ? 1 : CORRECTED) * (1 + (0.5 * idf) / rarest);
      for (const r of alt.results) {
        let page = byPage.get(r.id);
        if (!page) byPage.set(r.id, (page = { result: r, score: 0, relevance: 0, slots: new Map() }));
        if (page.slots.has(s)) continue;
        page.slots.set(s, alt);
        page.score += weight;
        page.relevance += r.score;
      }
    }
  });
  const ranked = [...byPage.values()].sort(
    (a, b) => b.score - a.score || b.relevance - a.relevance,
  );
  if (ranked.length === 0) return { results: [], count: 0, words: null, corrections: [] };

  // The words of the best SOP: searched together, Pagefind ranks the SOPs
  // that have them all; the other SOPs found follow by score.
  const best = ranked[0].slots;
  const chosen = slots
    .map((slot, s) => (best.has(s) ? best.get(s).word : null))
    .filter((w) => w !== null);
  const together = (await pagefind.search(chosen.join(" "), { filters })).results;
  const first = new Set(together.map((r) => r.id));
  const results = together.concat(ranked.filter((p) => !first.has(p.result.id)).map((p) => p.result));

  // "Maksud Anda": each word corrected where the correction is what found
  // the best SOP, as [typed, correction].
  const corrections = [];
  slots.forEach((slot, s) => {
    const alt = best.get(s);
    if (alt && alt.edits > 0) corrections.push([slot.typed, alt.word]);
  });
  return {
    results,
    count: together.length,
    words: chosen.length < slots.length ? chosen.join(" ") : null,
    corrections,
  };
}
