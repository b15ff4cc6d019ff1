// One document: its text with every record highlighted, and the fields of the record under the
// pointer (hover) or selected (click), the way a reader checks the extraction.
import { api } from "../api.js";
import { append, clear, h, safeHref } from "../dom.js";
import {
  COMPARATOR,
  FIELD_LABELS,
  MEASURE,
  MODALITY,
  coded,
  humanNumber,
  indicatorLabel,
  recordValue,
  unitLabel,
} from "../labels.js";

/** Groups records whose spans overlap, so each stretch of text is marked once. */
export function clusters(records, textLength) {
  const sorted = records
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start < r.end && r.end <= textLength)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const record of sorted) {
    const last = out[out.length - 1];
    if (last && record.start < last.end) {
      last.end = Math.max(last.end, record.end);
      last.records.push(record);
    } else {
      out.push({ start: record.start, end: record.end, records: [record] });
    }
  }
  return out;
}

/** "3000亿 (300000000000)": the value for people, and as stored when that reads differently. */
function rawAndHuman(value, unit) {
  if (value === null || value === undefined) return "—";
  const human = humanNumber(value, unit);
  return human === String(value) ? human : `${human}（${value}）`;
}

function fieldRows(record, names) {
  const rows = [
    ["value_text", record.value_text],
    ["indicator", record.indicator ? `${names?.[record.indicator]?.zh || record.indicator} [${record.indicator}]` : "（未归类）"],
    ["indicator_en", names?.[record.indicator]?.en || record.indicator_en || "—"],
    ["indicator_text", record.indicator_text],
    ["indicator_key", record.indicator_key || "—"],
    ["measure", coded(MEASURE, record.measure)],
    ["comparator", coded(COMPARATOR, record.comparator)],
    ["value_low", rawAndHuman(record.value_low, record.unit)],
    ["value_high", rawAndHuman(record.value_high, record.unit)],
    ["unit", `${unitLabel(record.unit)} (${record.unit})`],
    ["modality", coded(MODALITY, record.modality)],
    ["period", record.period || "—"],
    ["annual_average", record.annual_average ? "是" : "否"],
    ["hedge", record.hedge || "—"],
    ["quote", record.quote],
  ];
  if (record.page !== null && record.page !== undefined) rows.push(["page", record.page]);
  return rows;
}

function recordCard(record, names) {
  return h(
    "div",
    { className: `record-card modality-${record.modality}`, "data-record-id": record.id },
    h(
      "dl",
      { className: "fields" },
      fieldRows(record, names).map(([key, value]) => [
        h("dt", {}, FIELD_LABELS[key] || key),
        h("dd", { "data-field": key }, value ?? "—"),
      ]),
    ),
  );
}

function tooltipText(record, names) {
  return `${indicatorLabel(record.indicator, names)}｜${record.indicator_text}｜${recordValue(record)}｜${
    MODALITY[record.modality] || record.modality
  }｜${record.period || ""}`;
}

export async function renderDocument(root, id, params, ctx) {
  const [doc, facets] = await Promise.all([api.document(id), ctx.facets().catch(() => ({}))]);
  const names = facets.indicator_names || {};
  const records = doc.records;
  const byId = new Map(records.map((r) => [String(r.id), r]));

  const details = h(
    "div",
    { className: "details", id: "record-details" },
    h("p", { className: "hint" }, "点击原文中标出的数值查看其字段；之后可用“上一个/下一个”逐条核对。"),
  );
  const tooltip = h("div", { className: "tooltip", role: "tooltip", hidden: true });
  const textBox = h("div", { className: "doc-text", id: "doc-text", lang: "zh-CN" });

  let selected = null;
  const allMarks = [];
  function select(mark, scroll) {
    if (selected) selected.classList.remove("selected");
    selected = mark;
    mark.classList.add("selected");
    clear(details);
    const group = mark.dataset.records.split(" ").map((rid) => byId.get(rid));
    const index = allMarks.indexOf(mark);
    const step = (delta) => {
      const next = allMarks[index + delta];
      if (next) select(next, true);
    };
    append(details, [
      h(
        "div",
        { className: "record-nav" },
        h("button", { type: "button", disabled: index <= 0, onclick: () => step(-1) }, "‹ 上一个"),
        h("span", {}, `${index + 1} / ${allMarks.length}`),
        h("button", { type: "button", disabled: index >= allMarks.length - 1, onclick: () => step(1) }, "下一个 ›"),
      ),
      h("h3", {}, group.length > 1 ? `${group.length} 条记录共用此处` : "记录字段 ", h("span", { className: "en" }, "Record")),
      group.map((r) => recordCard(r, names)),
    ]);
    if (scroll) mark.scrollIntoView({ block: "center" });
  }

  // The text is cut at the marked spans; every piece is a text node.
  let at = 0;
  const text = doc.text;
  for (const cluster of clusters(records, text.length)) {
    if (cluster.start > at) textBox.append(text.slice(at, cluster.start));
    const first = cluster.records[0];
    const mark = h(
      "mark",
      {
        className: `rec modality-${first.modality}`,
        tabIndex: 0,
        "data-records": cluster.records.map((r) => r.id).join(" "),
        "aria-label": cluster.records.map((r) => tooltipText(r, names)).join("；"),
      },
      text.slice(cluster.start, cluster.end),
    );
    mark.addEventListener("click", () => select(mark, false));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(mark, false);
      }
    });
    mark.addEventListener("mouseenter", () => {
      clear(tooltip);
      append(tooltip, cluster.records.map((r) => h("div", {}, tooltipText(r, names))));
      const box = mark.getBoundingClientRect();
      tooltip.style.left = `${Math.max(8, box.left + window.scrollX)}px`;
      tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
      tooltip.hidden = false;
    });
    mark.addEventListener("mouseleave", () => {
      tooltip.hidden = true;
    });
    textBox.append(mark);
    allMarks.push(mark);
    at = cluster.end;
  }
  if (at < text.length) textBox.append(text.slice(at));

  const href = doc.url ? safeHref(doc.url) : null;
  const meta = h(
    "div",
    { className: "doc-meta" },
    [
      ["地区", doc.region ? `${doc.region}${doc.region_code ? `（${doc.region_code}）` : ""}` : "—"],
      ["发布日期", doc.published || "—"],
      ["来源", doc.source || "—"],
      ["作者", doc.author || "—"],
      ["网址", doc.url ? (href ? h("a", { href, rel: "noopener noreferrer", target: "_blank" }, doc.url) : doc.url) : "—"],
      ["记录数", String(records.length)],
    ].map(([k, v]) => h("div", {}, h("span", { className: "label" }, k), h("span", {}, v))),
  );

  const counts = { target: 0, actual: 0, estimate: 0 };
  for (const r of records) counts[r.modality] = (counts[r.modality] || 0) + 1;
  const legend = h(
    "div",
    { className: "legend" },
    Object.entries(MODALITY).map(([key, label]) => h("span", { className: `rec modality-${key}` }, `${label} ${counts[key] || 0}`)),
  );

  const status = h("span", { className: "action-status" });
  const actions = h(
    "div",
    { className: "actions" },
    h("a", { href: `#/records?document_id=${doc.id}` }, "在记录表中查看"),
    h(
      "button",
      {
        type: "button",
        onclick: async () => {
          status.textContent = "重新抽取中……";
          try {
            const out = await api.reextract(doc.id);
            status.textContent = `已重新抽取：${out.records.length} 条记录。`;
            await renderAgain();
          } catch (error) {
            status.textContent = `失败（${error.status || "?"}）：${error.message}`;
          }
        },
      },
      "重新抽取",
    ),
    h(
      "button",
      {
        type: "button",
        className: "danger",
        onclick: async () => {
          if (!window.confirm("删除这篇文档及其全部记录？")) return;
          try {
            await api.remove(doc.id);
            ctx.facets(true).catch(() => {});
            ctx.navigate("#/");
          } catch (error) {
            status.textContent = `删除失败（${error.status || "?"}）：${error.message}`;
          }
        },
      },
      "删除",
    ),
    status,
  );

  async function renderAgain() {
    clear(root);
    await renderDocument(root, id, params, ctx);
  }

  root.append(
    h("p", {}, h("a", { href: "#/" }, "‹ 全部文档")),
    h("h1", { className: "doc-title" }, doc.title || doc.key),
    meta,
    actions,
    legend,
    h("div", { className: "doc-layout" }, textBox, h("aside", { className: "side" }, details)),
    tooltip,
  );

  const wanted = params.get("r");
  if (wanted) {
    const mark = [...textBox.querySelectorAll("mark.rec")].find((m) => m.dataset.records.split(" ").includes(wanted));
    if (mark) select(mark, true);
  }
}
