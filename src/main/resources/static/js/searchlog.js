// Which result a reader opened from the results page, and at what position: one beacon per click,
// sent as the browser leaves the page, so opening the result is never delayed. Without JavaScript
// the search itself is still recorded by the server; only the click is not.
(function () {
  'use strict';

  var page = document.querySelector('[data-search-id]');
  if (!page || !navigator.sendBeacon || !window.URLSearchParams) { return; }
  var id = page.getAttribute('data-search-id');

  page.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('.result-group a[href]') : null;
    if (!link) { return; }
    var cards = Array.prototype.slice.call(page.querySelectorAll('.result-group'));
    var position = cards.indexOf(link.closest('.result-group')) + 1;
    var url = link.getAttribute('href');
    if (position < 1 || !url || url.charAt(0) !== '/' || url.charAt(1) === '/') { return; }
    navigator.sendBeacon('/api/search/click', new URLSearchParams({ search: id, url: url, position: String(position) }));
  });
}());
