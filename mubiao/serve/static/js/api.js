// The API client: JSON over fetch, with the bearer token (kept for this browser tab) when one is set.

const TOKEN_KEY = "mubiao.token";
const REVIEWER_KEY = "mubiao.reviewer";

export function getReviewer() {
  return sessionStorage.getItem(REVIEWER_KEY) || "";
}

export function setReviewer(name) {
  if (name) sessionStorage.setItem(REVIEWER_KEY, name);
  else sessionStorage.removeItem(REVIEWER_KEY);
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function headers(extra = {}) {
  const token = getToken();
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function raise(response) {
  let detail = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (typeof body.detail === "string") detail = body.detail;
    else if (body.detail) detail = JSON.stringify(body.detail);
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiError(response.status, detail);
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function getJson(path, params = {}) {
  const response = await fetch(path + query(params), { headers: headers({ Accept: "application/json" }) });
  if (!response.ok) await raise(response);
  return response.json();
}

export async function getBlob(path, params = {}) {
  const response = await fetch(path + query(params), { headers: headers() });
  if (!response.ok) await raise(response);
  return response.blob();
}

export async function send(method, path, body) {
  const json = body !== undefined && !(body instanceof FormData);
  const response = await fetch(path, {
    method,
    headers: headers(json ? { Accept: "application/json", "Content-Type": "application/json" } : { Accept: "application/json" }),
    body: json ? JSON.stringify(body) : body,
  });
  if (!response.ok) await raise(response);
  return response.status === 204 ? null : response.json();
}

export const api = {
  documents: (params) => getJson("/api/documents", params),
  document: async (id) => {
    // A long text comes in pages: ask from where the last page ended; a record across the
    // boundary comes with both pages.
    const path = `/api/documents/${encodeURIComponent(id)}`;
    const doc = await getJson(path);
    while (doc.text_end < doc.n_chars) {
      const page = await getJson(path, { text_start: doc.text_end });
      const seen = new Set(doc.records.map((r) => r.key));
      doc.text += page.text;
      doc.text_end = page.text_end;
      doc.records.push(...page.records.filter((r) => !seen.has(r.key)));
    }
    return doc;
  },
  records: (params) => getJson("/api/records", params),
  recordsCsv: (params) => getBlob("/api/records", { ...params, format: "csv" }),
  facets: () => getJson("/api/facets"),
  tracking: (params) => getJson("/api/tracking", params),
  escalation: (params) => getJson("/api/tracking/escalation", params),
  upload: (form) => send("POST", "/api/documents", form),
  remove: (id) => send("DELETE", `/api/documents/${encodeURIComponent(id)}`),
  reextract: (id) => send("POST", `/api/documents/${encodeURIComponent(id)}/reextract`),
  server: () => getJson("/api/server"),
  decide: (id, decision) =>
    send("POST", `/api/documents/${encodeURIComponent(id)}/decisions`, { reviewer: getReviewer(), ...decision }),
  undo: (id) => send("POST", `/api/documents/${encodeURIComponent(id)}/decisions/undo`, { reviewer: getReviewer() }),
  queue: (params) => getJson("/api/review/queue", params),
};
