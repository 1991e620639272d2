/*
 * Admin-consent form, enhanced: the URL updates as the admin types and gains Copy and Open.
 * Without this script the form is a plain GET form that the server answers; with it, every
 * <form data-consent-form> on the page asks data-api instead and renders the answer in place.
 * Server data only ever reaches the page through textContent and the href of a checked https URL.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 250;
  var COPIED_MS = 2000;

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // execCommand is deprecated, but it is the only copy left where the Clipboard API is missing
  // (plain http, older browsers) or refused; the selection stays so the admin can copy by hand.
  function legacyCopy(node) {
    selectText(node);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  function copy(text, node) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return legacyCopy(node); });
    }
    return Promise.resolve(legacyCopy(node));
  }

  function enhance(form) {
    var input = form.querySelector('[data-consent-input]');
    var result = form.querySelector('[data-consent-result]');
    if (!input || !result || !window.fetch || !window.AbortController) return;

    var labels = {
      copy: form.getAttribute('data-label-copy') || 'Copy',
      copied: form.getAttribute('data-label-copied') || 'Copied',
      copyFailed: form.getAttribute('data-label-copy-failed') || 'Copy failed',
      open: form.getAttribute('data-label-open') || 'Open',
      heading: form.getAttribute('data-label-heading')
    };
    var api = form.getAttribute('data-api') || '/api/admin-consent';
    var lang = form.getAttribute('data-lang') || document.documentElement.lang || 'pt';
    var timer = null;
    var controller = null;
    var latest = 0; // id of the newest request; answers to older ones are dropped

    function renderUrl(url) {
      clear(result);
      if (labels.heading) result.appendChild(el('p', 'consent-result-heading', labels.heading));

      var link = el('a', 'consent-url', url);
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      var wrap = el('p', 'consent-url-wrap');
      wrap.appendChild(link);

      var status = el('span', 'consent-status visually-hidden');
      var copyButton = el('button', 'consent-copy', labels.copy);
      copyButton.type = 'button';
      var restore = null;
      copyButton.addEventListener('click', function () {
        copy(url, link).then(function (ok) {
          var said = ok ? labels.copied : labels.copyFailed;
          copyButton.textContent = said;
          status.textContent = said;
          clearTimeout(restore);
          restore = setTimeout(function () {
            copyButton.textContent = labels.copy;
            status.textContent = '';
          }, COPIED_MS);
        });
      });

      var openButton = el('button', 'consent-open', labels.open);
      openButton.type = 'button';
      openButton.addEventListener('click', function () {
        window.open(url, '_blank', 'noopener,noreferrer');
      });

      var actions = el('p', 'consent-actions');
      actions.appendChild(copyButton);
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(openButton);

      result.appendChild(wrap);
      result.appendChild(actions);
      result.appendChild(status);
    }

    function renderError(message) {
      clear(result);
      var p = el('p', 'consent-error', message);
      p.setAttribute('role', 'alert');
      result.appendChild(p);
    }

    function cancel() {
      clearTimeout(timer);
      latest++;
      if (controller) controller.abort();
      controller = null;
    }

    // submitted: the admin pressed the button, so a failed request falls back to the plain form.
    function check(submitted) {
      cancel();
      var id = latest;
      controller = new AbortController();
      var query = (api.indexOf('?') < 0 ? '?' : '&') +
        'tenant=' + encodeURIComponent(input.value) + '&lang=' + encodeURIComponent(lang);
      fetch(api + query, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (body) {
          return { status: response.status, body: body || {} };
        });
      }).then(function (answer) {
        if (id !== latest) return;
        var body = answer.body;
        // Only an https URL becomes a link: a javascript: URL would run if clicked.
        if (answer.status === 200 && typeof body.url === 'string' && body.url.indexOf('https://') === 0) {
          renderUrl(body.url);
        } else if (answer.status === 400 && typeof body.message === 'string') {
          renderError(body.message);
        } else {
          throw new Error('unexpected answer ' + answer.status);
        }
      }).catch(function (error) {
        if (id !== latest || (error && error.name === 'AbortError')) return;
        // The prototype's submit() fires no 'submit' event (no loop) and cannot be shadowed by a
        // control named "submit".
        if (submitted) HTMLFormElement.prototype.submit.call(form);
      });
    }

    input.addEventListener('input', function () {
      if (input.value.trim() === '') {
        cancel();
        clear(result);
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(function () { check(false); }, DEBOUNCE_MS);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      check(true);
    });
  }

  function init() {
    var forms = document.querySelectorAll('form[data-consent-form]');
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
