// The page's router: #/ documents, #/doc/<id>, #/records?..., #/tracking?...
import { api, ApiError, getReviewer, getToken, setReviewer, setToken } from "./api.js";
import { clear, h } from "./dom.js";
import { renderDocument } from "./views/document.js";
import { renderDocuments } from "./views/documents.js";
import { renderQueue } from "./views/queue.js";
import { renderRecords } from "./views/records.js";
import { renderTracking } from "./views/tracking.js";

const view = document.getElementById("view");
const notice = document.getElementById("notice");
let facetsPromise = null;
let serverPromise = null;
let viewFailed = false;
const LOADING = "正在加载…";
// A view whose data comes within this long is drawn without a word; a slower one (the review queue
// reads every document once to judge its records) says that it is loading rather than stay blank.
const LOADING_AFTER_MS = 300;

/** What the server allows ({writes, protect_reads}); a read-only server gets no write controls. */
export function server() {
  if (!serverPromise) {
    serverPromise = api.server().catch(() => {
      serverPromise = null;
      return { writes: false, protect_reads: false };
    });
  }
  return serverPromise;
}

/** Facets (regions, indicators with names, periods) are loaded once and shared by the views. */
export function facets(reload = false) {
  if (reload || !facetsPromise) {
    facetsPromise = api.facets().catch((error) => {
      facetsPromise = null;
      throw error;
    });
  }
  return facetsPromise;
}

export function notify(message, kind = "info") {
  clear(notice);
  notice.className = `notice ${kind}`;
  notice.append(message);
  notice.hidden = !message;
}

export function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    notify(`需要 API 令牌：${error.message}`, "error");
  } else {
    notify(`出错了：${error.message}`, "error");
  }
}

function parseHash() {
  const raw = window.location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

const ctx = { facets, server, notify, showError, navigate: (hash) => (window.location.hash = hash) };

async function route() {
  const { parts, params } = parseHash();
  const name = parts[0] || "documents";
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", link.dataset.nav === (name === "doc" ? "documents" : name));
  }
  notify("");
  clear(view);
  const container = h("section", { className: `view view-${name}` });
  view.append(container);
  viewFailed = false;
  const loading = setTimeout(() => notice.hidden && notify(LOADING), LOADING_AFTER_MS);
  try {
    if (name === "doc" && parts[1]) await renderDocument(container, parts[1], params, ctx);
    else if (name === "records") await renderRecords(container, params, ctx);
    else if (name === "review") await renderQueue(container, params, ctx);
    else if (name === "tracking") await renderTracking(container, params, ctx);
    else await renderDocuments(container, params, ctx);
  } catch (error) {
    viewFailed = true;
    showError(error);
  } finally {
    clearTimeout(loading);
    if (notice.textContent === LOADING) notify("");
  }
  // a count of finished renders, for scripts (and tests) that wait for a view to be drawn
  view.dataset.renders = String(Number(view.dataset.renders || 0) + 1);
}

const tokenForm = document.getElementById("token-form");
const tokenInput = document.getElementById("token-input");
const reviewerInput = document.getElementById("reviewer-input");
tokenInput.value = getToken();
reviewerInput.value = getReviewer();
tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  setToken(tokenInput.value.trim());
  setReviewer(reviewerInput.value.trim());
  const message = tokenInput.value.trim() ? "令牌已保存（仅本标签页）。" : "令牌已清除。";
  facets(true).catch(() => {});
  // a view refused for want of the token is drawn again; a drawn one keeps what was typed in it
  if (viewFailed) route().then(() => notify(message));
  else notify(message);
});

window.addEventListener("hashchange", route);
route();
