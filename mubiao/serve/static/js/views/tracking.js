// Targets against outcomes: charts by region and by year (Apache ECharts, vendored), and the table
// of `mubiao track`.
import { api } from "../api.js";
import { h, option } from "../dom.js";
import { MEASURE, STATUS, benchmarkText, humanNumber, indicatorLabel, unitLabel, valueWithUnit } from "../labels.js";

const COLORS = { target: "#2f6fb3", range: "#a9c6e8", outcome: "#2e9d5b" };

/** The number a target is judged against: its floor, or its ceiling when it has no floor. */
export function targetValue(row) {
  return row.target_low ?? row.target_high;
}

// Words written before a value that make it a decrease (下降3.9%以上 is stored as ≤ −3.9).
const DECREASE = /(下降|降低|减少|压减|削减|下调|回落|缩小)$/;
const SCALE = [["万亿", 1e12], ["亿", 1e8], ["万", 1e4], ["千", 1e3]];
const BOUND_WORDS = /(以上|以内|以下|左右|多|余|上下)$/;

/** A value as the source writes it: its value text, with the decrease word before it. */
export function asWritten(text, quote) {
  if (!text) return "—";
  const at = quote ? quote.indexOf(text) : -1;
  const before = at > 0 ? quote.slice(Math.max(0, at - 2), at) : "";
  const word = before.match(DECREASE);
  return word ? `${word[1]}${text}` : text;
}

/** The unit a target's value text is written in ("1000万人以上" -> {label: "万人", scale: 1e4}). */
export function ownUnit(text) {
  const m = (text || "").match(/[\d.．,，]+\s*([^\d]*)$/);
  let label = m ? m[1].trim() : "";
  while (BOUND_WORDS.test(label)) label = label.replace(BOUND_WORDS, "");
  const scale = SCALE.find(([word]) => label.startsWith(word));
  return { label, scale: scale ? scale[1] : 1 };
}

/** The gap between outcome and target in the target's own unit: "+322万人", "−0.1 个百分点". */
export function gapText(row) {
  if (row.margin === null || row.margin === undefined) return "—";
  const sign = row.margin > 0 ? "+" : row.margin < 0 ? "−" : "";
  const trim = (x) => String(Number(Math.abs(x).toPrecision(6)));
  if (row.unit === "%" || row.unit === "pp") return `${sign}${trim(row.margin)} 个百分点`;
  const { label, scale } = ownUnit(row.target_text);
  return label ? `${sign}${trim(row.margin / scale)}${label}` : `${sign}${valueWithUnit(Math.abs(row.margin), row.unit)}`;
}

export const STATUS_MEANING = {
  met: "结果达到或超过目标（越小越好的指标：不高于目标）",
  met_within_tolerance: "“左右”目标差一点：在容差之内",
  missed: "结果未达到目标",
  no_outcome: "之后的文档没有报告结果",
  conflict: "同样可信的来源报告了不同的结果（逐一列出）",
};

function legend(tolerancePct, toleranceLevel) {
  return h(
    "dl",
    { className: "status-legend", id: "status-legend" },
    Object.keys(STATUS_MEANING).map((key) => [
      h("dt", {}, h("span", { className: `status status-${key}` }, STATUS[key])),
      h("dd", {}, STATUS_MEANING[key]),
    ]),
    h(
      "p",
      { className: "tolerance" },
      `容差：百分比与百分点目标 ${tolerancePct} 个百分点，其他单位为目标值的 ${Number((toleranceLevel * 100).toPrecision(6))}%。`,
    ),
  );
}

function csvCell(value) {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A link that downloads ``rows`` (every column) as CSV, built in the browser. */
function downloadLink(rows, name) {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))];
  const blob = new Blob(["\ufeff" + lines.join("\r\n")], { type: "text/csv;charset=utf-8" });
  return h("a", { href: URL.createObjectURL(blob), download: name, id: "tracking-download", className: "button" }, `下载所列 ${rows.length} 行 (CSV)`);
}

function quoteLink(quote, documentId) {
  if (!quote) return "";
  return documentId ? h("a", { href: `#/doc/${documentId}` }, quote) : quote;
}

function byCount(values) {
  const counts = new Map();
  for (const v of values) if (v) counts.set(v, (counts.get(v) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

function chart(el, title, categories, rows, unit, empty) {
  if (!categories.length || rows.every((r) => !r)) {
    el.classList.add("chart-empty");
    el.append(h("p", { className: "empty" }, empty));
    return null;
  }
  const instance = window.echarts.init(el, null, { renderer: "canvas" });
  const format = (v) => (v === null || v === undefined ? "—" : valueWithUnit(v, unit));
  const label = { show: true, position: "top", formatter: (p) => (p.value === null ? "" : humanNumber(p.value, unit)) };
  // A range target is a bar to its floor with the span to its ceiling stacked on it.
  const isRange = (r) => r && r.comparator === "range" && r.target_low !== null && r.target_high !== null;
  const spanLabel = {
    show: true,
    position: "top",
    formatter: (p) => {
      const r = rows[p.dataIndex];
      return isRange(r) ? `${humanNumber(r.target_low, unit)}–${humanNumber(r.target_high, unit)}` : "";
    },
  };
  instance.setOption({
    title: { text: title, left: "center", top: 4, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis", valueFormatter: format },
    legend: { bottom: 4, data: ["目标 Target", "目标区间 Target range", "结果 Outcome"] },
    grid: { top: 56, left: 64, right: 24, bottom: 64 },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", name: unitLabel(unit), axisLabel: { formatter: (v) => humanNumber(v, unit) } },
    series: [
      {
        name: "目标 Target",
        type: "bar",
        stack: "target",
        data: rows.map((r) => (r ? targetValue(r) : null)),
        label: { ...label, formatter: (p) => (p.value === null || isRange(rows[p.dataIndex]) ? "" : humanNumber(p.value, unit)) },
        itemStyle: { color: COLORS.target },
        barMaxWidth: 48,
      },
      {
        name: "目标区间 Target range",
        type: "bar",
        stack: "target",
        data: rows.map((r) => (isRange(r) ? r.target_high - r.target_low : null)),
        label: spanLabel,
        itemStyle: { color: COLORS.range, borderColor: COLORS.target, borderWidth: 1 },
        barMaxWidth: 48,
      },
      {
        name: "结果 Outcome",
        type: "bar",
        data: rows.map((r) => (r ? r.outcome_value : null)),
        label,
        itemStyle: { color: COLORS.outcome },
        barMaxWidth: 48,
      },
    ],
  });
  window.addEventListener("resize", () => instance.resize());
  return instance;
}

/** Statuses of one indicator by region (rows) and year (columns). */
function statusGrid(rows) {
  const years = [...new Set(rows.filter((r) => /^\d{4}$/.test(r.period)).map((r) => r.period))].sort();
  const regions = byCount(rows.map((r) => r.region));
  if (!years.length || !regions.length) return null;
  const cell = (region, year) => {
    const found = rows.filter((r) => r.region === region && r.period === year);
    if (!found.length) return h("td", { className: "grid-empty" }, "");
    return h("td", {}, found.map((r) => h("span", { className: `status status-${r.status}`, title: `${asWritten(r.target_text, r.target_quote)} → ${r.outcome_text || "—"}` }, STATUS[r.status] || r.status)));
  };
  return h(
    "div",
    { className: "table-wrap" },
    h(
      "table",
      { className: "grid", id: "status-grid" },
      h("thead", {}, h("tr", {}, h("th", {}, "地区 \\ 年份"), years.map((y) => h("th", {}, y)))),
      h("tbody", {}, regions.map((region) => h("tr", {}, h("th", {}, region), years.map((y) => cell(region, y))))),
    ),
  );
}

const LEVELS = { country: "全国", province: "省级", city: "市级", county: "县级" };

/** The selected indicator's targets for one period across levels (层层加码). */
async function escalationSection(indicator, period, label) {
  const data = await api.escalation({ indicator, period }).catch(() => ({ items: [] }));
  // Only where there are targets of at least two levels to compare.
  if (new Set(data.items.map((r) => r.level)).size < 2) return null;
  const rows = data.items.map((r) =>
    h(
      "tr",
      {},
      h("td", {}, LEVELS[r.level] || r.level),
      h("td", {}, r.region),
      h("td", {}, asWritten(r.target_text, r.quote)),
      h("td", {}, r.reference_region ? `${r.reference_region} ${r.reference_text}` : "—"),
      h("td", { className: "num" }, r.above_reference === null ? "—" : String(Number(r.above_reference.toPrecision(6)))),
      h("td", {}, r.escalated === null ? "—" : r.escalated ? h("span", { className: "status status-missed" }, "加码") : "否"),
    ),
  );
  return h(
    "section",
    { id: "escalation" },
    h("h2", {}, `${label}：${period} 年各级目标 `, h("span", { className: "en" }, "Escalation across levels")),
    rows.length
      ? h(
          "div",
          { className: "table-wrap" },
          h(
            "table",
            { className: "grid", id: "escalation-table" },
            h("thead", {}, h("tr", {}, ["层级", "地区", "目标", "上级目标", "高出上级", "层层加码"].map((t) => h("th", {}, t)))),
            h("tbody", {}, rows),
          ),
        )
      : h("p", { className: "empty" }, "这一年没有可比较的各级目标。"),
  );
}

export async function renderTracking(root, params, ctx) {
  const facets = await ctx.facets().catch(() => ({}));
  const names = facets.indicator_names || {};
  const all = await api.tracking({});
  const rows = all.items;
  // Targets are grouped by their indicator key: the id, else the normalised name.
  const keyOf = (r) => r.indicator_key || r.indicator || "";

  const indicators = byCount(rows.map(keyOf));
  const indicator = params.get("indicator") || (indicators.includes("gdp") ? "gdp" : indicators[0] || "");
  const ofIndicator = rows.filter((r) => keyOf(r) === indicator);
  const measures = byCount(ofIndicator.map((r) => r.measure));
  const measure = params.get("measure") || measures[0] || "";
  const chosen = ofIndicator.filter((r) => r.measure === measure);

  const periods = [...new Set(chosen.map((r) => r.period))].sort();
  const withOutcome = chosen.filter((r) => r.outcome_value !== null && r.outcome_value !== undefined);
  const period =
    params.get("period") || [...new Set(withOutcome.map((r) => r.period))].sort().pop() || periods[periods.length - 1] || "";
  const regions = byCount(chosen.map((r) => r.region));
  const region = params.get("region") || byCount(withOutcome.map((r) => r.region))[0] || regions[0] || "";
  const status = params.get("status") || "";

  const go = (changes) => {
    const q = new URLSearchParams({ indicator, measure, period, region, status, ...changes });
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    ctx.navigate(`#/tracking?${q}`);
  };

  const controls = h(
    "form",
    { className: "filters", id: "tracking-filters", onsubmit: (e) => e.preventDefault() },
    h(
      "label",
      {},
      "指标",
      h(
        "select",
        { name: "indicator", onchange: (e) => go({ indicator: e.target.value, measure: "", period: "", region: "" }) },
        indicators.map((id) => option(id, indicatorLabel(id, names), indicator)),
      ),
    ),
    h(
      "label",
      {},
      "度量",
      h(
        "select",
        { name: "measure", onchange: (e) => go({ measure: e.target.value, period: "", region: "" }) },
        measures.map((m) => option(m, MEASURE[m] || m, measure)),
      ),
    ),
    h(
      "label",
      {},
      "年份（按地区图）",
      h("select", { name: "period", onchange: (e) => go({ period: e.target.value }) }, periods.map((p) => option(p, p, period))),
    ),
    h(
      "label",
      {},
      "地区（按年份图）",
      h("select", { name: "region", onchange: (e) => go({ region: e.target.value }) }, regions.map((r) => option(r, r, region))),
    ),
    h(
      "label",
      {},
      "状态",
      h(
        "select",
        { name: "status", onchange: (e) => go({ status: e.target.value }) },
        option("", "全部", status),
        Object.keys(STATUS).map((key) => option(key, STATUS[key], status)),
      ),
    ),
  );

  root.append(
    h("h1", {}, "目标跟踪 ", h("span", { className: "en" }, "Targets vs outcomes")),
    h("p", { className: "lede" }, "每个目标与之后文档中同一地区、指标、度量和期间的实际结果相对照；五年规划的目标在规划期末评判。"),
    legend(all.tolerance_pct, all.tolerance_level),
    controls,
  );
  if (!rows.length) {
    root.append(h("p", { className: "empty" }, "还没有可跟踪的目标：先导入既有目标又有之后年份结果的文档。"));
    return;
  }

  const unit = chosen.find((r) => r.unit)?.unit || (measure === "growth" ? "%" : "");
  const label = indicatorLabel(indicator, names);
  const byRegion = chosen.filter((r) => r.period === period);
  const regionCats = [...new Set(byRegion.map((r) => r.region))];
  // one row per category: a repeated target (headline and body) or a conflict shows its first row
  const pick = (list, keys, field) => keys.map((k) => list.find((r) => r[field] === k) || null);
  // the year chart shows single years; multi-year spans (2021-2025) stay in the table
  const byYear = chosen.filter((r) => r.region === region && /^\d{4}$/.test(r.period));
  const yearCats = [...new Set(byYear.map((r) => r.period))].sort();

  const chartRegion = h("div", { className: "chart", id: "chart-by-region" });
  const chartYear = h("div", { className: "chart", id: "chart-by-year" });
  root.append(h("div", { className: "charts" }, chartRegion, chartYear));
  chart(
    chartRegion,
    `${label}（${MEASURE[measure] || measure}）· ${period} 年各地区`,
    regionCats,
    pick(byRegion, regionCats, "region"),
    unit,
    `${period || "所选期间"}没有这一指标的目标，无可比较的地区。`,
  );
  chart(
    chartYear,
    `${label}（${MEASURE[measure] || measure}）· ${region} 历年`,
    yearCats,
    pick(byYear, yearCats, "period"),
    unit,
    /^\d{4}$/.test(period) || !region
      ? `${region || "所选地区"}没有这一指标的单一年份目标。`
      : `${region}的这一指标只有多年期（规划）目标，见下表。`,
  );

  const grid = statusGrid(chosen);
  if (grid) root.append(h("h2", {}, `${label}：各地区历年完成情况 `, h("span", { className: "en" }, "Status by region and year")), grid);

  if (period && ofIndicator[0]?.indicator) {
    const levels = await escalationSection(ofIndicator[0].indicator, period, label);
    if (levels) root.append(levels);
  }

  const shown = chosen.filter((r) => !status || r.status === status);
  const tableRows = shown.map((r) =>
    h(
      "tr",
      {},
      h("td", {}, r.region || "—"),
      h("td", {}, r.period || "—"),
      h(
        "td",
        { className: "num" },
        asWritten(r.target_text, r.target_quote),
        r.relative_to ? h("div", { className: "hint" }, benchmarkText(r.relative_to)) : null,
      ),
      h("td", {}, r.hedge || ""),
      h("td", { className: "num" }, r.outcome_text ? asWritten(r.outcome_text, r.outcome_quote) : "—"),
      h("td", {}, h("span", { className: `status status-${r.status}` }, STATUS[r.status] || r.status)),
      h("td", { className: "num" }, gapText(r)),
      h("td", { className: "note" }, r.note || ""),
      h("td", { className: "quote" }, quoteLink(r.target_quote, r.target_document_id)),
      h("td", { className: "quote" }, quoteLink(r.outcome_quote, r.outcome_document_id)),
    ),
  );
  root.append(
    h("h2", {}, `${label}：全部目标`),
    h("p", { className: "actions" }, downloadLink(shown, `mubiao-tracking-${indicator}-${measure}${status ? "-" + status : ""}.csv`)),
    shown.length
      ? h(
          "div",
          { className: "table-wrap" },
          h(
            "table",
            { className: "grid", id: "tracking-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ["地区", "期间", "目标（原文）", "承诺词", "结果（原文）", "状态", "差距", "说明", "目标原句", "结果原句"].map((t) =>
                  h("th", {}, t),
                ),
              ),
            ),
            h("tbody", {}, tableRows),
          ),
        )
      : h("p", { className: "empty" }, `没有“${STATUS[status] || status}”的目标。`),
  );
}
