// Dragoman's web page: one small script, no build step. Talks to /api/v1 (see /api/v1/openapi.json).
"use strict";

const $ = (id) => document.getElementById(id);
let info = { languages: [], backends: [] };

function headers() {
  const h = { "Content-Type": "application/json", Accept: "application/json" };
  const key = $("key").value.trim();
  if (key) h.Authorization = "Bearer " + key;
  return h;
}

async function call(method, path, body) {
  const res = await fetch(path, { method, headers: headers(), body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  let data;
  try { data = JSON.parse(text); } catch { data = { error: text }; }
  if (!res.ok) {
    const retry = res.headers.get("Retry-After");
    throw new Error((data.error || res.statusText) + (retry ? " (retry in " + retry + " s)" : ""));
  }
  return data;
}

function status(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function rtl(tag) { return (info.languages.find((l) => l.code === tag) || {}).rtl
  || ["ar", "fa", "ur", "he", "ps", "sd", "ug", "yi", "dv", "ckb"].includes(String(tag || "").split("-")[0]); }

function el(tag, cls, text, lang) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  if (lang) { e.lang = lang; e.dir = rtl(lang) ? "rtl" : "ltr"; }
  return e;
}

/** The parts of an article in reading order: [kind, text]; each related story after a "read also" mark. */
function parts(a) {
  const out = [];
  if (a.headline) out.push(["headline", a.headline]);
  if (a.dateline && (a.dateline.place || a.dateline.agency)) {
    out.push(["meta", [a.dateline.place, a.dateline.agency].filter(Boolean).join(" – ")]);
  }
  for (const p of a.paragraphs || []) out.push(["paragraph", typeof p === "string" ? p : p.text]);
  if (a.source) out.push(["meta", a.source]);
  for (const r of a.related || []) out.push(["related", "Read also"], ...parts(r));
  return out;
}

function showBilingual(original, translation) {
  const box = $("bilingual");
  box.replaceChildren();
  const src = parts(original), dst = parts(translation);
  box.append(el("div", "cell colhead src", original.language || "source", original.language),
             el("div", "cell colhead dst", translation.language || "target", translation.language));
  const n = Math.max(src.length, dst.length);
  for (let i = 0; i < n; i++) {
    const [kind, text] = src[i] || ["paragraph", ""];
    const [kind2, text2] = dst[i] || ["paragraph", ""];
    if (kind === "related") {
      box.append(el("div", "cell colhead src related", text, "en"), el("div", "cell colhead dst related", text2, "en"));
      continue;
    }
    box.append(el("div", "cell src " + kind, text, original.language),
               el("div", "cell dst " + kind2, text2, translation.language));
  }
  box.hidden = false;
}

function showWarnings(list) {
  const ul = $("warnings");
  ul.replaceChildren(...(list || []).map((w) => el("li", null, w)));
  ul.hidden = !list || list.length === 0;
}

async function run(action) {
  const text = $("text").value;
  const url = $("url").value.trim();
  if (!text.trim() && !url) { status("Paste an article, choose a file or give its address first.", true); return; }
  const buttons = document.querySelectorAll(".controls button");
  buttons.forEach((b) => (b.disabled = true));
  status(action === "translate" ? "Translating…" : action === "brief" ? "Writing the brief…" : "Summarizing…");
  try {
    const body = text.trim()
      ? { text, name: $("file").files[0] ? $("file").files[0].name : "pasted" }
      : { url };
    Object.assign(body, { to: $("to").value, backend: $("backend").value });
    const r = await call("POST", "/api/v1/" + action, body);
    showWarnings(r.warnings);
    if (r.translation) showBilingual(r.article, r.translation);
    const gist = r.summary || r.brief;
    $("gist").hidden = !gist;
    if (r.summary) {
      $("summary").textContent = r.summary.text;
      $("summary").lang = r.summary.language || "";
      $("summary").dir = rtl(r.summary.language) ? "rtl" : "ltr";
    }
    $("brief-title").hidden = $("brief-text").hidden = !r.brief;
    if (r.brief) {
      $("brief-text").textContent = r.brief.text;
      $("brief-text").lang = r.brief.language || "";
      $("brief-text").dir = rtl(r.brief.language) ? "rtl" : "ltr";
    }
    status("Done" + (r.fromCache ? " (from the cache)" : "") + " — backend " + r.backend + ".");
  } catch (e) {
    status(e.message, true);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $("summarize").disabled = $("brief").disabled = !info.summaries;
  }
}

async function loadDigests() {
  const list = $("digest-list");
  list.replaceChildren();
  try {
    const r = await call("GET", "/api/v1/digests");
    if (r.digests.length === 0) list.append(el("li", null, "No digests yet."));
    for (const d of r.digests) {
      const m = /^digest-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(d.name);
      const b = el("button", null, m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]} UTC` : d.name);
      b.type = "button";
      b.addEventListener("click", () => showDigest(d.name));
      const li = el("li"); li.append(b); list.append(li);
    }
  } catch (e) {
    list.append(el("li", null, e.message));
  }
}

async function showDigest(name) {
  const box = $("digest");
  box.replaceChildren(el("p", null, "Loading…"));
  try {
    const d = await call("GET", "/api/v1/digests/" + encodeURIComponent(name) + ".json");
    const count = (n, one, many) => n + " " + (n === 1 ? one : many);
    box.replaceChildren(el("p", "meta", count(d.counts.stories, "story", "stories")
      + " from " + count(d.counts.articles, "article", "articles")));
    for (const s of d.stories) {
      const card = el("article", "story");
      card.append(el("h3", null, s.headline));
      if (s.summary) card.append(el("p", null, s.summary));
      const sources = el("ul", "sources");
      for (const src of s.sources) {
        sources.append(el("li", null, [src.headline, src.agency, src.date, src.originalLanguage].filter(Boolean).join(" · ")));
      }
      card.append(sources);
      box.append(card);
    }
  } catch (e) {
    box.replaceChildren(el("p", "error", e.message));
  }
}

function tab(name) {
  document.querySelectorAll(".tab").forEach((t) => t.setAttribute("aria-selected", String(t.dataset.tab === name)));
  $("article").hidden = name !== "article";
  $("digests").hidden = name !== "digests";
  if (name === "digests") loadDigests();
}

async function init() {
  document.querySelectorAll(".tab").forEach((t) => t.addEventListener("click", () => tab(t.dataset.tab)));
  $("form").addEventListener("submit", (e) => { e.preventDefault(); run("translate"); });
  $("summarize").addEventListener("click", () => run("summarize"));
  $("brief").addEventListener("click", () => run("brief"));
  $("file").addEventListener("change", async () => {
    const f = $("file").files[0];
    if (f) $("text").value = await f.text();
  });
  try {
    info = await call("GET", "/api/v1/info");
  } catch (e) {
    status(e.message, true);
    return;
  }
  $("key-box").hidden = !info.keyRequired;
  for (const l of info.languages) {
    const o = el("option", null, l.name + " (" + l.code + ")"); o.value = l.code;
    if (l.code === "en") o.selected = true;
    $("to").append(o);
  }
  for (const b of info.backends) {
    const o = el("option", null, b); o.value = b; $("backend").append(o);
  }
  $("summarize").disabled = $("brief").disabled = !info.summaries;
  document.querySelector('[data-tab="digests"]').hidden = !info.digests;
  document.body.dataset.ready = "true";
}

init();
