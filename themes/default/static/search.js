// The search page (/cari/): reads ?q=, ?unit=, ?pelaksana= and shows the SOPs
// found by the Pagefind index in <base>/pagefind/, without a round trip.
const root = document.getElementById("cari");
const input = document.getElementById("cari-q");
const unitSelect = document.getElementById("cari-unit");
const roleSelect = document.getElementById("cari-pelaksana");
const status = document.getElementById("cari-status");
const list = document.getElementById("cari-hasil");
const more = document.getElementById("cari-more");
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

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : ""));
}

// Pagefind's excerpt is HTML with <mark> around the words found. Keep only the
// text and the marks, so nothing else in an excerpt can become markup.
function excerptNode(html) {
  const p = document.createElement("p");
  p.className = "search-result__excerpt";
  const tpl = document.createElement("template");
  tpl.innerHTML = html || "";
  for (const node of tpl.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.appendChild(mark);
    } else {
      p.appendChild(document.createTextNode(node.textContent));
    }
  }
  return p;
}

function resultItem(data) {
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
  li.appendChild(excerptNode(data.excerpt));
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
// this costs no extra download.
function exactFirst(data, query) {
  const typed = words(query).filter((w) => w.length >= 2);
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
  if (shown === 0) data = exactFirst(data, input.value.trim());
  for (const d of data) list.appendChild(resultItem(d));
  shown += next.length;
  more.hidden = shown >= results.length;
}

async function run() {
  if (!pagefind) return;
  const q = input.value.trim();
  const filters = currentFilters();
  syncUrl(q, filters);
  if (!q && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  // Null when a newer keystroke superseded this search.
  const search = await pagefind.debouncedSearch(q || null, { filters }, 120);
  if (search === null) return;
  results = search.results;
  shown = 0;
  list.replaceChildren();
  status.textContent = results.length
    ? format(t.tCount, { n: results.length, q })
    : format(t.tNone, { q });
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
    await pagefind.options({ ranking: RANKING, excerptLength: 24, noWorker: true });
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
