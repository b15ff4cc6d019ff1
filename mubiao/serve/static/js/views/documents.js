// The document list, with the upload form.
import { api } from "../api.js";
import { append, clear, h } from "../dom.js";

const PAGE = 50;

export async function renderDocuments(root, params, ctx) {
  const offset = Number(params.get("offset") || 0);
  const q = params.get("q") || "";

  const search = h(
    "form",
    {
      className: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        const value = event.target.elements.q.value.trim();
        ctx.navigate(value ? `#/?q=${encodeURIComponent(value)}` : "#/");
      },
    },
    h("input", { name: "q", type: "search", value: q, placeholder: "按标题、地区搜索文档" }),
    h("button", { type: "submit" }, "搜索"),
  );
  const listBox = h("div", { id: "documents-list" });
  const refresh = async () => {
    const data = await api.documents({ limit: PAGE, offset, q });
    clear(listBox);
    append(listBox, documentList(data, q));
  };
  const [server] = await Promise.all([ctx.server(), refresh()]);
  root.append(
    h("h1", {}, "文档 ", h("span", { className: "en" }, "Documents")),
    search,
    listBox,
    // a read-only server offers no upload
    server.writes ? uploadForm(ctx, refresh) : null,
  );
}

function documentList(data, q) {
  const rows = data.items.map((doc) =>
    h(
      "tr",
      {},
      h("td", {}, h("a", { href: `#/doc/${encodeURIComponent(doc.id)}`, className: "doc-link" }, doc.title || doc.key)),
      h("td", {}, doc.region || "—"),
      h("td", {}, doc.published || "—"),
      h("td", {}, doc.source || "—"),
      h("td", { className: "num" }, doc.n_records),
      h("td", { className: "num" }, `${doc.n_reviewed} / ${doc.n_records}`),
    ),
  );
  return [
    h("p", { className: "lede" }, `共 ${data.total} 篇文档。点击标题查看原文，每个识别出的数值都在原文中标出。`),
    h(
      "table",
      { className: "grid", id: "documents-table" },
      h("thead", {}, h("tr", {}, ["标题", "地区", "发布日期", "来源", "记录数", "已审核"].map((t) => h("th", {}, t)))),
      h(
        "tbody",
        {},
        rows.length ? rows : h("tr", {}, h("td", { colSpan: 6, className: "empty" }, "还没有文档。上传一个文件开始。")),
      ),
    ),
    pager(data, (o) => `#/?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(o) })}`),
  ];
}

export function pager(data, hrefFor) {
  const { total, limit, offset } = data;
  const last = Math.min(offset + limit, total);
  return h(
    "div",
    { className: "pager" },
    offset > 0 ? h("a", { href: hrefFor(Math.max(0, offset - limit)) }, "‹ 上一页") : null,
    h("span", {}, total ? `第 ${offset + 1}–${last} 条，共 ${total} 条` : "无结果"),
    last < total ? h("a", { href: hrefFor(offset + limit) }, "下一页 ›") : null,
  );
}

function uploadForm(ctx, refresh) {
  const result = h("div", { className: "upload-result", id: "upload-result" });
  const form = h(
    "form",
    {
      className: "upload",
      id: "upload-form",
      onsubmit: async (event) => {
        event.preventDefault();
        clear(result);
        const data = new FormData(event.target);
        if (!data.get("file") || !data.get("file").size) {
          result.append(h("p", { className: "error" }, "请选择一个文件。"));
          return;
        }
        for (const key of ["region", "published", "title"]) if (!data.get(key)) data.delete(key);
        result.append(h("p", {}, "正在读取和抽取……"));
        try {
          const out = await api.upload(data);
          clear(result);
          ctx.facets(true).catch(() => {});
          await refresh();
          result.append(
            h(
              "p",
              { className: "ok" },
              `${out.created ? "已入库" : "已存在（内容相同）"}：${out.document.title || out.document.key}，共 ${out.records.length} 条记录。`,
              h("a", { href: `#/doc/${encodeURIComponent(out.document.id)}` }, "查看原文 ›"),
            ),
          );
        } catch (error) {
          clear(result);
          result.append(h("p", { className: "error" }, `上传失败（${error.status || "?"}）：${error.message}`));
        }
      },
    },
    h("h2", {}, "上传文档 ", h("span", { className: "en" }, "Upload")),
    h("p", { className: "hint" }, "支持 txt、html、pdf、docx。上传需要在页面右上角填写 API 令牌。"),
    h(
      "div",
      { className: "upload-fields" },
      h("input", { type: "file", name: "file", accept: ".txt,.htm,.html,.pdf,.docx" }),
      h("input", { type: "text", name: "region", placeholder: "地区（可选）" }),
      h("input", { type: "text", name: "published", placeholder: "发布日期 YYYY-MM-DD（可选）" }),
      h("input", { type: "text", name: "title", placeholder: "标题（可选）" }),
      h("button", { type: "submit" }, "上传并抽取"),
    ),
    result,
  );
  return form;
}
