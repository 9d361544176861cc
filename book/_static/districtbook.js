// Search: Sphinx marks every occurrence of a search term, also inside longer words ("ho" in "khoảng" when a
// reader searches "Tay Ho"); the marks are kept on whole words only, in the results and on the page opened.
(() => {
  const letter = /[\p{L}\p{N}]/u;
  const edge = (node, last) => (node && node.nodeType === Node.TEXT_NODE ? node.data.slice(last ? -1 : 0, last ? undefined : 1) : "");
  const whole = (span) => !letter.test(edge(span.previousSibling, true)) && !letter.test(edge(span.nextSibling, false));
  const clean = (root) => root.querySelectorAll("span.highlighted").forEach((span) => {
    if (!whole(span)) span.replaceWith(document.createTextNode(span.textContent));
  });
  document.addEventListener("DOMContentLoaded", () => {
    const results = document.getElementById("search-results");
    if (results) new MutationObserver(() => clean(results)).observe(results, {childList: true, subtree: true});
  });
  window.addEventListener("load", () => clean(document.body));
})();

// On a phone, "Kéo ngang để xem thêm →" / "Scroll sideways for more →" stands above a table or a chart only when it
// is wider than the screen: one that fits is marked, and the stylesheet hides its line.
(() => {
  const boxes = ".pst-scrollable-table-container, .bd-article figure a.image-reference";
  const fits = (el) => el.scrollWidth <= el.clientWidth + 1;
  const mark = () => document.querySelectorAll(boxes).forEach((box) => {
    const inner = box.querySelector("table");  // on a phone the table itself scrolls, inside its box
    box.classList.toggle("fits-screen", fits(box) && (!inner || fits(inner)));
  });
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
