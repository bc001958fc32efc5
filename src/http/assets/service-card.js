// The service card page: a print button, and copying the SMS text with its count kept up to date.
// Without JavaScript the buttons stay hidden: the browser prints, and the text can be selected.
(function () {
  'use strict';
  var print = document.querySelector('.card-print');
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener('click', function () {
      window.print();
    });
  }
  var text = document.getElementById('sms-text');
  var count = document.getElementById('sms-count');
  var copy = document.querySelector('.sms-copy');
  var status = document.querySelector('.sms-copied');
  if (!text) return;
  if (count) {
    text.addEventListener('input', function () {
      count.textContent = String(Array.from(text.value).length);
    });
  }
  if (copy && status) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var done = function () {
        status.textContent = copy.getAttribute('data-copied');
      };
      var fallback = function () {
        text.select();
        if (document.execCommand('copy')) done();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  }
})();
