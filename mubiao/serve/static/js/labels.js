// Chinese (and English) labels for record fields and their coded values, and value formatting.

export const FIELD_LABELS = {
  value_text: "数值原文",
  indicator: "指标",
  indicator_en: "英文名 English",
  indicator_parent: "上级指标",
  indicator_text: "原文指标",
  indicator_key: "指标键",
  measure: "度量",
  comparator: "比较",
  value_low: "下限",
  value_high: "上限",
  unit: "单位",
  modality: "性质",
  period: "期间",
  annual_average: "年均",
  hedge: "承诺词",
  relative_to: "比较基准",
  quote: "原句",
  region: "地区",
  region_code: "区划代码",
  published: "发布日期",
  page: "页码",
  doc: "文档",
  status: "审核状态",
  confidence: "把握",
};

export const MODALITY = { target: "目标", actual: "实际", estimate: "预计" };
export const MEASURE = { growth: "增长率", level: "水平值", change: "增减量" };
export const COMPARATOR = {
  eq: "= 等于",
  approx: "≈ 左右",
  ge: "≥ 以上",
  gt: "> 超过",
  le: "≤ 以内",
  lt: "< 低于",
  range: "区间",
};
/** Review status of a record (who decided it), and the flag of a record changed since review. */
export const REVIEW = {
  machine: "待审核",
  accepted: "已接受",
  corrected: "已修改",
  rejected: "已否决",
  added: "人工新增",
};
export const CHANGED = "审核后有变化";

/** Where the year a text was read as came from (the structure stage's year_source). */
const YEAR_SOURCE = {
  flag: "命令行指定的日期",
  metadata: "文档元数据",
  dateline: "落款日期",
  title: "标题中的年份",
  "a date in the opening": "开头的日期",
};
export function yearSourceLabel(source) {
  const heading = /^headings \((.*)\)$/.exec(source || "");
  if (heading) return `各部分标题（${heading[1]}）`;
  return YEAR_SOURCE[source] || source || "—";
}

export const STATUS = {
  met: "完成",
  met_within_tolerance: "容差内完成",
  missed: "未完成",
  no_outcome: "暂无结果",
  conflict: "结果冲突",
};
export const UNITS = {
  "%": "%",
  pp: "个百分点",
  CNY: "元",
  USD: "美元",
  m2: "平方米",
  mu: "亩",
  ha: "公顷",
  km: "公里",
  t: "吨",
  kWh: "千瓦时",
  W: "瓦",
  count: "个",
  person: "人",
  person_time: "人次",
  TEU: "标箱",
  "ug/m3": "微克/立方米",
  year: "年",
  day: "天",
};

export function coded(table, value) {
  if (value === null || value === undefined) return "—";
  return table[value] ? `${table[value]} (${value})` : String(value);
}

/** A number for people: 9e13 -> "90万亿", 3.0e11 -> "3000亿", 12000 -> "1.2万"; percent values stay as written. */
export function humanNumber(value, unit) {
  if (value === null || value === undefined) return "—";
  const abs = Math.abs(value);
  const trim = (x) => String(Number(x.toPrecision(6)));
  if (unit === "%" || unit === "pp") return trim(value);
  if (abs >= 1e12) return `${trim(value / 1e12)}万亿`;
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  return trim(value);
}

export function unitLabel(unit) {
  if (!unit) return "";
  return UNITS[unit] ? `${UNITS[unit]}` : unit;
}

export function valueWithUnit(value, unit) {
  if (value === null || value === undefined) return "—";
  return `${humanNumber(value, unit)} ${unitLabel(unit)}`.trim();
}

/** The value range of a record as one short string: "≥ 6.5 %", "4.5–5 %", "≈ 3000亿 元". */
export function recordValue(record) {
  const { comparator: c, value_low: lo, value_high: hi, unit } = record;
  const sym = { eq: "", approx: "≈ ", ge: "≥ ", gt: "> ", le: "≤ ", lt: "< " }[c] ?? "";
  if (c === "range") return `${humanNumber(lo, unit)}–${humanNumber(hi, unit)} ${unitLabel(unit)}`.trim();
  const v = lo ?? hi;
  return `${sym}${valueWithUnit(v, unit)}`;
}

/** "国内生产总值 · GDP" style label for an indicator id, using the facets' names. */
export function indicatorLabel(id, names) {
  if (!id) return "（未归类）";
  const n = names?.[id];
  if (!n) return id;
  return n.en ? `${n.zh} · ${n.en}` : n.zh;
}

/** Under a gap's value, what it is a gap to (高于全省1个百分点 is stored as 1 pp relative to 全省);
 *  empty for any other record. */
export function benchmarkText(relativeTo) {
  return relativeTo ? `${FIELD_LABELS.relative_to} ${relativeTo}` : "";
}
