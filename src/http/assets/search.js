// Search page enhancements: suggestions while typing, and "use my location".
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('q-suggestions');
  if (input && list && window.fetch) {
    var timer;
    var last = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var value = input.value.trim();
        if (value.length < 2 || value === last) return;
        last = value;
        fetch(input.dataset.suggest + encodeURIComponent(value))
          .then(function (r) {
            return r.ok ? r.json() : { data: [] };
          })
          .then(function (body) {
            list.textContent = '';
            body.data.forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  var locate = document.querySelector('button.locate');
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById(locate.dataset.latField).value = position.coords.latitude.toFixed(5);
        document.getElementById(locate.dataset.lonField).value = position.coords.longitude.toFixed(5);
        document.getElementById('near').value = '';
        var sort = document.getElementById('sort');
        if (sort) sort.value = 'distance';
        locate.form.requestSubmit();
      });
    });
  }
})();
