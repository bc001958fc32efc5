// Small enhancements on top of pages that work without JavaScript.
(() => {
  // Filter forms send empty fields as "theme="; leave them out so shared addresses stay short.
  document.addEventListener('htmx:configRequest', (event) => {
    var params = event.detail.parameters;
    var empty = [];
    params.forEach
      ? params.forEach((value, key) => {
          if (value === '') empty.push(key);
        })
      : Object.keys(params).forEach((key) => {
          if (params[key] === '') empty.push(key);
        });
    empty.forEach((key) => {
      if (typeof params.delete === 'function') params.delete(key);
      else delete params[key];
    });
  });
})();
