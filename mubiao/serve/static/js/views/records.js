// The records table with its filters; the filters live in the URL so that a view can be shared.
import { api } from "../api.js";
import { h, option } from "../dom.js";
import { MEASURE, MODALITY, indicatorLabel, recordValue } from "../labels.js";
import { pager } from "./documents.js";

const PAGE = 50;
const FILTERS = ["region", "indicator", "measure", "modality", "period", "q", "document_id"];

function select(name, label, choices, current) {
  return h(
    "label",
    {},
    label,
    h("select", { name }, option("", "全部", current), choices.map(([value, text]) => option(value, text, current))),
  );
}

export async function renderRecords(root, params, ctx) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  const offset = Number(params.get("offset") || 0);
  const [data, facets] = await Promise.all([
    api.records({ ...filters, limit: PAGE, offset }),
    ctx.facets().catch(() => ({})),
  ]);
  const names = facets.indicator_names || {};

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
        ctx.navigate(`#/records?${q}`);
      },
      onchange: (event) => {
        if (event.target.tagName === "SELECT") event.currentTarget.requestSubmit();
      },
    },
    select("region", "地区", (facets.regions || []).map((r) => [r, r]), filters.region),
    select(
      "indicator",
      "指标",
      (facets.indicators || []).map((id) => [id, indicatorLabel(id, names)]),
      filters.indicator,
    ),
    select("measure", "度量", Object.entries(MEASURE), filters.measure),
    select("modality", "性质", Object.entries(MODALITY), filters.modality),
    select("period", "期间", (facets.periods || []).map((p) => [p, p]), filters.period),
    h("label", {}, "文本", h("input", { type: "search", name: "q", value: filters.q, placeholder: "原句或指标中的文字" })),
    filters.document_id ? h("input", { type: "hidden", name: "document_id", value: filters.document_id }) : null,
    h("button", { type: "submit" }, "筛选"),
    h("a", { href: "#/records", className: "reset" }, "清除"),
  );

  const download = h(
    "button",
    {
      type: "button",
      id: "csv-download",
      onclick: async () => {
        try {
          const blob = await api.recordsCsv(filters);
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

  const rows = data.items.map((r) =>
    h(
      "tr",
      { className: `modality-row-${r.modality}` },
      h("td", {}, r.region || "—"),
      h(
        "td",
        {},
        h("div", {}, names[r.indicator]?.zh || r.indicator || "（未归类）"),
        h("div", { className: "en" }, names[r.indicator]?.en || r.indicator_en || ""),
      ),
      h("td", {}, r.indicator_text),
      h("td", {}, h("a", { href: `#/doc/${r.document_id}?r=${r.id}` }, r.value_text)),
      h("td", { className: "num" }, recordValue(r)),
      h("td", {}, MEASURE[r.measure] || r.measure),
      h("td", {}, h("span", { className: `tag modality-${r.modality}` }, MODALITY[r.modality] || r.modality)),
      h("td", {}, r.period || "—"),
      h("td", {}, r.hedge || ""),
      h("td", { className: "quote" }, r.quote),
    ),
  );

  root.append(
    h("h1", {}, "记录 ", h("span", { className: "en" }, "Records")),
    form,
    h("div", { className: "toolbar" }, h("span", { id: "records-total" }, `共 ${data.total} 条记录`), download),
    h(
      "div",
      { className: "table-wrap" },
      h(
        "table",
        { className: "grid", id: "records-table" },
        h(
          "thead",
          {},
          h("tr", {}, ["地区", "指标", "原文指标", "数值原文", "数值", "度量", "性质", "期间", "承诺词", "原句"].map((t) => h("th", {}, t))),
        ),
        h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colSpan: 10, className: "empty" }, "没有符合条件的记录。"))),
      ),
    ),
    pager(data, (o) => {
      const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
      q.set("offset", String(o));
      return `#/records?${q}`;
    }),
  );
}
