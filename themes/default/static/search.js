// The search page (/cari/): reads ?q=, ?unit=, ?pelaksana= and shows the SOPs
// found by the Pagefind index in <base>/pagefind/, without a round trip.
const root = document.getElementById("cari");
const input = document.getElementById("cari-q");
const unitSelect = document.getElementById("cari-unit");
const roleSelect = document.getElementById("cari-pelaksana");
const status = document.getElementById("cari-status");
const list = document.getElementById("cari-hasil");
const more = document.getElementById("cari-more");
// A theme's own cari.html may not have these (nor the strings below).
const notes = document.getElementById("cari-saran");
const browse = document.getElementById("cari-telusuri");
const t = root.dataset;
const PAGE = 10;

// Ranking, measured on the example handbook (see README, "Search"): words
// typed exactly outrank words that only share a stem, and a long SOP is not
// pushed down just for being long (SOPs differ in length by their steps, not
// by how much they are about a subject).
const RANKING = {
  termSimilarity: 2.0,
  pageLength: 0.4,
  termSaturation: 1.2,
  termFrequency: 1.0,
};

let pagefind = null;
let results = [];
let shown = 0;
// What the results shown were found with (see `sought`).
let wanted = { typed: [], forms: [] };
// Counts the searches started, so a slower one never overwrites a newer one.
let generation = 0;

// Question and filler words (src/search/stopwords.rs and handbook.yaml's
// stopwords): no SOP is about them, and Pagefind finds only the SOPs that
// have every word, so they are left out of the query.
const STOPWORDS = new Set(JSON.parse(document.getElementById("cari-kata-tanya")?.textContent || "[]"));

// `query` without its question and filler words; all of it when it is
// nothing else ("apa itu").
function meaningful(query) {
  const kept = query.split(/\s+/).filter((token) => {
    const ws = words(token);
    return ws.length === 0 || !ws.every((w) => STOPWORDS.has(w));
  });
  return kept.length > 0 ? kept.join(" ") : query;
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : ""));
}

// Words in an excerpt: as many as Pagefind's own.
const EXCERPT_WORDS = 24;

// The groups of abbreviations the index knows (src/search/abbreviations.rs),
// each form as its words: [["kasubbag"], ["kepala", "sub", "bagian"], ...].
const GROUPS = JSON.parse(document.getElementById("cari-singkatan")?.textContent || "[]").map(
  (group) => group.map(words).filter((form) => form.length > 0),
);

// The excerpt of a result, cut as Pagefind cuts its own (the run of words
// holding the most weight of the words found, each found word marked), but
// only from the SOP's own words: the first `shown_words` of the text. After
// them the index holds the other forms of its terms ("UU 17/2003. UU 17 2003.
// UU No 17 Tahun 2003."), which find the SOP but read as noise. A page
// found only through those (the reader typed "UU 17/2003", the SOP says
// "Undang-Undang Nomor 17 Tahun 2003") has the words typed marked where its
// own text has them. Built as text and <mark> nodes, so nothing in an SOP
// can become markup. `wanted` is what the query looks for (see `sought`).
function excerptNode(data, wanted) {
  const all = (data.content || "").split(/[^\S\uFEFF]+/);
  const shown = Math.min(all.length, data.shown_words ?? all.length);
  const weight = new Array(shown).fill(0);
  const found = new Set();
  for (const l of data.weighted_locations || []) {
    if (l.location < shown) {
      weight[l.location] += l.balanced_score;
      found.add(l.location);
    }
  }
  // The other forms of an abbreviation typed ("Kepala Sub Bagian" for
  // "kasubag"), which found the SOP through its index-only terms: marked
  // where its own text has them, and weighed as much as a word found.
  const most = weight.reduce((a, b) => Math.max(a, b), 1);
  for (const i of formsIn(all, shown, wanted.forms)) {
    if (!found.has(i)) {
      weight[i] = most;
      found.add(i);
    }
  }
  if (found.size === 0) {
    for (let i = 0; i < shown; i++) {
      if (words(all[i]).some((w) => wanted.typed.includes(w))) {
        weight[i] = 1;
        found.add(i);
      }
    }
  }
  // Nothing typed is in the SOP's own words: its text from the start.
  const start = found.size ? densest(weight, EXCERPT_WORDS) : 0;
  const p = document.createElement("p");
  p.className = "search-result__excerpt";
  const end = Math.min(shown, start + EXCERPT_WORDS);
  for (let i = start; i < end; i++) {
    if (i > start) p.appendChild(document.createTextNode(" "));
    if (found.has(i)) {
      const mark = document.createElement("mark");
      mark.textContent = all[i];
      p.appendChild(mark);
    } else {
      p.appendChild(document.createTextNode(all[i]));
    }
  }
  return p;
}

// What a query looks for, worked out once for all its results: the words
// typed (of two letters or more) and every form, as words, of each
// abbreviation group the query names ("kasubag" names Kasubbag, Kasubag,
// Kepala Sub Bagian...).
function sought(query) {
  const all = words(query);
  const named = (form) => all.some((_, i) => form.every((w, j) => all[i + j] === w));
  return {
    typed: all.filter((w) => w.length >= 2),
    forms: GROUPS.filter((group) => group.some(named)).flat(),
  };
}

// The places among the first `shown` of `all` words where the text has one
// of `forms`.
function formsIn(all, shown, forms) {
  const places = new Set();
  if (forms.length === 0) return places;
  // The text's words as the index splits them, each with its place.
  const tokens = [];
  for (let i = 0; i < shown; i++) {
    for (const w of words(all[i])) tokens.push([i, w]);
  }
  for (const form of forms) {
    for (let k = 0; k + form.length <= tokens.length; k++) {
      if (form.every((w, j) => tokens[k + j][1] === w)) {
        for (let j = 0; j < form.length; j++) places.add(tokens[k + j][0]);
      }
    }
  }
  return places;
}

// Where the run of `length` words of most weight starts; the middle one of
// several such runs side by side, as in Pagefind.
function densest(weight, length) {
  if (weight.length <= length) return 0;
  let sum = weight.slice(0, length).reduce((a, b) => a + b, 0);
  let best = sum;
  let ties = [0];
  for (let s = 1; s + length <= weight.length; s++) {
    sum += weight[s + length - 1] - weight[s - 1];
    if (sum > best) {
      best = sum;
      ties = [s];
    } else if (sum === best && ties[ties.length - 1] === s - 1) {
      ties.push(s);
    }
  }
  return ties[Math.floor(ties.length / 2)];
}

function resultItem(data, wanted) {
  const li = document.createElement("li");
  li.className = "sop-item search-result";
  li.dataset.url = data.url;
  const a = document.createElement("a");
  a.className = "sop-item__link";
  a.href = data.url;
  const meta = data.meta || {};
  if (meta.nomor) {
    const nomor = document.createElement("span");
    nomor.className = "sop-item__nomor";
    nomor.textContent = meta.nomor;
    a.appendChild(nomor);
    a.appendChild(document.createTextNode(" "));
  }
  const nama = document.createElement("span");
  nama.className = "sop-item__nama";
  nama.textContent = meta.title || data.url;
  a.appendChild(nama);
  li.appendChild(a);
  if (meta.unit) {
    const unit = document.createElement("span");
    unit.className = "sop-item__unit";
    unit.textContent = meta.unit;
    li.appendChild(unit);
  }
  li.appendChild(excerptNode(data, wanted));
  return li;
}

// The menus come with the page; the URL chooses among them.
function choose(select, chosen) {
  if (!chosen) return;
  for (const option of select.options) {
    option.selected = option.value === chosen;
  }
}

function currentFilters() {
  const filters = {};
  if (unitSelect.value) filters.unit = unitSelect.value;
  if (roleSelect.value) filters.pelaksana = roleSelect.value;
  return filters;
}

// The URL always says what is shown, so a search can be shared or bookmarked.
function syncUrl(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (filters.unit) params.set("unit", filters.unit);
  if (filters.pelaksana) params.set("pelaksana", filters.pelaksana);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// The words of a text as the index sees them, lower-cased.
function words(text) {
  return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Pagefind matches on stems, and Indonesian stems collide: "pengadaan",
// "keadaan" and "ada" all become "ada". Within a page of results, put first
// the SOPs whose text has the words as typed (or words they begin), keeping
// Pagefind's order otherwise. Only the page already fetched is reordered, so
// this costs no extra download. `typed` as in `sought`.
function exactFirst(data, typed) {
  if (typed.length === 0) return data;
  const score = (d) => {
    const own = new Set(words(`${(d.meta || {}).title || ""} ${d.content || ""}`));
    let n = 0;
    for (const w of typed) {
      if (own.has(w)) n += 2;
      // A two-letter word (TU, UP) begins too many others to count as found.
      else if (w.length >= 3) {
        for (const o of own) if (o.startsWith(w)) { n += 1; break; }
      }
    }
    return n;
  };
  return data
    .map((d, i) => ({ d, i, s: score(d) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.d);
}

async function showMore() {
  const next = results.slice(shown, shown + PAGE);
  let data = await Promise.all(next.map((r) => r.data()));
  if (shown === 0) data = exactFirst(data, wanted.typed);
  for (const d of data) list.appendChild(resultItem(d, wanted));
  shown += next.length;
  more.hidden = shown >= results.length;
}

// Whether a word of `query` is on no SOP. Pagefind then leaves it out and
// finds the SOPs with the other words, as if the reader had not typed it:
// a typo ("surat kelaur") has to be corrected all the same. Each word's
// index chunk came with the query, so this downloads nothing.
async function someWordMissing(query, filters) {
  const tokens = query.split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return false;
  for (const token of tokens) {
    if ((await pagefind.search(token, { filters })).results.length === 0) return true;
  }
  return false;
}

// The query with each typo replaced by its correction, as typed otherwise.
function correct(query, corrections) {
  return query
    .split(/(\s+)/)
    .map((token) => {
      const hit = corrections.find(([typed]) => typed === token);
      return hit ? hit[1] : token;
    })
    .join("");
}

// "Maksud Anda: …" with a link to the corrected query, and the words the
// results are for when they are not all the query's.
function showNotes(corrected, fewer, filters) {
  if (!notes) return;
  notes.replaceChildren();
  if (corrected && t.tDidYouMean) {
    const p = document.createElement("p");
    p.className = "search-note search-note--correction";
    const params = new URLSearchParams({ q: corrected, ...filters });
    const a = document.createElement("a");
    a.href = `?${params}`;
    a.textContent = corrected;
    p.append(`${t.tDidYouMean} `, a);
    notes.appendChild(p);
  }
  if (fewer && t.tFewerWords) {
    const p = document.createElement("p");
    p.className = "search-note search-note--fewer";
    const strong = document.createElement("strong");
    strong.textContent = fewer;
    p.append(`${t.tFewerWords} `, strong);
    notes.appendChild(p);
  }
  notes.hidden = notes.childElementCount === 0;
}

async function run() {
  if (!pagefind) return;
  const gen = ++generation;
  const q = input.value.trim();
  const filters = currentFilters();
  syncUrl(q, filters);
  showNotes(null, null, filters);
  if (browse) browse.hidden = true;
  if (!q && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  const asked = q ? meaningful(q) : null;
  // Null when a newer keystroke superseded this search.
  const search = await pagefind.debouncedSearch(asked, { filters }, 120);
  if (search === null || gen !== generation) return;
  let found = search.results;
  let count = found.length;
  let shownFor = q;
  let corrected = null;
  let fewer = null;
  wanted = sought(asked || "");
  if (asked && (found.length === 0 || (await someWordMissing(asked, filters)))) {
    if (gen !== generation) return;
    // Nothing has every word: correct the typos, then drop words.
    const forgiving = await import(new URL("search-forgiving.js", import.meta.url));
    const pages = Number(t.sopCount) || 1;
    const f = await forgiving.forgive(pagefind, asked, filters, pages, t.bundle);
    if (gen !== generation) return;
    found = f.results;
    if (f.corrections.length > 0) {
      corrected = correct(q, f.corrections);
      shownFor = correct(asked, f.corrections);
    }
    if (f.words) {
      fewer = f.words;
      shownFor = f.words;
    }
    count = f.count;
    wanted = sought(shownFor);
  }
  results = found;
  shown = 0;
  list.replaceChildren();
  showNotes(corrected, fewer, filters);
  // A theme's own cari.html may not have the singular.
  const countText = count === 1 && t.tCountOne ? t.tCountOne : t.tCount;
  status.textContent = count
    ? format(countText, { n: count, q: shownFor })
    : format(t.tNone, { q });
  // Never a blank page: with nothing found, the units and roles to browse.
  if (browse) browse.hidden = results.length > 0;
  await showMore();
  root.dataset.state = "done";
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  status.textContent = t.tLoading;
  try {
    pagefind = await import(`${t.bundle}pagefind.js`);
    // Options given before init reach the index as it starts. No worker: the
    // index of a handbook is small, and on the main thread the page is done
    // when its scripts are, which headless browsers (and tests) can wait for.
    await pagefind.options({ ranking: RANKING, excerptLength: EXCERPT_WORDS, noWorker: true });
    await pagefind.init();
    choose(unitSelect, params.get("unit"));
    choose(roleSelect, params.get("pelaksana"));
  } catch (e) {
    status.textContent = t.tError;
    root.dataset.state = "error";
    console.error(e);
    return;
  }
  status.textContent = "";
  input.addEventListener("input", run);
  unitSelect.addEventListener("change", run);
  roleSelect.addEventListener("change", run);
  more.addEventListener("click", showMore);
  // Searching as one types makes the submit button redundant, but Enter
  // should not reload the page.
  input.form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  await run();
  if (!root.dataset.state) root.dataset.state = "done";
}

start();
