// Progressive enhancement for every page; the site works without it.
(function () {
  'use strict';

  // The "copy link" buttons next to headings: the full URL of that section.
  function enableCopyLinks() {
    document.querySelectorAll('button.copy-link[data-copy-anchor]').forEach(function (button) {
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener('click', function () {
        var url = location.origin + location.pathname + '#' + button.getAttribute('data-copy-anchor');
        copyText(url).then(function () {
          button.textContent = button.getAttribute('data-copied') || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          location.hash = button.getAttribute('data-copy-anchor');
        });
      });
    });
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

  // Section ids are the same in every language, so the switch can carry the reader's place across.
  // The place is remembered while reading, because on a phone the reader scrolls back up to reach the switch.
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
        var id = currentSection() || lastRead;
        if (id) {
          var href = link.getAttribute('href').split('#')[0];
          link.setAttribute('href', href + '#' + encodeURIComponent(id));
        }
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
  keepSectionOnLanguageSwitch();
  slashFocusesSearch();
}());
