// Tool 4: 建议 — the guidance, in our own words, that every result links into.
import { h } from "../lib/dom.js";
import { tr, lang } from "../lib/i18n.js";
import { SECTIONS } from "../lib/advice.js";

export function createAdvice(ctx, panel) {
  const heading = h("h2", { tabIndex: -1 });
  const back = h("button", { type: "button", class: "link back", hidden: true });
  let goBack = null;
  back.addEventListener("click", () => goBack?.());
  const intro = h("p", { class: "intro" });
  const toc = h("ul", { class: "toc" });
  const body = h("div", { class: "advice" });
  panel.replaceChildren(h("div", { class: "article" }, back, heading, intro, h("nav", { "aria-labelledby": "advice-toc-title" }, h("h3", { id: "advice-toc-title", class: "sr-only" }, "目录"), toc), body));

  function render() {
    back.textContent = tr({ zh: "← 返回计算结果", en: "← Back to the result" });
    heading.textContent = tr({ zh: "还不上钱时怎么办", en: "What to do when you cannot pay" });
    intro.textContent = tr({
      zh: "欠款本身不丢人，拖着不处理才最贵。下面是常见的情况和可以做的事；每个计算结果旁边的“怎么办”都会链接到这里对应的部分。",
      en: "Debt is nothing to be ashamed of; ignoring it is what costs most. Below is what usually happens and what you can do; the “What to do” links next to each result lead here.",
    });
    document.getElementById("advice-toc-title").textContent = tr({ zh: "目录", en: "Contents" });
    toc.replaceChildren(...SECTIONS.map((sct) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => reveal(sct.id) }, tr(sct.title)))));
    body.replaceChildren(...SECTIONS.map((sct) =>
      h("section", { id: `advice-${sct.id}`, class: "advice-section", "aria-labelledby": `advice-${sct.id}-title` },
        h("h3", { id: `advice-${sct.id}-title`, tabIndex: -1 }, tr(sct.title)),
        ...sct.body[lang()].map((p) => h("p", {}, p)))));
  }

  function reveal(id, returnTo = null) {
    goBack = returnTo;
    back.hidden = !returnTo;
    const title = document.getElementById(`advice-${id}-title`);
    if (!title) return;
    title.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  }

  render();
  return { relabel: render, update() {}, reveal };
}
