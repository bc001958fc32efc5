// Small enhancements on top of pages that work without JavaScript.
(function () {
  'use strict';
  // Filter forms send empty fields as "theme="; leave them out so shared addresses stay short.
  document.addEventListener('htmx:configRequest', function (event) {
    var params = event.detail.parameters;
    var empty = [];
    params.forEach
      ? params.forEach(function (value, key) { if (value === '') empty.push(key); })
      : Object.keys(params).forEach(function (key) { if (params[key] === '') empty.push(key); });
    empty.forEach(function (key) {
      if (typeof params.delete === 'function') params.delete(key);
      else delete params[key];
    });
  });
})();
