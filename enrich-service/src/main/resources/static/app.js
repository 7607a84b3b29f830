// The hot clusters page: plain JavaScript over the query API (/api), no build step.
"use strict";

const REFRESH_MS = 5000;
const MEMBERS_PER_CLUSTER = 50;
const expanded = new Map(); // cluster id -> its stories, while shown

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

// Only http(s) links from the data; anything else is shown as text.
function link(url, text) {
  return /^https?:\/\//i.test(url || "") ? el("a", { href: url, rel: "noopener", target: "_blank" }, text)
    : document.createTextNode(text);
}

function number(value, digits) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

// Heat decays with age: old clusters have heats far below 0.01, shown as 1.2e-240 rather than 0.00.
function heat(value) {
  const v = Number(value);
  return v === 0 || v >= 0.01 ? v.toFixed(2) : v.toExponential(1);
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (response.ok) {
    return { status: response.status, body: await response.json(), location: response.headers.get("Content-Location") };
  }
  let detail = response.statusText;
  try {
    detail = (await response.json()).detail || detail;
  } catch (ignored) {
    // not a problem detail
  }
  return { status: response.status, detail };
}

function storyItem(story) {
  const when = story.publishedAt ? new Date(story.publishedAt).toLocaleString() : "undated";
  const provider = story.provider ? (story.provider.name || story.provider.key) : "";
  return el("li", { "data-story-id": story.id },
    link(story.url, story.title || story.url), " ",
    el("small", {}, [provider, when, story.kind === "REFERENCE" ? "reference" : null].filter(Boolean).join(" · ")));
}

function clusterCard(cluster) {
  const headline = cluster.headline;
  const title = headline ? link(headline.url, headline.title || headline.url)
    : document.createTextNode("(no article yet) " + cluster.id);
  const providers = (cluster.providers && cluster.providers.top || []).map(p => p.name || p.key);
  const more = cluster.providers && cluster.providers.distinct > providers.length
    ? ` +${cluster.providers.distinct - providers.length}` : "";
  const topics = Object.keys(cluster.topics || {}).slice(0, 6);
  const card = el("li", { class: "cluster", "data-cluster-id": cluster.id },
    el("div", { class: "headline" }, title),
    el("div", { class: "figures" },
      el("span", { class: "size", title: "stories in the cluster" }, String(cluster.size)),
      el("small", {}, cluster.size === 1 ? "story" : "stories")),
    el("div", { class: "meta" },
      el("span", { class: "providers" }, providers.length ? providers.join(", ") + more : "no provider"),
      el("span", { class: "tags" }, ...topics.map(t => el("span", { class: "tag" }, t))),
      el("span", { class: "heat", title: "heat at asOf · heatScore (log2, half-lives)" },
        "heat " + heat(cluster.heat) + " · score " + number(cluster.heatScore, 3))),
  );
  const toggle = el("button", { class: "members-toggle", type: "button", "aria-expanded": expanded.has(cluster.id) },
    expanded.has(cluster.id) ? "hide stories" : `show stories (${cluster.size})`);
  toggle.addEventListener("click", () => toggleMembers(cluster.id));
  card.append(el("div", { class: "actions" }, toggle));
  if (expanded.has(cluster.id)) {
    const stories = expanded.get(cluster.id);
    card.append(stories ? el("ol", { class: "members" }, ...stories.map(storyItem)) : el("p", { class: "note" }, "loading…"));
  }
  return card;
}

let latest = [];

function render() {
  const list = document.getElementById("clusters");
  list.replaceChildren(...latest.map(clusterCard));
  document.getElementById("empty").hidden = latest.length > 0;
}

async function toggleMembers(id) {
  if (expanded.has(id)) {
    expanded.delete(id);
    render();
    return;
  }
  expanded.set(id, null);
  render();
  const answer = await api(`/api/clusters/${encodeURIComponent(id)}/stories?limit=${MEMBERS_PER_CLUSTER}`);
  if (expanded.has(id)) {
    expanded.set(id, answer.status === 200 ? answer.body.items : []);
    render();
  }
}

async function refresh() {
  const limit = document.getElementById("limit").value;
  const status = document.getElementById("status");
  try {
    const answer = await api(`/api/clusters/hot?limit=${limit}`);
    if (answer.status === 200) {
      latest = answer.body.items;
      render();
      status.textContent = `${latest.length} clusters · updated ${new Date().toLocaleTimeString()}`;
      status.className = "";
    } else {
      status.textContent = `not available now (${answer.status}: ${answer.detail}); showing the last answer`;
      status.className = "stale";
    }
  } catch (error) {
    status.textContent = "enrich-service does not answer; showing the last answer";
    status.className = "stale";
  }
}

async function search(event) {
  event.preventDefault();
  const url = document.getElementById("url").value.trim();
  const found = document.getElementById("found");
  found.replaceChildren(el("p", { class: "note" }, "searching…"));
  const answer = await api(`/api/stories/by-url?url=${encodeURIComponent(url)}`);
  if (answer.status === 200) {
    const story = answer.body;
    const result = el("div", { class: "result", "data-story-id": story.id },
      el("ol", { class: "members" }, storyItem(story)));
    if (story.clusterId) {
      const inList = latest.findIndex(c => c.id === story.clusterId);
      result.append(el("p", { class: "note" }, "In cluster ",
        el("a", { href: `/api/clusters/${encodeURIComponent(story.clusterId)}` }, story.clusterId),
        inList >= 0 ? ` (number ${inList + 1} of the hottest)` : ""));
    }
    found.replaceChildren(result);
  } else {
    found.replaceChildren(el("p", { class: "note" }, answer.status === 404 ? "No story for this URL."
      : `${answer.detail} (${answer.status})`));
  }
}

let timer = null;

function schedule() {
  clearInterval(timer);
  timer = document.getElementById("live").checked ? setInterval(refresh, REFRESH_MS) : null;
}

document.getElementById("search").addEventListener("submit", search);
document.getElementById("live").addEventListener("change", schedule);
document.getElementById("limit").addEventListener("change", refresh);
refresh();
schedule();
