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
