// Progressive enhancement for every page; the site works without it.
(function () {
  'use strict';

  // The "copy link" buttons next to headings: the full URL of that section, said by the status region.
  function enableCopyLinks() {
    var status = document.querySelector('[data-copy-status]');
    var clearStatus = null;
    document.querySelectorAll('button.copy-link[data-copy-anchor]').forEach(function (button) {
      button.hidden = false;
      var label = button.textContent;
      var restore = null;
      button.addEventListener('click', function () {
        var url = location.origin + location.pathname + '#' + button.getAttribute('data-copy-anchor');
        copyText(url).then(function () {
          var said = button.getAttribute('data-copied') || label;
          button.textContent = said;
          if (status) {
            status.textContent = said;
            clearTimeout(clearStatus);
            clearStatus = setTimeout(function () { status.textContent = ''; }, 2000);
          }
          clearTimeout(restore);
          restore = setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          location.hash = button.getAttribute('data-copy-anchor');
        });
      });
    });
  }

  // The table of contents is closed on a phone (the text comes first) and open where it has a column.
  function openTocOnWideScreens() {
    var toc = document.querySelector('details[data-toc]');
    if (!toc || !window.matchMedia) { return; }
    var wide = window.matchMedia('(min-width: 60rem)');
    toc.open = wide.matches;
    var follow = function () { toc.open = wide.matches; };
    if (wide.addEventListener) { wide.addEventListener('change', follow); }
  }

  // The table of contents marks the section the reader landed on, then the one being read.
  function markCurrentSection() {
    var links = {};
    document.querySelectorAll('nav.toc a[href^="#"]').forEach(function (a) {
      links[decodeURIComponent(a.getAttribute('href').slice(1))] = a;
    });
    var current = null;
    function mark(id) {
      // An old generated id sits inside the heading it names.
      var target = id && document.getElementById(id);
      var heading = target && target.closest ? target.closest('.section-heading') : null;
      var link = heading ? links[heading.id] : links[id];
      if (!link || link === current) { return; }
      if (current) { current.removeAttribute('aria-current'); }
      link.setAttribute('aria-current', 'location');
      current = link;
    }
    mark(decodeURIComponent(location.hash.slice(1)));
    window.addEventListener('hashchange', function () { mark(decodeURIComponent(location.hash.slice(1))); });
    if (!('IntersectionObserver' in window) || Object.keys(links).length === 0) { return; }
    var pending = false;
    var observer = new IntersectionObserver(function () {
      if (pending) { return; }
      pending = true;
      requestAnimationFrame(function () { pending = false; mark(currentSection()); });
    });
    document.querySelectorAll('.article-body .section-heading[id]').forEach(function (h) { observer.observe(h); });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy failed')); }
    });
  }

  // The section the reader is on: the hash target while it is on screen, else the last heading above the fold.
  function currentSection() {
    var hashId = decodeURIComponent(location.hash.slice(1));
    var target = hashId && document.getElementById(hashId);
    if (target) {
      var r = target.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight) { return hashId; }
    }
    var headings = document.querySelectorAll('.article-body .section-heading[id]');
    // At the very bottom a short last section can never reach the top, so any visible heading counts.
    var atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    var line = atBottom ? window.innerHeight : 120;
    var found = '';
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= line) { found = headings[i].id; } else { break; }
    }
    return found || hashId || '';
  }

  // The id of the same section in the other language's article. Explicit ids are the same in both
  // languages; an id the translation lacks (generated from the Portuguese words, or an old link's id
  // inside a heading) is mapped through its heading: the heading's own id, else the heading at the
  // same position when both articles have as many sections (a translation keeps the outline), else
  // the nearest enclosing heading the translation has. Empty when nothing maps: the top of the article.
  function counterpart(id, link) {
    if (!link.hasAttribute('data-section-ids')) { return id; }
    var others = link.getAttribute('data-section-ids').split(' ').filter(Boolean);
    if (others.indexOf(id) >= 0) { return id; }
    var target = document.getElementById(id);
    var heading = target && target.closest('.article-body .section-heading[id]');
    if (!heading) { return ''; }
    if (others.indexOf(heading.id) >= 0) { return heading.id; }
    var headings = Array.prototype.slice.call(document.querySelectorAll('.article-body .section-heading[id]'));
    var index = headings.indexOf(heading);
    if (headings.length === others.length) { return others[index]; }
    var level = Number(heading.tagName.slice(1));
    for (var i = index - 1; i >= 0; i--) {
      var l = Number(headings[i].tagName.slice(1));
      if (l < level) {
        if (others.indexOf(headings[i].id) >= 0) { return headings[i].id; }
        level = l;
      }
    }
    return '';
  }

  // Section ids are the same in every language, so the switch can carry the reader's place across.
  // The place is remembered while reading, because on a phone the reader scrolls back up to reach the switch.
  // Without JavaScript the switch is a plain link to the translation: a #fragment never reaches the
  // server, so the reader lands at the top of the translated article.
  function keepSectionOnLanguageSwitch() {
    var lastRead = '';
    var pending = false;
    window.addEventListener('scroll', function () {
      if (pending) { return; }
      pending = true;
      setTimeout(function () {
        pending = false;
        var id = currentSection();
        if (id) { lastRead = id; }
      }, 150);
    }, { passive: true });
    document.querySelectorAll('a[data-keep-section]').forEach(function (link) {
      link.addEventListener('click', function () {
        var id = counterpart(currentSection() || lastRead, link);
        var href = link.getAttribute('href').split('#')[0];
        link.setAttribute('href', id ? href + '#' + encodeURIComponent(id) : href);
      });
    });
  }

  // "/" focuses the search box from anywhere, unless the reader is typing.
  function slashFocusesSearch() {
    document.addEventListener('keydown', function (event) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var el = document.activeElement;
      var typing = el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
      var box = document.getElementById('site-search');
      if (!typing && box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
    });
  }

  enableCopyLinks();
  openTocOnWideScreens();
  markCurrentSection();
  keepSectionOnLanguageSwitch();
  slashFocusesSearch();
}());
