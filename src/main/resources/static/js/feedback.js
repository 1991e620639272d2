// "Was this article helpful?" in place: the same answers the forms post without JavaScript, sent to
// /api/feedback as JSON; the thanks go to the live region, and after No the optional details appear.
(function () {
  'use strict';

  var box = document.querySelector('[data-feedback]');
  if (!box || !window.fetch || !window.JSON) { return; }
  var vote = box.querySelector('form.feedback-vote');
  var details = box.querySelector('form.feedback-details');
  var status = box.querySelector('.feedback-status');
  if (!vote || !details || !status) { return; }
  var lang = box.getAttribute('data-lang') || 'pt';
  var article = vote.querySelector('input[name=article]').value;
  var clicked = null;

  function say(text) {
    status.textContent = text || '';
  }

  function setBusy(form, busy) {
    Array.prototype.forEach.call(form.querySelectorAll('button, input, textarea'), function (el) {
      el.disabled = busy;
    });
  }

  // Resolves with true on 201; otherwise shows the server's message (in the page's language) or a generic one.
  function send(body, form, done) {
    setBusy(form, true);
    say(box.getAttribute('data-sending'));
    fetch('/api/feedback', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { ok: response.status === 201, json: json };
      });
    }).then(function (result) {
      setBusy(form, false);
      if (result.ok) {
        done();
      } else {
        say((result.json && result.json.message) || box.getAttribute('data-error'));
      }
    }).catch(function () {
      setBusy(form, false);
      say(box.getAttribute('data-error'));
    });
  }

  vote.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[name=helpful]') : null;
    if (button) { clicked = button.value; }
  });

  vote.addEventListener('submit', function (event) {
    event.preventDefault();
    var helpful = (event.submitter && event.submitter.value) || clicked;
    if (helpful !== 'yes' && helpful !== 'no') { return; }
    send({ lang: lang, article: article, helpful: helpful }, vote, function () {
      vote.hidden = true;
      if (helpful === 'yes') {
        say(box.getAttribute('data-thanks-yes'));
        status.focus();
      } else {
        say(box.getAttribute('data-thanks-no'));
        details.hidden = false;
        details.querySelector('input[name=reason]').focus();
      }
    });
  });

  details.addEventListener('submit', function (event) {
    event.preventDefault();
    var reason = details.querySelector('input[name=reason]:checked');
    var comment = details.querySelector('textarea[name=comment]').value;
    send({ lang: lang, article: article, helpful: 'no', reason: reason ? reason.value : null, comment: comment || null },
      details, function () {
        details.hidden = true;
        say(box.getAttribute('data-thanks-sent'));
        status.focus();
      });
  });
}());
