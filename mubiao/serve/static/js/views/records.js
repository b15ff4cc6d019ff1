// The records table as datasette users know it: filters with each value's count, sortable
// columns, the total, JSON and CSV links for the current view, page numbers. The filters and the
// sort live in the URL so that a view can be shared.
import { api, query } from "../api.js";
import { h, option } from "../dom.js";
import { CHANGED, MEASURE, MODALITY, REVIEW, benchmarkText, indicatorLabel, recordValue } from "../labels.js";

const PAGE = 50;
// the API's filter value (and facet key) for the records without a region, indicator id or period
const NONE = "-";
const orNone = (label, labelOf) => (value) => (value === NONE ? label : labelOf(value));
const FILTERS = ["region", "indicator", "measure", "modality", "period", "review", "q", "document_id"];
const COLUMNS = [
  ["region", "地区"],
  ["indicator", "指标"],
  ["indicator_text", "原文指标"],
  ["value_text", "数值原文"],
  ["value_low", "数值"],
  ["measure", "度量"],
  ["modality", "性质"],
  ["period", "期间"],
  [null, "承诺词"],
  [null, "原句"],
  ["status", "审核状态"],
];

/** A select whose options carry their record counts under the other filters, most first. */
function select(name, label, counts, labelOf, current) {
  const values = Object.keys(counts || {});
  if (current && !values.includes(current)) values.unshift(current);
  return h(
    "label",
    {},
    label,
    h(
      "select",
      { name },
      option("", "全部", current),
      values.map((value) => option(value, `${labelOf(value)} (${counts?.[value] ?? 0})`, current)),
    ),
  );
}

function pages(data, hrefFor) {
  const { total, limit, offset } = data;
  const count = Math.max(1, Math.ceil(total / limit));
  const here = Math.floor(offset / limit);
  const shown = [...new Set([0, here - 2, here - 1, here, here + 1, here + 2, count - 1])]
    .filter((p) => p >= 0 && p < count)
    .sort((a, b) => a - b);
  const links = [];
  shown.forEach((p, i) => {
    if (i && p - shown[i - 1] > 1) links.push(h("span", { className: "gap" }, "…"));
    links.push(p === here ? h("span", { className: "here", "aria-current": "page" }, String(p + 1)) : h("a", { href: hrefFor(p * limit) }, String(p + 1)));
  });
  const last = Math.min(offset + limit, total);
  return h(
    "nav",
    { className: "pager", id: "records-pages", "aria-label": "页码" },
    here > 0 ? h("a", { href: hrefFor((here - 1) * limit) }, "‹ 上一页") : null,
    links,
    here < count - 1 ? h("a", { href: hrefFor((here + 1) * limit) }, "下一页 ›") : null,
    h("span", { className: "hint" }, total ? `第 ${offset + 1}–${last} 条` : "无结果"),
  );
}

export async function renderRecords(root, params, ctx) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  const sort = params.get("sort") || "";
  const offset = Number(params.get("offset") || 0);
  const [data, facets] = await Promise.all([
    api.records({ ...filters, sort, limit: PAGE, offset }),
    ctx.facets().catch(() => ({})),
  ]);
  const names = facets.indicator_names || {};
  const counts = data.facets || {};
  const hashFor = (changes) => {
    const q = new URLSearchParams(Object.entries({ ...filters, sort }).filter(([, v]) => v));
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") q.delete(k);
      else q.set(k, String(v));
    }
    return `#/records?${q}`;
  };

  const form = h(
    "form",
    {
      className: "filters",
      id: "records-filters",
      onsubmit: (event) => {
        event.preventDefault();
        const values = new FormData(event.target);
        const q = new URLSearchParams();
        for (const key of FILTERS) {
          const v = String(values.get(key) || "").trim();
          if (v) q.set(key, v);
        }
        if (sort) q.set("sort", sort);
        ctx.navigate(`#/records?${q}`);
      },
      onchange: (event) => {
        if (event.target.tagName === "SELECT") event.currentTarget.requestSubmit();
      },
    },
    select("region", "地区", counts.region, orNone("（无地区）", (v) => v), filters.region),
    select("indicator", "指标", counts.indicator, orNone("（无指标编号）", (id) => indicatorLabel(id, names)), filters.indicator),
    select("measure", "度量", counts.measure, (v) => MEASURE[v] || v, filters.measure),
    select("modality", "性质", counts.modality, (v) => MODALITY[v] || v, filters.modality),
    select("period", "期间", counts.period, orNone("（无期间）", (v) => v), filters.period),
    select(
      "review",
      "审核状态",
      { ...counts.status, reviewed: Object.entries(counts.status || {}).reduce((n, [k, v]) => n + (k === "machine" ? 0 : v), 0) },
      (v) => REVIEW[v] || (v === "reviewed" ? "已审核（任何决定）" : v),
      filters.review,
    ),
    h("label", {}, "文本", h("input", { type: "search", name: "q", value: filters.q, placeholder: "原句或指标中的文字" })),
    filters.document_id ? h("input", { type: "hidden", name: "document_id", value: filters.document_id }) : null,
    h("button", { type: "submit" }, "筛选"),
    h("a", { href: "#/records", className: "reset" }, "清除"),
  );

  const apiParams = Object.fromEntries(Object.entries({ ...filters, sort }).filter(([, v]) => v));
  const download = h(
    "button",
    {
      type: "button",
      id: "csv-download",
      className: "plain",
      onclick: async () => {
        try {
          const blob = await api.recordsCsv(apiParams);
          const url = URL.createObjectURL(blob);
          const a = h("a", { href: url, download: "mubiao-records.csv" });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 1000);
        } catch (error) {
          ctx.showError(error);
        }
      },
    },
    "下载 CSV",
  );
  const links = h(
    "span",
    { className: "links" },
    h("a", { id: "json-link", href: `/api/records${query({ ...apiParams, limit: PAGE, offset })}`, target: "_blank", rel: "noopener" }, "JSON"),
    h("a", { id: "csv-link", href: `/api/records${query({ ...apiParams, format: "csv" })}` }, "CSV"),
    download,
  );

  const header = COLUMNS.map(([column, label]) => {
    if (!column) return h("th", {}, label);
    const state = sort === column ? "asc" : sort === `-${column}` ? "desc" : "";
    const next = state === "asc" ? `-${column}` : state === "desc" ? "" : column;
    return h(
      "th",
      { "aria-sort": state === "asc" ? "ascending" : state === "desc" ? "descending" : null },
      h("a", { href: hashFor({ sort: next, offset: null }), className: `sort ${state}`, "data-sort": column }, label, state === "asc" ? " ▲" : state === "desc" ? " ▼" : ""),
    );
  });

  const rows = data.items.map((r) =>
    h(
      "tr",
      { className: `modality-row-${r.modality} review-row-${r.status}` },
      h("td", {}, r.region || "—"),
      h(
        "td",
        {},
        h("div", {}, names[r.indicator]?.zh || r.indicator || "（未归类）"),
        h("div", { className: "en" }, names[r.indicator]?.en || r.indicator_en || ""),
      ),
      h("td", {}, r.indicator_text),
      h("td", {}, h("a", { href: `#/doc/${r.document_id}?r=${encodeURIComponent(r.key)}` }, r.value_text)),
      h("td", { className: "num" }, recordValue(r), r.relative_to ? h("div", { className: "hint" }, benchmarkText(r.relative_to)) : null),
      h("td", {}, MEASURE[r.measure] || r.measure),
      h("td", {}, h("span", { className: `tag modality-${r.modality}` }, MODALITY[r.modality] || r.modality)),
      h("td", {}, r.period || "—"),
      h("td", {}, r.hedge || ""),
      h("td", { className: "quote" }, r.quote),
      h(
        "td",
        {},
        h("span", { className: `review-tag status-${r.status}` }, REVIEW[r.status] || r.status),
        r.changed_since_review ? h("span", { className: "review-tag changed" }, `⚠ ${CHANGED}`) : null,
      ),
    ),
  );

  root.append(
    h("h1", {}, "记录 ", h("span", { className: "en" }, "Records")),
    form,
    h("div", { className: "toolbar" }, h("span", { id: "records-total" }, `共 ${data.total} 条记录`), links),
    h(
      "div",
      { className: "table-wrap" },
      h(
        "table",
        { className: "grid", id: "records-table" },
        h("thead", {}, h("tr", {}, header)),
        h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colSpan: COLUMNS.length, className: "empty" }, "没有符合条件的记录。"))),
      ),
    ),
    pages(data, (o) => hashFor({ offset: o || null })),
  );
}
