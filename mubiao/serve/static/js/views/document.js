// One document: its text with every record highlighted, and the fields of the record under the
// pointer (hover) or selected (click), the way a reader checks the extraction.
import { api, getReviewer } from "../api.js";
import { append, clear, h, safeHref } from "../dom.js";
import {
  CHANGED,
  COMPARATOR,
  FIELD_LABELS,
  MEASURE,
  MODALITY,
  coded,
  humanNumber,
  indicatorLabel,
  recordValue,
  REVIEW,
  unitLabel,
  yearSourceLabel,
} from "../labels.js";
import { actionOf, editForm, keysHelp, selectedSpan } from "../review.js";

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

// the indicator this one is part of (第一产业增加值 → 地区生产总值), by its Chinese name
function parentName(record, names) {
  const parent = names?.[record.indicator]?.parent || record.indicator_parent;
  return parent ? `${names?.[parent]?.zh || parent} [${parent}]` : "—";
}

// whose number it is (the region named as its clause's subject, else the document's), with its code
function regionOf(record) {
  if (!record.region) return "—";
  return record.region_code ? `${record.region}（${record.region_code}）` : record.region;
}

function fieldRows(record, names) {
  const rows = [
    ["value_text", record.value_text],
    ["region", regionOf(record)],
    ["indicator", record.indicator ? `${names?.[record.indicator]?.zh || record.indicator} [${record.indicator}]` : "（未归类）"],
    ["indicator_en", names?.[record.indicator]?.en || record.indicator_en || "—"],
    ["indicator_parent", parentName(record, names)],
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
  // a gap to a benchmark (高于全省1个百分点): the value is the gap, so the benchmark is shown
  if (record.relative_to) rows.push(["relative_to", record.relative_to]);
  if (record.page !== null && record.page !== undefined) rows.push(["page", record.page]);
  return rows;
}

function reviewLine(record) {
  const parts = [h("span", { className: `review-tag status-${record.status}` }, REVIEW[record.status] || record.status)];
  if (record.changed_since_review) parts.push(h("span", { className: "review-tag changed" }, `⚠ ${CHANGED}`));
  if (record.changed_since_review) {
    const changes = Object.entries(record.machine_changes || {});
    parts.push(
      h(
        "div",
        { className: "machine-changes", id: "machine-changes" },
        changes.length
          ? ["机器的读法已变：", changes.map(([name, [then, now]]) => h("div", {}, `${FIELD_LABELS[name] || name}：${then ?? "—"} → ${now ?? "—"}`))]
          : "重新抽取后，机器不再找到这条记录。",
        h("div", { className: "hint" }, "再次接受、修改或否决即为重新审核。"),
      ),
    );
  }
  if (record.reviewer) parts.push(h("span", { className: "hint" }, `${record.reviewer}${record.decided_at ? ` · ${record.decided_at.slice(0, 16).replace("T", " ")}` : ""}`));
  return h("div", { className: "review-line" }, parts);
}

function recordCard(record, names) {
  return h(
    "div",
    { className: `record-card modality-${record.modality} status-${record.status}`, "data-record-key": record.key },
    reviewLine(record),
    record.confidence !== null && record.confidence !== undefined
      ? h(
          "div",
          { className: "confidence", "data-field": "confidence" },
          h("span", { className: "bar" }, h("span", { style: `width:${Math.round(record.confidence * 100)}%` })),
          ` 把握 ${record.confidence.toFixed(2)}`,
          h("span", { className: "hint" }, `（${record.confidence_basis}）`),
        )
      : null,
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
  return `${record.region || "—"}｜${indicatorLabel(record.indicator, names)}｜${record.indicator_text}｜${recordValue(record)}｜${
    MODALITY[record.modality] || record.modality
  }｜${record.period || ""}｜${REVIEW[record.status] || record.status}`;
}

// one keyboard handler for the document view at a time
let keyHandler = null;

/** The publication date; without one (or with one of a later repost), the year the text was read
 *  as and where that came from: an undated report is read by its headings (spec "Undated documents"). */
function publishedText(doc) {
  const year = doc.publication_year;
  if (!year) return doc.published || "未注明（年份未识别）";
  const readAs = `按 ${year} 年的文件读（依据：${yearSourceLabel(doc.year_source)}）`;
  if (!doc.published) return `未注明；${readAs}`;
  return Number(doc.published.slice(0, 4)) === year ? doc.published : `${doc.published}；${readAs}`;
}

/** The document's own region; without one, whether its numbers carry theirs (a news page about
 *  many places) or no region was found at all (a text that names none). */
function documentRegion(doc, records) {
  if (doc.region) return `${doc.region}${doc.region_code ? `（${doc.region_code}）` : ""}`;
  return records.some((r) => r.region) ? "无（各条记录有自己的地区）" : "未识别";
}

export async function renderDocument(root, id, params, ctx) {
  const [doc, facets, server] = await Promise.all([api.document(id), ctx.facets().catch(() => ({})), ctx.server()]);
  const names = facets.indicator_names || {};
  const writes = server.writes;
  const records = [...doc.records].sort((a, b) => a.start - b.start || a.end - b.end);
  const byKey = new Map(records.map((r) => [r.key, r]));

  const details = h(
    "div",
    { className: "details", id: "record-details" },
    h("p", { className: "hint" }, "点击原文中标出的数值查看其字段，或按 j / k 逐条核对。"),
  );
  const tooltip = h("div", { className: "tooltip", role: "tooltip", hidden: true });
  const textBox = h("div", { className: "doc-text", id: "doc-text", lang: "zh-CN" });
  const status = h("span", { className: "action-status", id: "action-status", role: "status" });
  const markOf = new Map();
  let current = null;

  function show(key, scroll) {
    const record = byKey.get(key);
    if (!record) return;
    current = key;
    for (const m of textBox.querySelectorAll("mark.selected")) m.classList.remove("selected");
    const mark = markOf.get(key);
    if (mark) mark.classList.add("selected");
    const index = records.indexOf(record);
    clear(details);
    append(details, [
      h(
        "div",
        { className: "record-nav" },
        h("button", { type: "button", disabled: index <= 0, onclick: () => step(-1) }, "‹ 上一个"),
        h("span", { id: "record-position" }, `${index + 1} / ${records.length}`),
        h("button", { type: "button", disabled: index >= records.length - 1, onclick: () => step(1) }, "下一个 ›"),
      ),
      writes
        ? h(
            "div",
            { className: "review-buttons" },
            h("button", { type: "button", onclick: () => act("accept") }, "接受 a"),
            h("button", { type: "button", onclick: () => act("edit") }, "修改 e"),
            h("button", { type: "button", className: "danger", onclick: () => act("reject") }, "否决 r"),
            h("button", { type: "button", className: "plain", onclick: () => act("undo") }, "撤销 u"),
          )
        : null,
      h("h3", {}, "记录字段 ", h("span", { className: "en" }, "Record")),
      recordCard(record, names),
    ]);
    // the address follows the record, so that a link opens it
    window.history.replaceState(null, "", `#/doc/${doc.id}?r=${encodeURIComponent(key)}`);
    if (scroll && mark) mark.scrollIntoView({ block: "center" });
  }

  function step(delta) {
    const index = current ? records.indexOf(byKey.get(current)) : -1;
    const next = records[Math.min(records.length - 1, Math.max(0, index + delta))];
    if (next) show(next.key, true);
  }

  async function decided(promise, message, select) {
    status.textContent = "保存中……";
    try {
      const out = await promise;
      await renderAgain(select(out));
      ctx.notify(message(out));
    } catch (error) {
      status.textContent = `失败（${error.status || "?"}）：${error.message}`;
    }
  }

  function needName() {
    if (getReviewer()) return false;
    status.textContent = "请先在页面右上角填写审核人姓名和 API 令牌并保存。";
    return true;
  }

  function act(action) {
    if (action === "next") return step(1);
    if (action === "previous") return step(-1);
    if (action === "queue") return nextInQueue();
    if (!writes || needName()) return;
    const record = current ? byKey.get(current) : null;
    const index = record ? records.indexOf(record) : -1;
    const after = records[index + 1]?.key || current;
    if (action === "accept" && record) {
      return decided(api.decide(doc.id, { action: "accept", key: record.key }), () => `已接受：${record.value_text}`, () => after);
    }
    if (action === "reject" && record) {
      return decided(api.decide(doc.id, { action: "reject", key: record.key }), () => `已否决：${record.value_text}`, () => after);
    }
    if (action === "edit" && record) {
      clear(details);
      const form = editForm(
        record,
        names,
        (fields) =>
          decided(api.decide(doc.id, { action: "correct", key: record.key, fields }), () => `已修改：${record.value_text}`, () => record.key),
        () => show(record.key, false),
      );
      append(details, [h("h3", {}, `${record.value_text} `, h("span", { className: "hint" }, record.quote)), form]);
      form.querySelector("input, select")?.focus();
      return;
    }
    if (action === "add" || action === "move") {
      const span = selectedSpan(textBox);
      if (!span) {
        status.textContent = "先在原文中选中数值的文字。";
        return;
      }
      if (action === "add") {
        return decided(
          api.decide(doc.id, { action: "add", fields: span }),
          (out) => `已新增：${out.record.value_text}`,
          (out) => out.record.key,
        );
      }
      if (record) {
        return decided(
          api.decide(doc.id, { action: "correct", key: record.key, fields: span }),
          (out) => `已移到：${out.record.value_text}`,
          () => record.key,
        );
      }
    }
    if (action === "undo") {
      return decided(api.undo(doc.id), (out) => (out.undone ? "已撤销上一个决定。" : "没有可撤销的决定。"), (out) => out.key || current);
    }
  }

  async function nextInQueue() {
    const queue = await api.queue({ limit: 1 });
    const next = queue.items[0];
    if (!next) ctx.notify("全部记录都已审核。");
    else if (String(next.document_id) === String(doc.id)) show(next.key, true);
    else ctx.navigate(`#/doc/${next.document_id}?r=${encodeURIComponent(next.key)}`);
  }

  // The text is cut at the marked spans; every piece is a text node.
  let at = 0;
  const text = doc.text;
  for (const cluster of clusters(records, text.length)) {
    if (cluster.start > at) textBox.append(text.slice(at, cluster.start));
    const first = cluster.records[0];
    const stale = cluster.records.some((r) => r.changed_since_review);
    // a number of another region than the document's (武汉 in 湖北's report, every city of a news
    // page about many) carries its region on the highlight
    const other = first.region && first.region !== doc.region;
    const mark = h(
      "mark",
      {
        className: `rec modality-${first.modality} status-${first.status}${stale ? " changed" : ""}${other ? " other-region" : ""}`,
        tabIndex: 0,
        "data-records": cluster.records.map((r) => r.key).join(" "),
        "data-region": first.region || "",
        "aria-label": cluster.records.map((r) => tooltipText(r, names)).join("；"),
      },
      text.slice(cluster.start, cluster.end),
    );
    const key = first.key;
    mark.addEventListener("click", () => {
      // a click that ends a selection of characters is not a choice of record
      if (!selectedSpan(textBox)) show(key, false);
    });
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(key, false);
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
    for (const r of cluster.records) markOf.set(r.key, mark);
    at = cluster.end;
  }
  if (at < text.length) textBox.append(text.slice(at));

  const href = doc.url ? safeHref(doc.url) : null;
  const meta = h(
    "div",
    { className: "doc-meta" },
    [
      ["地区", documentRegion(doc, records)],
      ["发布日期", publishedText(doc)],
      ["来源", doc.source || "—"],
      ["作者", doc.author || "—"],
      ["网址", doc.url ? (href ? h("a", { href, rel: "noopener noreferrer", target: "_blank" }, doc.url) : doc.url) : "—"],
      ["记录数", String(records.length)],
      ["已审核", h("span", { id: "review-progress" }, `${doc.review.reviewed} / ${doc.review.total}`)],
    ].map(([k, v]) => h("div", {}, h("span", { className: "label" }, k), h("span", {}, v))),
  );

  const counts = { target: 0, actual: 0, estimate: 0 };
  const reviewCounts = {};
  for (const r of records) {
    counts[r.modality] = (counts[r.modality] || 0) + 1;
    reviewCounts[r.status] = (reviewCounts[r.status] || 0) + 1;
  }
  const changed = records.filter((r) => r.changed_since_review).length;
  const legend = h(
    "div",
    { className: "legend" },
    Object.entries(MODALITY).map(([key, label]) => h("span", { className: `rec modality-${key}` }, `${label} ${counts[key] || 0}`)),
    Object.entries(REVIEW)
      .filter(([key]) => key !== "machine" && reviewCounts[key])
      .map(([key, label]) => h("span", { className: `review-tag status-${key}` }, `${label} ${reviewCounts[key]}`)),
    changed ? h("span", { className: "review-tag changed", id: "changed-count" }, `⚠ ${CHANGED} ${changed}`) : null,
  );

  const actions = h(
    "div",
    { className: "actions" },
    h("a", { href: `#/records?document_id=${doc.id}` }, "在记录表中查看"),
    writes
      ? [
          h(
            "button",
            {
              type: "button",
              id: "reextract",
              onclick: async () => {
                status.textContent = "重新抽取中……";
                try {
                  const out = await api.reextract(doc.id);
                  await renderAgain(current);
                  ctx.notify(`已重新抽取：新增 ${out.added}，删除 ${out.removed}，改变 ${out.changed} 条；人工决定全部保留。`);
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
        ]
      : null,
    status,
  );

  async function renderAgain(key) {
    clear(root);
    const again = new URLSearchParams(params);
    if (key) again.set("r", key);
    await renderDocument(root, id, again, ctx);
  }

  if (keyHandler) document.removeEventListener("keydown", keyHandler);
  keyHandler = (event) => {
    if (!root.isConnected) {
      document.removeEventListener("keydown", keyHandler);
      keyHandler = null;
      return;
    }
    const action = actionOf(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  };
  document.addEventListener("keydown", keyHandler);

  root.append(
    h("p", {}, h("a", { href: "#/" }, "‹ 全部文档")),
    h("h1", { className: "doc-title" }, doc.title || doc.key),
    meta,
    actions,
    legend,
    h("div", { className: "doc-layout" }, textBox, h("aside", { className: "side" }, details, keysHelp(writes))),
    tooltip,
  );

  const wanted = params.get("r");
  if (wanted && byKey.has(wanted)) show(wanted, true);
  else if (wanted) {
    // an old link by record id
    const found = records.find((r) => String(r.id) === wanted);
    if (found) show(found.key, true);
  }
}
