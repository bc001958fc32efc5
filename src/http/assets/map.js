// Maps of Passerelle, on top of pages that work without them: the directory's, points (a listing's
// places), and a place's form. Every map draws the commune outlines first, so it stays readable
// offline or when the tile server is unreachable.
(() => {
  if (!window.L) return;
  var brussels = [50.8466, 4.3528];

  function baseMap(element) {
    element.textContent = '';
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 }).setView(brussels, 12);
    var tiles = element.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
    }
    map.getContainer().setAttribute('data-ready', 'true');
    return map;
  }

  function drawCommunes(map, url) {
    return fetch(url)
      .then((r) => (r.ok ? r.json() : null))
      .then((geojson) => {
        if (!geojson) return;
        L.geoJSON(geojson, {
          interactive: false,
          style: { color: '#0b5d5b', weight: 1, fillColor: '#0b5d5b', fillOpacity: 0.04 },
        }).addTo(map);
      })
      .catch(() => {});
  }

  function pickName(name, lang) {
    return name[lang] || name.fr || name.nl || name.en || '';
  }

  function directoryMap(element) {
    var map = baseMap(element);
    var lang = document.documentElement.lang;
    drawCommunes(map, element.dataset.communes);
    fetch(element.dataset.source, { headers: { accept: 'application/geo+json' } })
      .then((r) => r.json())
      .then((data) => {
        var group = L.markerClusterGroup
          ? L.markerClusterGroup({ showCoverageOnHover: false })
          : L.featureGroup();
        data.features.forEach((f) => {
          var c = f.geometry.coordinates;
          var name = pickName(f.properties.name, lang);
          var marker = L.marker([c[1], c[0]], { title: name, alt: name });
          var link = document.createElement('a');
          link.href = element.dataset.link + f.properties.organisation_id;
          link.textContent = name;
          marker.bindPopup(link);
          group.addLayer(marker);
        });
        group.addTo(map);
        element.setAttribute('data-markers', String(data.features.length));
      });
  }

  function pointsMap(element) {
    var map = baseMap(element);
    if (element.dataset.communes) drawCommunes(map, element.dataset.communes);
    var points = JSON.parse(element.dataset.points || '[]');
    var bounds = [];
    points.forEach((p) => {
      if (p.lat === null || p.lon === null) return;
      var popup = document.createTextNode(p.label);
      if (p.href) {
        popup = document.createElement('a');
        popup.href = p.href;
        popup.textContent = p.label;
      }
      L.marker([p.lat, p.lon], { title: p.label, alt: p.label }).bindPopup(popup).addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 16);
    else if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    element.setAttribute('data-markers', String(points.length));
  }

  function number(input) {
    var value = input ? Number(String(input.value).trim().replace(',', '.')) : NaN;
    return input && input.value.trim() && Number.isFinite(value) ? value : null;
  }

  /**
   * The map of a place's form: its marker stands where the place is, and moving it (drag, or a
   * click on the map) writes the latitude and longitude fields of the same form. Typing coordinates
   * moves the marker. Without JavaScript the coordinate fields work as they are.
   */
  function locationMap(element) {
    var form = element.closest('form');
    if (!form) return;
    var latField = form.querySelector('input[name$="-latitude"]');
    var lonField = form.querySelector('input[name$="-longitude"]');
    if (!latField || !lonField) return;
    // A map that is only offered with JavaScript (the signal form) is shown now, before it is drawn.
    var offer = element.closest('[data-map-pick]');
    if (offer) offer.hidden = false;
    var map = baseMap(element);
    if (element.dataset.communes) drawCommunes(map, element.dataset.communes);

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
  }

  function start() {
    L.Icon.Default.imagePath = '/assets/vendor/leaflet/images/';
    document.querySelectorAll('[data-map]').forEach((element) => {
      if (element.dataset.map === 'directory') directoryMap(element);
      else if (element.dataset.map === 'location') locationMap(element);
      else pointsMap(element);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
