// Targets against outcomes: charts by region and by year (Apache ECharts, vendored), and the table
// of `mubiao track`.
import { api } from "../api.js";
import { h, option } from "../dom.js";
import { COMPARATOR, MEASURE, STATUS, humanNumber, indicatorLabel, unitLabel, valueWithUnit } from "../labels.js";

const COLORS = { target: "#2f6fb3", outcome: "#2e9d5b" };

/** The number a target is judged against: its floor, or its ceiling when it has no floor. */
export function targetValue(row) {
  return row.target_low ?? row.target_high;
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

function chart(el, title, categories, targets, outcomes, unit) {
  const instance = window.echarts.init(el, null, { renderer: "canvas" });
  const format = (v) => (v === null || v === undefined ? "—" : valueWithUnit(v, unit));
  const label = { show: true, position: "top", formatter: (p) => (p.value === null ? "" : humanNumber(p.value, unit)) };
  instance.setOption({
    title: { text: title, left: "center", top: 4, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis", valueFormatter: format },
    legend: { bottom: 4, data: ["目标 Target", "结果 Outcome"] },
    grid: { top: 56, left: 64, right: 24, bottom: 64 },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", name: unitLabel(unit), axisLabel: { formatter: (v) => humanNumber(v, unit) } },
    series: [
      { name: "目标 Target", type: "bar", data: targets, label, itemStyle: { color: COLORS.target }, barMaxWidth: 48 },
      { name: "结果 Outcome", type: "bar", data: outcomes, label, itemStyle: { color: COLORS.outcome }, barMaxWidth: 48 },
    ],
  });
  window.addEventListener("resize", () => instance.resize());
  return instance;
}

const LEVELS = { country: "全国", province: "省级", city: "市级", county: "县级" };

/** The selected indicator's targets for one period across levels (层层加码). */
async function escalationSection(indicator, period, label) {
  const data = await api.escalation({ indicator, period });
  const rows = data.items.map((r) =>
    h(
      "tr",
      {},
      h("td", {}, LEVELS[r.level] || r.level),
      h("td", {}, r.region),
      h("td", {}, r.target_text),
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

  const indicators = byCount(rows.map((r) => r.indicator));
  const indicator = params.get("indicator") || (indicators.includes("gdp") ? "gdp" : indicators[0] || "");
  const ofIndicator = rows.filter((r) => r.indicator === indicator);
  const measures = byCount(ofIndicator.map((r) => r.measure));
  const measure = params.get("measure") || measures[0] || "";
  const chosen = ofIndicator.filter((r) => r.measure === measure);

  const periods = [...new Set(chosen.map((r) => r.period))].sort();
  const withOutcome = chosen.filter((r) => r.outcome_value !== null && r.outcome_value !== undefined);
  const period =
    params.get("period") || [...new Set(withOutcome.map((r) => r.period))].sort().pop() || periods[periods.length - 1] || "";
  const regions = byCount(chosen.map((r) => r.region));
  const region = params.get("region") || byCount(withOutcome.map((r) => r.region))[0] || regions[0] || "";

  const go = (changes) => {
    const q = new URLSearchParams({ indicator, measure, period, region, ...changes });
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
  );

  root.append(
    h("h1", {}, "目标跟踪 ", h("span", { className: "en" }, "Targets vs outcomes")),
    h("p", { className: "lede" }, "每个目标与之后文档中同一地区、指标、度量和期间的实际结果相对照。"),
    controls,
  );
  if (!rows.length) {
    root.append(h("p", { className: "empty" }, "还没有可跟踪的目标。"));
    return;
  }

  const unit = chosen.find((r) => r.unit)?.unit || (measure === "growth" ? "%" : "");
  const label = indicatorLabel(indicator, names);
  const byRegion = chosen.filter((r) => r.period === period);
  const regionCats = [...new Set(byRegion.map((r) => r.region))];
  // one row per category: a repeated target (headline and body) or a conflict shows its first row
  const pick = (list, keys, field) => keys.map((k) => list.find((r) => r[field] === k) || null);
  const regionRows = pick(byRegion, regionCats, "region");
  // the year chart shows single years; multi-year spans (2021-2025) stay in the table
  const byYear = chosen.filter((r) => r.region === region && /^\d{4}$/.test(r.period));
  const yearCats = [...new Set(byYear.map((r) => r.period))].sort();
  const yearRows = pick(byYear, yearCats, "period");

  const chartRegion = h("div", { className: "chart", id: "chart-by-region" });
  const chartYear = h("div", { className: "chart", id: "chart-by-year" });
  root.append(h("div", { className: "charts" }, chartRegion, chartYear));
  chart(
    chartRegion,
    `${label}（${MEASURE[measure] || measure}）· ${period} 年各地区`,
    regionCats,
    regionRows.map((r) => (r ? targetValue(r) : null)),
    regionRows.map((r) => (r ? r.outcome_value : null)),
    unit,
  );
  chart(
    chartYear,
    `${label}（${MEASURE[measure] || measure}）· ${region} 历年`,
    yearCats,
    yearRows.map((r) => (r ? targetValue(r) : null)),
    yearRows.map((r) => (r ? r.outcome_value : null)),
    unit,
  );

  if (period) root.append(await escalationSection(indicator, period, label));

  const tableRows = chosen.map((r) =>
    h(
      "tr",
      {},
      h("td", {}, r.region || "—"),
      h("td", {}, r.period || "—"),
      h("td", {}, COMPARATOR[r.comparator] || r.comparator),
      h("td", { className: "num" }, valueWithUnit(r.target_low, r.unit)),
      h("td", { className: "num" }, valueWithUnit(r.target_high, r.unit)),
      h("td", {}, r.hedge || ""),
      h("td", { className: "num" }, valueWithUnit(r.outcome_value, r.unit)),
      h("td", {}, h("span", { className: `status status-${r.status}` }, STATUS[r.status] || r.status)),
      h("td", { className: "num" }, r.margin === null || r.margin === undefined ? "—" : String(Number(r.margin.toPrecision(6)))),
      h("td", { className: "quote" }, quoteLink(r.target_quote, r.target_document_id)),
      h("td", { className: "quote" }, quoteLink(r.outcome_quote, r.outcome_document_id)),
    ),
  );
  root.append(
    h("h2", {}, `${label}：全部目标`),
    h(
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
            ["地区", "期间", "比较", "目标下限", "目标上限", "承诺词", "结果", "状态", "差距", "目标原句", "结果原句"].map((t) =>
              h("th", {}, t),
            ),
          ),
        ),
        h("tbody", {}, tableRows),
      ),
    ),
  );
}
