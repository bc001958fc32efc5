// The evidence map on Leaflet, when JavaScript and Leaflet are there: the same colours as the map
// drawn by the server (read from its areas), on the tiles, with the name and figure of each area
// on hover or tap. Without it, the server's SVG map stays.
(() => {
  if (!window.L) return;
  document.querySelectorAll('.evidence-map[data-outlines]').forEach((element) => {
    var svg = element.querySelector('svg.choropleth');
    if (!svg) return;
    var areas = {};
    svg.querySelectorAll('.area').forEach((area) => {
      var title = area.querySelector('title');
      var fill = area.getAttribute('fill') || '';
      areas[area.dataset.code] = {
        fill: fill.indexOf('url(') === 0 ? 'hidden' : fill,
        title: title ? title.textContent : '',
      };
    });
    var code = element.dataset.level === 'commune' ? 'nis' : 'code';
    // The legend's hatching, drawn in the page, also marks hidden areas on Leaflet.
    var legend = element.parentNode.querySelector('.legend[data-hatch]');
    var hatch = legend ? 'url(#' + legend.dataset.hatch + ')' : '#9e9e9e';
    fetch(element.dataset.outlines)
      .then((r) => (r.ok ? r.json() : null))
      .then((geojson) => {
        if (!geojson) return;
        var host = document.createElement('div');
        host.className = 'leaflet-host';
        element.insertBefore(host, svg);
        var map = L.map(host, { scrollWheelZoom: false, maxZoom: 17, zoomSnap: 0.25 });
        if (element.dataset.tiles) L.tileLayer(element.dataset.tiles, { maxZoom: 17 }).addTo(map);
        var layer = L.geoJSON(geojson, {
          style: (feature) => {
            var area = areas[String(feature.properties[code])] || {};
            var hidden = area.fill === 'hidden';
            return {
              color: '#1d2327',
              weight: 1,
              dashArray: hidden ? '4 3' : null,
              fillColor: hidden ? hatch : area.fill || '#ffffff',
              fillOpacity: hidden ? 1 : 0.75,
            };
          },
          onEachFeature: (feature, shape) => {
            var area = areas[String(feature.properties[code])];
            // As text, never as HTML: a place's name is data (Leaflet puts a string in as HTML).
            if (area && area.title) {
              var text = document.createElement('span');
              text.textContent = area.title;
              shape.bindTooltip(text, { sticky: true });
            }
          },
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [4, 4] });
        element.classList.add('has-leaflet');
        element.setAttribute('data-ready', 'true');
      })
      .catch(() => {});
  });
})();
