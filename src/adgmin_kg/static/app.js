// adgmin-kg pages: run a stored query or a SPARQL query in the page and show a results table.
// No library, nothing fetched but from this server.
"use strict";

const ID = "https://w3id.org/adgmin-kg/id/";
const DATES = ["http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#dateTime"];
// the model's prefixes (adgmin_kg.prefixes), longest namespace first
const PREFIXES = Object.entries(JSON.parse(document.getElementById("prefixes")?.textContent || "{}"))
  .sort((a, b) => b[1].length - a[1].length);

// "meeting:adgmin-3" for an IRI a prefix gives a valid prefixed name, else the IRI
function shorten(iri) {
  for (const [prefix, namespace] of PREFIXES) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/.test(local)) {
      return prefix + ":" + local;
    }
  }
  return iri;
}

function hrefOf(iri) {
  if (iri.startsWith(ID)) return "/id/" + iri.slice(ID.length).split("/").map(encodeURIComponent).join("/");
  if (iri.startsWith("https://w3id.org/adgmin-kg/")) return "/resource?iri=" + encodeURIComponent(iri);
  if (iri.startsWith("http://") || iri.startsWith("https://")) return iri;
  return null;
}

function cell(binding, column) {
  const td = document.createElement("td");
  if (!binding) return td;
  if (column === "release" && binding.type === "literal" && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(binding.value)) {
    const a = document.createElement("a");  // a row's source: the release id, linked to its page
    a.href = "/id/release/" + binding.value;
    a.textContent = binding.value;
    td.className = "nowrap";
    td.appendChild(a);
  } else if (binding.type === "uri") {
    const target = hrefOf(binding.value);
    const node = document.createElement(target ? "a" : "span");
    if (target) node.href = target;
    node.textContent = shorten(binding.value);
    if (node.textContent.length <= 40) td.className = "nowrap";  // a short name stays on one line
    td.appendChild(node);
  } else {
    if (DATES.includes(binding.datatype)) td.className = "nowrap";
    const span = document.createElement("span");
    if (binding["xml:lang"]) span.lang = binding["xml:lang"];
    span.textContent = binding.value;
    td.appendChild(span);
  }
  return td;
}

function renderResult(target, data) {
  target.replaceChildren();
  if ("boolean" in data) {
    const p = document.createElement("p");
    p.className = "answer";
    p.textContent = data.boolean ? "yes" : "no";
    target.appendChild(p);
    return;
  }
  const vars = data.head.vars || [];
  const rows = data.results.bindings;
  const count = document.createElement("p");
  count.className = "count";
  count.textContent = rows.length + (rows.length === 1 ? " row" : " rows");
  const table = document.createElement("table");
  table.className = "results-table";
  const head = table.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of vars) tr.appendChild(cell(row[v], v));
  }
  target.append(count, table);
}

function showError(target, text) {
  target.replaceChildren();
  const p = document.createElement("p");
  p.className = "error";
  p.textContent = text;
  target.appendChild(p);
}

async function show(target, response) {
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    showError(target, response.status + ": " + (await response.text()));
  } else if (type.includes("json") && !type.includes("ld+json")) {
    renderResult(target, await response.json());
  } else {
    const pre = document.createElement("pre");
    pre.textContent = await response.text();
    target.replaceChildren(pre);
  }
}

for (const form of document.querySelectorAll("form.run")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const target = form.parentElement.querySelector(".results");
    const params = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) {
      if (input.value.trim()) params.set(input.name, input.value.trim());
    }
    target.textContent = "running…";
    try {
      const response = await fetch("/api/query/" + encodeURIComponent(form.dataset.name) + "?" + params,
        { headers: { Accept: "application/sparql-results+json" } });
      await show(target, response);
    } catch (error) {
      showError(target, String(error));
    }
  });
}

for (const form of document.querySelectorAll("form.sparql")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const target = form.parentElement.querySelector(".results");
    target.textContent = "running…";
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query",
                   Accept: "application/sparql-results+json, text/turtle;q=0.9" },
        body: form.querySelector("textarea").value,
      });
      await show(target, response);
    } catch (error) {
      showError(target, String(error));
    }
  });
}
