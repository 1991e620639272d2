// Instant search in the header's box: an ARIA 1.2 combobox over /api/search. Without this script
// the same box submits to the server-rendered results page.
(function () {
  'use strict';

  var form = document.querySelector('form[data-instant-search]');
  var input = form && form.querySelector('input[name=q]');
  if (!form || !input || !window.fetch) { return; }

  var lang = form.getAttribute('data-lang') || document.documentElement.lang;
  // Each language's BCP-47 tag ("pt=pt-BR en=en"), for hits in another language; the page's own from <html lang>.
  var tags = {};
  (form.getAttribute('data-hreflangs') || '').split(' ').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv.length === 2) { tags[kv[0]] = kv[1]; }
  });
  tags[lang] = document.documentElement.lang || lang;
  var api = form.getAttribute('data-api') || '/api/search';
  var listId = input.id + '-listbox';
  var list = document.createElement('ul');
  list.id = listId;
  list.className = 'instant-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.getAttribute('data-label-results') || '');
  list.hidden = true;
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  form.appendChild(list);
  form.appendChild(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);

  var options = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var sequence = 0;
  // The query whose results are showing, until the reader settles on it (opens a result, leaves the
  // box or the page): only then is it recorded, once, never at each keystroke.
  var shown = null;

  function settle(url, position) {
    if (!shown) { return; }
    var params = { lang: lang, q: shown.q, results: String(shown.total) };
    if (url) { params.url = url; params.position = String(position); }
    shown = null;
    if (navigator.sendBeacon && window.URLSearchParams) {
      navigator.sendBeacon('/api/search/instant', new URLSearchParams(params));
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    if (active >= 0 && options[active]) { options[active].setAttribute('aria-selected', 'false'); }
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  // Snippets are escaped text where only <mark> is markup: rebuild them from text nodes, never innerHTML.
  // Outside the server's marks, the words being typed are marked where a word starts with them.
  function appendSnippet(parent, snippet, words) {
    var parts = String(snippet || '').split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { marked = true; return; }
      if (part === '</mark>') { marked = false; return; }
      if (!part) { return; }
      var text = decodeEntities(part);
      if (marked) {
        var m = document.createElement('mark');
        m.textContent = text;
        parent.appendChild(m);
      } else {
        appendHighlighted(parent, text, words);
      }
    });
  }

  var WORD_CHAR = (function () {
    try { return new RegExp('[\\p{L}\\p{N}]', 'u'); } catch (e) { return /[0-9A-Za-z\u00C0-\u024F]/; }
  }());

  // Lower case without accents, as the search itself compares words: necessaria finds necessária.
  function fold(s) {
    return (s.normalize ? s.normalize('NFD') : s).replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // The words of the query, folded: the one being typed from two letters, the others from three.
  function typedWords(q) {
    var words = [];
    var current = '';
    var chars = Array.from(fold(q));
    for (var i = 0; i <= chars.length; i++) {
      if (i < chars.length && (WORD_CHAR.test(chars[i]) || chars[i] === '_')) { current += chars[i]; continue; }
      if (current) { words.push(current); current = ''; }
    }
    var last = words.length - 1;
    return words.filter(function (w, i) { return w.length >= (i === last ? 2 : 3); });
  }

  // Appends text as text nodes, with a <mark> over each word start that matches a typed word.
  function appendHighlighted(parent, text, words) {
    var chars = Array.from(text);
    var plainFrom = 0;
    var i = 0;
    while (i < chars.length) {
      var end = -1;
      if (words.length && WORD_CHAR.test(chars[i]) && (i === 0 || !WORD_CHAR.test(chars[i - 1]))) {
        end = prefixEnd(chars, i, words);
      }
      if (end > i) {
        if (plainFrom < i) { parent.appendChild(document.createTextNode(chars.slice(plainFrom, i).join(''))); }
        var m = document.createElement('mark');
        m.textContent = chars.slice(i, end).join('');
        parent.appendChild(m);
        plainFrom = end;
        i = end;
      } else {
        i++;
      }
    }
    if (plainFrom < chars.length) { parent.appendChild(document.createTextNode(chars.slice(plainFrom).join(''))); }
  }

  // Where the longest typed word that the text at start begins with ends in the text, or -1.
  function prefixEnd(chars, start, words) {
    var best = -1;
    words.forEach(function (word) {
      var folded = '';
      var j = start;
      while (j < chars.length && folded.length < word.length) { folded += fold(chars[j]); j++; }
      if (folded.length >= word.length && folded.slice(0, word.length) === word) {
        while (j < chars.length && fold(chars[j]) === '') { j++; } // accents written as separate marks
        if (j > best) { best = j; }
      }
    });
    return best;
  }

  function decodeEntities(s) {
    return s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, function (_, e) {
      return { lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' }[e];
    });
  }

  function render(data, q) {
    var words = typedWords(q);
    list.textContent = '';
    options = [];
    active = -1;
    var results = (data && data.results) || [];
    results.forEach(function (hit, i) {
      var li = document.createElement('li');
      li.id = listId + '-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.setAttribute('data-url', hit.url);
      if (hit.lang && hit.lang !== lang) { li.setAttribute('lang', tags[hit.lang] || hit.lang); }
      var title = document.createElement('span');
      title.className = 'instant-title';
      appendHighlighted(title, hit.section ? hit.title + ' › ' + hit.section : hit.title, words);
      var snippet = document.createElement('span');
      snippet.className = 'instant-snippet';
      appendSnippet(snippet, hit.snippet, words);
      li.appendChild(title);
      li.appendChild(snippet);
      li.addEventListener('mousedown', function (event) { event.preventDefault(); });
      li.addEventListener('click', function () { go(i); });
      list.appendChild(li);
      options.push(li);
    });
    var all = document.createElement('li');
    all.className = 'instant-all';
    all.id = listId + '-all';
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    var total = data.total || 0;
    // With nothing found the last option still leads to the results page, which offers what it can.
    all.textContent = total > 0
      ? (form.getAttribute('data-label-all') || 'All results') + ' (' + total + ')'
      : form.getAttribute('data-label-none-all') || 'No exact result';
    all.addEventListener('mousedown', function (event) { event.preventDefault(); });
    all.addEventListener('click', function () { shown = null; form.submit(); });
    list.appendChild(all);
    options.push(all);

    var count = total === 0 ? form.getAttribute('data-label-none')
      : total === 1 ? form.getAttribute('data-label-count-one')
      : form.getAttribute('data-label-count');
    status.textContent = (count || '').replace('{0}', String(total));
    shown = { q: q, total: total };
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function go(index) {
    var option = options[index];
    if (!option) { return; }
    var url = option.getAttribute('data-url');
    if (url && url.charAt(0) === '/' && url.charAt(1) !== '/') {
      settle(url, index + 1);
      window.location.assign(url);
    } else {
      shown = null; // the results page records this search itself
      form.submit();
    }
  }

  function query() {
    var q = input.value.trim();
    if (controller) { controller.abort(); }
    if (!q) { close(); status.textContent = ''; shown = null; return; }
    var mine = ++sequence;
    controller = window.AbortController ? new AbortController() : null;
    var url = api + '?q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(lang) + '&limit=8';
    fetch(url, { signal: controller ? controller.signal : undefined,
      headers: { Accept: 'application/json', 'X-Search-Source': 'instant' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && mine === sequence && input.value.trim()) { render(data, q); } })
      .catch(function () { /* the form still submits to the results page */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(query, 150);
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      if (list.hidden) { if (options.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } else { query(); } return; }
      event.preventDefault();
      setActive(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp') {
      if (list.hidden) { return; }
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        go(active);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = '';
      }
    }
  });

  input.addEventListener('blur', function () {
    setTimeout(function () { close(); settle(); }, 100);
  });
  form.addEventListener('submit', function () { shown = null; });
  window.addEventListener('pagehide', function () { settle(); });

  // Back to a page kept in the back/forward cache: the box shows that page's query again, not what
  // was typed before leaving it, and the list from then is closed; a search still waiting from then
  // (the typing pause, a request on its way) must not open it again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      clearTimeout(timer);
      if (controller) { controller.abort(); }
      sequence++;
      input.value = input.defaultValue;
      close();
      status.textContent = '';
    }
  });
}());
