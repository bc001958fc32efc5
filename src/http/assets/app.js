// Small enhancements on top of pages that work without JavaScript.
(function () {
  'use strict';
  // Filter forms send empty fields as "theme="; leave them out so shared addresses stay short.
  document.addEventListener('htmx:configRequest', function (event) {
    var data = event.detail.formData;
    var empty = [];
    data.forEach(function (value, key) {
      if (value === '') empty.push(key);
    });
    empty.forEach(function (key) {
      data.delete(key);
    });
  });
})();
