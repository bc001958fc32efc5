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

  // Folded filters (a <details> on a phone) stay open when htmx swaps the part of the page they
  // are in: choosing a filter must not close the panel one is choosing in.
  var openPanels = [];
  document.addEventListener('htmx:beforeSwap', function () {
    openPanels = Array.prototype.map.call(document.querySelectorAll('details[id][open]'), function (d) {
      return d.id;
    });
  });
  document.addEventListener('htmx:afterSwap', function () {
    openPanels.forEach(function (id) {
      var panel = document.getElementById(id);
      if (panel) panel.open = true;
    });
  });
})();
