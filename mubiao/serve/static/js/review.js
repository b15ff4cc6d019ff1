// Review from the keyboard: the keys, the selection in the text as offsets, and the form that
// corrects a record's fields.
import { h } from "./dom.js";
import { COMPARATOR, FIELD_LABELS, MEASURE, MODALITY } from "./labels.js";

/** The keys of the document view, as shown on the page. */
export const KEYS = [
  ["j", "→", "下一条记录", "next"],
  ["k", "←", "上一条记录", "previous"],
  ["a", null, "接受", "accept"],
  ["r", null, "否决", "reject"],
  ["e", null, "修改字段（Enter 保存，Esc 取消）", "edit"],
  ["n", null, "把选中的文字新增为记录", "add"],
  ["m", null, "把本记录移到选中的文字", "move"],
  ["u", null, "撤销上一个决定", "undo"],
  ["q", null, "下一条待审（最没把握的）", "queue"],
];
const BY_KEY = new Map(KEYS.flatMap(([key, alt, , action]) => [[key, action], ...(alt ? [[alt, action]] : [])]));
const ARROWS = { ArrowRight: "→", ArrowLeft: "←" };

/** The action of a key press, or null (typing in a field, or with a modifier, is not a command). */
export function actionOf(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target;
  if (target && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(target.tagName))) {
    return null;
  }
  return BY_KEY.get(ARROWS[event.key] || event.key) || null;
}

export function keysHelp(writes) {
  const shown = KEYS.filter(([, , , action]) => writes || ["next", "previous", "queue"].includes(action));
  return h(
    "div",
    { className: "keys", id: "review-keys" },
    h("h3", {}, "快捷键 ", h("span", { className: "en" }, "Keys")),
    h(
      "ul",
      {},
      shown.map(([key, alt, label]) => h("li", {}, h("kbd", {}, key), alt ? [" ", h("kbd", {}, alt)] : null, ` ${label}`)),
    ),
  );
}

/** The selected characters of ``box`` as offsets into its text, or null when nothing in it is selected. */
export function selectedSpan(box) {
  const selection = window.getSelection();
  if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

const EDITED = [
  ["indicator_text", "text"],
  ["indicator", "indicator"],
  ["measure", MEASURE],
  ["comparator", COMPARATOR],
  ["value_low", "number"],
  ["value_high", "number"],
  ["unit", "text"],
  ["modality", MODALITY],
  ["period", "text"],
  ["annual_average", "checkbox"],
  ["hedge", "text"],
];

function input(name, kind, value, names) {
  if (kind === "checkbox") return h("input", { type: "checkbox", name, checked: Boolean(value) });
  if (kind === "number") return h("input", { type: "text", name, inputMode: "decimal", value: value ?? "" });
  if (kind === "indicator") {
    const ids = Object.keys(names || {}).sort((x, y) => names[x].zh.localeCompare(names[y].zh, "zh"));
    if (value && !ids.includes(value)) ids.unshift(value);
    return h(
      "select",
      { name },
      h("option", { value: "", selected: !value }, "（未归类）"),
      ids.map((id) => h("option", { value: id, selected: id === value }, `${names[id]?.zh || id} · ${id}`)),
    );
  }
  if (typeof kind === "object") {
    return h("select", { name }, Object.entries(kind).map(([v, label]) => h("option", { value: v, selected: v === value }, `${label}`)));
  }
  return h("input", { type: "text", name, value: value ?? "" });
}

/** The form that corrects ``record``; ``onSave(fields)`` gets only the fields that changed. */
export function editForm(record, names, onSave, onCancel) {
  const form = h(
    "form",
    {
      className: "edit-form",
      id: "edit-form",
      onsubmit: (event) => {
        event.preventDefault();
        const changed = {};
        for (const [name, kind] of EDITED) {
          const el = form.elements[name];
          let value;
          if (kind === "checkbox") value = el.checked;
          else if (kind === "number") value = el.value.trim() === "" ? null : Number(el.value.trim());
          else value = el.value.trim() === "" && name !== "indicator_text" ? null : el.value.trim();
          if (kind === "number" && Number.isNaN(value)) {
            el.setCustomValidity("不是数字");
            el.reportValidity();
            return;
          }
          if (value !== (record[name] ?? (kind === "checkbox" ? false : null))) changed[name] = value;
        }
        onSave(changed);
      },
      onkeydown: (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      },
    },
    h("h3", {}, "修改字段 ", h("span", { className: "en" }, "Correct")),
    EDITED.map(([name, kind]) => h("label", {}, h("span", {}, FIELD_LABELS[name] || name), input(name, kind, record[name], names))),
    h("div", { className: "edit-buttons" }, h("button", { type: "submit" }, "保存 (Enter)"), h("button", { type: "button", className: "plain", onclick: onCancel }, "取消 (Esc)")),
  );
  return form;
}
