// The map of a place's form: its marker stands where the place is, and moving it (drag, or a click
// on the map) writes the latitude and longitude fields of the same form. Typing coordinates moves
// the marker. Without JavaScript, or without Leaflet, the coordinate fields work as they are.
(() => {
  if (!window.L) return;
  var brussels = [50.8466, 4.3528];

  function number(input) {
    var value = input ? Number(String(input.value).trim().replace(',', '.')) : NaN;
    return input && input.value.trim() && Number.isFinite(value) ? value : null;
  }

  function start(element) {
    var form = element.closest('form');
    if (!form) return;
    var latField = form.querySelector('input[name$="-latitude"]');
    var lonField = form.querySelector('input[name$="-longitude"]');
    if (!latField || !lonField) return;
    element.textContent = '';
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 }).setView(brussels, 12);
    var tiles = element.dataset.tiles;
    if (tiles) L.tileLayer(tiles, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
    if (element.dataset.communes)
      fetch(element.dataset.communes)
        .then((r) => (r.ok ? r.json() : null))
        .then((geojson) => {
          if (!geojson) return;
          L.geoJSON(geojson, {
            interactive: false,
            style: { color: '#0b5d5b', weight: 1, fillColor: '#0b5d5b', fillOpacity: 0.04 },
          }).addTo(map);
        })
        .catch(() => {});

    var marker = null;
    var label = element.dataset.marker || '';

    function show(lat, lon, zoom) {
      if (!marker) {
        marker = L.marker([lat, lon], { draggable: true, autoPan: true, title: label, alt: label }).addTo(
          map,
        );
        marker.on('dragend', () => {
          var at = marker.getLatLng();
          write(at.lat, at.lng);
        });
      } else marker.setLatLng([lat, lon]);
      if (zoom) map.setView([lat, lon], 17);
      element.setAttribute('data-marker-at', lat.toFixed(6) + ',' + lon.toFixed(6));
    }

    function write(lat, lon) {
      latField.value = lat.toFixed(6);
      lonField.value = lon.toFixed(6);
      element.setAttribute('data-marker-at', latField.value + ',' + lonField.value);
      [latField, lonField].forEach((field) => field.dispatchEvent(new Event('change', { bubbles: true })));
    }

    var typed = [number(latField), number(lonField)];
    var given = [Number(element.dataset.lat), Number(element.dataset.lon)];
    if (typed[0] !== null && typed[1] !== null) show(typed[0], typed[1], true);
    else if (element.dataset.lat && Number.isFinite(given[0]) && Number.isFinite(given[1]))
      show(given[0], given[1], true);

    map.on('click', (event) => {
      show(event.latlng.lat, event.latlng.lng, false);
      write(event.latlng.lat, event.latlng.lng);
    });
    [latField, lonField].forEach((field) =>
      field.addEventListener('input', () => {
        var lat = number(latField);
        var lon = number(lonField);
        if (lat !== null && lon !== null) show(lat, lon, false);
      }),
    );
    element.setAttribute('data-ready', 'true');
  }

  function startAll() {
    L.Icon.Default.imagePath = '/assets/vendor/leaflet/images/';
    document.querySelectorAll('[data-map="location"]').forEach(start);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll);
  else startAll();
})();
