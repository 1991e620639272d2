/*
 * Admin-consent form, enhanced. Without this script the form is a plain GET form that the server
 * answers; with it, every <form data-consent-form> asks data-api once the value settles (a pause
 * in typing, leaving the field, Enter or a paste) and shows the answer in place, in the same
 * layout as the server's (cloned from <template data-consent-answer>), with Copy working.
 * One short message per settled value goes to the form's status region: never the URL itself.
 * Server data only ever reaches the page through textContent and the href of a checked https URL.
 */
(function () {
  'use strict';

  var SETTLE_MS = 700;
  var COPIED_MS = 2000;
  var URL_BREAKS = '/&=?+';

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }

  // The same wrap points as the server's: after / & = ? +, never between the two slashes of "https://".
  function fillUrl(code, url) {
    clear(code);
    var start = 0;
    for (var i = 0; i < url.length; i++) {
      if (URL_BREAKS.indexOf(url.charAt(i)) >= 0 && url.charAt(i + 1) !== '/') {
        code.appendChild(document.createTextNode(url.slice(start, i + 1)));
        code.appendChild(document.createElement('wbr'));
        start = i + 1;
      }
    }
    if (start < url.length) code.appendChild(document.createTextNode(url.slice(start)));
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

  function looksLikeUrl(value) {
    return value.indexOf('/') >= 0;
  }

  function enhance(form) {
    var input = form.querySelector('[data-consent-input]');
    var result = form.querySelector('[data-consent-result]');
    var status = form.querySelector('[data-consent-status]');
    var answerTemplate = form.querySelector('template[data-consent-answer]');
    var errorsTemplate = form.querySelector('template[data-consent-errors]');
    if (!input || !result || !status || !answerTemplate || !answerTemplate.content
        || !window.fetch || !window.AbortController) return;

    var hintId = form.getAttribute('data-hint-id');
    var errorId = form.getAttribute('data-error-id');
    var labels = {
      copied: form.getAttribute('data-label-copied') || 'Copied',
      copyFailed: form.getAttribute('data-label-copy-failed') || 'Copy failed',
      ready: form.getAttribute('data-label-ready') || ''
    };
    var api = form.getAttribute('data-api') || '/api/admin-consent';
    var lang = form.getAttribute('data-lang') || document.documentElement.lang || 'pt';
    var timer = null;
    var controller = null;
    var latest = 0; // id of the newest request; answers to older ones are dropped
    var settled = null; // the value whose answer is shown or on its way
    var pasted = false;

    function announce(text) {
      status.textContent = text;
    }

    function shortRefusal(code, fallback) {
      var found = errorsTemplate && errorsTemplate.content.querySelector('[data-code="' + code + '"]');
      return found ? found.textContent : fallback;
    }

    function describe(invalid) {
      if (invalid) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', errorId + ' ' + hintId);
      } else {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', hintId);
      }
    }

    function wire(answer, url) {
      var copyButton = answer.querySelector('.consent-copy');
      var code = answer.querySelector('[data-consent-url]');
      if (!copyButton || !code) return;
      var label = copyButton.textContent;
      var restore = null;
      copyButton.hidden = false;
      copyButton.addEventListener('click', function () {
        copy(url, code).then(function (ok) {
          var said = ok ? labels.copied : labels.copyFailed;
          copyButton.textContent = said;
          announce(said);
          clearTimeout(restore);
          restore = setTimeout(function () {
            copyButton.textContent = label;
            if (status.textContent === said) announce('');
          }, COPIED_MS);
        });
      });
    }

    function showAnswer(url, tenant) {
      var answer = answerTemplate.content.firstElementChild.cloneNode(true);
      fillUrl(answer.querySelector('[data-consent-url]'), url);
      answer.querySelector('.consent-open').href = url;
      wire(answer, url);
      clear(result);
      result.appendChild(answer);
      describe(false);
      announce(labels.ready ? labels.ready + ' ' + tenant + '.' : tenant);
      // On a phone the answer starts below the fold (and under the keyboard): bring Copy/Open to the
      // middle of the screen, clear of the keyboard and of the fixed back-to-top link.
      var actions = answer.querySelector('.consent-actions');
      if (actions && actions.scrollIntoView) {
        actions.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }
    }

    function showRefusal(code, message) {
      var text = shortRefusal(code, message);
      var p = document.createElement('p');
      p.className = 'consent-error';
      p.id = errorId;
      p.textContent = text;
      clear(result);
      result.appendChild(p);
      describe(true);
      announce(text);
    }

    function reset() {
      cancel();
      settled = '';
      clear(result);
      describe(false);
      announce('');
    }

    function cancel() {
      clearTimeout(timer);
      latest++;
      if (controller) controller.abort();
      controller = null;
    }

    // submitted: the admin pressed Enter or the button, so a failed request falls back to the plain form.
    function check(value, submitted) {
      cancel();
      var id = latest;
      controller = new AbortController();
      var query = (api.indexOf('?') < 0 ? '?' : '&') +
        'tenant=' + encodeURIComponent(value) + '&lang=' + encodeURIComponent(lang);
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
          var tenant = typeof body.tenant === 'string' ? body.tenant : '';
          // A pasted consent URL: the field now shows the tenant taken out of it.
          if (tenant && looksLikeUrl(value) && input.value === value) {
            input.value = tenant;
            settled = tenant;
          }
          showAnswer(body.url, tenant);
        } else if (answer.status === 400 && typeof body.message === 'string') {
          showRefusal(body.error, body.message);
        } else {
          throw new Error('unexpected answer ' + answer.status);
        }
      }).catch(function (error) {
        if (id !== latest || (error && error.name === 'AbortError')) return;
        settled = null; // ask again next time
        // The prototype's submit() fires no 'submit' event (no loop) and cannot be shadowed by a
        // control named "submit".
        if (submitted) HTMLFormElement.prototype.submit.call(form);
      });
    }

    // A value is checked once; leaving the field after a pause does not ask (nor announce) again.
    function settle(submitted) {
      clearTimeout(timer);
      var value = input.value;
      if (value.trim() === '') {
        reset();
        return;
      }
      if (value === settled && !submitted) return;
      settled = value;
      check(value, submitted);
    }

    // A server-rendered answer (?tenant=) is the settled value; its Copy starts working now.
    var rendered = result.querySelector('.consent-answer');
    var renderedOpen = rendered && rendered.querySelector('.consent-open');
    if (renderedOpen) {
      wire(rendered, renderedOpen.getAttribute('href'));
      settled = input.value;
    } else if (result.querySelector('.consent-error')) {
      settled = input.value;
    }

    input.addEventListener('paste', function () {
      pasted = true;
    });

    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (input.value.trim() === '') {
        reset();
        return;
      }
      if (pasted) {
        pasted = false;
        settle(false);
        return;
      }
      timer = setTimeout(function () { settle(false); }, SETTLE_MS);
    });

    input.addEventListener('blur', function () {
      if (input.value.trim() !== '') settle(false);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      settle(true);
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
