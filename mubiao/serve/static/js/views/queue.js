// The review queue: the records still to review across documents, least sure first, and how far
// the review of each document has come.
import { api } from "../api.js";
import { h } from "../dom.js";
import { MODALITY, REVIEW, CHANGED, indicatorLabel, recordValue } from "../labels.js";

function bar(done, total) {
  const share = total ? done / total : 0;
  return h(
    "span",
    { className: "progress" },
    h("span", { className: "bar" }, h("span", { style: `width:${Math.round(share * 100)}%` })),
    ` ${done} / ${total}`,
  );
}

export async function renderQueue(root, params, ctx) {
  const [queue, facets] = await Promise.all([api.queue({ limit: 50 }), ctx.facets().catch(() => ({}))]);
  const names = facets.indicator_names || {};
  const titles = new Map(queue.documents.map((d) => [d.id, d.title || d.key]));
  const first = queue.items[0];
  root.append(
    h("h1", {}, "审核 ", h("span", { className: "en" }, "Review")),
    h(
      "p",
      { className: "lede", id: "queue-progress" },
      "全部文档已审核 ",
      bar(queue.reviewed, queue.total),
      "。下面是最没把握的待审记录（跨文档，最不确定的在前）。",
    ),
    first
      ? h("p", {}, h("a", { className: "button", id: "queue-start", href: `#/doc/${first.document_id}?r=${encodeURIComponent(first.key)}` }, "开始审核最没把握的一条 ›"))
      : h("p", { className: "ok" }, "全部记录都已审核。"),
    h(
      "div",
      { className: "table-wrap" },
      h(
        "table",
        { className: "grid", id: "queue-table" },
        h("thead", {}, h("tr", {}, ["把握", "依据", "文档", "指标", "数值原文", "数值", "性质", "状态"].map((t) => h("th", {}, t)))),
        h(
          "tbody",
          {},
          queue.items.map((r) =>
            h(
              "tr",
              {},
              h("td", { className: "num" }, r.confidence?.toFixed(2) ?? "—"),
              h("td", { className: "hint" }, r.confidence_basis || ""),
              h("td", {}, titles.get(r.document_id) || r.doc),
              h("td", {}, indicatorLabel(r.indicator, names), h("div", { className: "hint" }, r.indicator_text)),
              h("td", {}, h("a", { href: `#/doc/${r.document_id}?r=${encodeURIComponent(r.key)}` }, r.value_text)),
              h("td", { className: "num" }, recordValue(r)),
              h("td", {}, MODALITY[r.modality] || r.modality),
              h("td", {}, r.changed_since_review ? `⚠ ${CHANGED}` : REVIEW[r.status]),
            ),
          ),
        ),
      ),
    ),
    h("h2", {}, "各文档进度 ", h("span", { className: "en" }, "Progress by document")),
    h(
      "table",
      { className: "grid", id: "progress-table" },
      h("thead", {}, h("tr", {}, ["文档", "已审核 / 记录数"].map((t) => h("th", {}, t)))),
      h(
        "tbody",
        {},
        queue.documents.map((d) =>
          h("tr", {}, h("td", {}, h("a", { href: `#/doc/${d.id}` }, d.title || d.key)), h("td", {}, bar(d.reviewed, d.total))),
        ),
      ),
    ),
  );
}
