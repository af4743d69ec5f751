#include "report/page_assets.hpp"

namespace parcours::report {

std::string_view page_style() {
  return R"css(
:root { --ink: #1d2733; --muted: #5b6775; --line: #d9dee4; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f6f7f9; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 0 0 8px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
nav ol { margin: 4px 0 16px; padding-left: 20px; columns: 2; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px;
          margin: 16px 0; }
p { margin: 4px 0 10px; }
figure.chart { margin: 12px 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.chart-box { position: relative; height: 300px; }
.chart-box.tall { height: 440px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 8px 24px; }
label.variant { display: inline-block; margin: 4px 0 8px; color: var(--muted); }
/* Wide tables scroll inside their section; the first column (what the row is) and the header
   stay in view. */
.table-wrap { overflow: auto; max-width: 100%; max-height: 75vh; border: 1px solid var(--line); }
.table-wrap table { margin: 0; }
.table-wrap thead th { position: sticky; top: 0; z-index: 2; }
.table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; z-index: 1;
  background: #fff; box-shadow: 1px 0 0 var(--line); }
.table-wrap thead th:first-child { z-index: 3; background: #eef1f5; }
/* Sections break long words anywhere (no page overflow), but in a scrolling table that would
   shrink text columns to one letter: there, words stay whole and the table scrolls. */
.table-wrap th, .table-wrap td { overflow-wrap: normal; }
section { min-width: 0; overflow-wrap: anywhere; }
ul.legend { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap;
            gap: 2px 14px; font-size: 12px; }
ul.legend li { display: inline-flex; align-items: center; gap: 5px; }
ul.legend .swatch { display: inline-block; width: 24px; height: 12px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 24px; }
@media print { body { background: #fff; } section { break-inside: avoid; border: none; } }
)css";
}

std::string_view page_script() {
  return R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  // Sixteen colours, so that the pathway's fifteen flows never share one. Past sixteen series,
  // and for readers who do not tell colours apart, each series also has its own texture
  // (bars: solid, hatched, dotted, cross-hatched), line dash and point style.
  var palette = ['#1f5fa8', '#d9822b', '#2e9e5b', '#c23b3b', '#7b52ab', '#8c6d31', '#d45f9e',
                 '#5f6b7a', '#16a3b8', '#9aa82b', '#e0b300', '#3b3b98', '#a13d63', '#2f4f4f',
                 '#ff7f50', '#8fbc8f'];
  var dashes = [[], [6, 3], [2, 3], [10, 3, 2, 3], [14, 4]];
  var points = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'];
  var LEGEND_MAX = 6;  // more series than this: an HTML legend under the figure, never on it
  function texture(i, alpha) {
    var kind = Math.floor(i / palette.length) % 4;
    if (kind === 0 && alpha === undefined) return colour(i);
    var c = document.createElement('canvas');
    c.width = 8; c.height = 8;
    var g = c.getContext('2d');
    g.fillStyle = colour(i, alpha === undefined ? 0.35 : alpha);
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour(i); g.fillStyle = colour(i); g.lineWidth = 1.5;
    if (kind === 1 || kind === 3) { g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.stroke(); }
    if (kind === 3) { g.beginPath(); g.moveTo(0, 0); g.lineTo(8, 8); g.stroke(); }
    if (kind === 2) { g.beginPath(); g.arc(4, 4, 1.6, 0, 7); g.fill(); }
    if (kind === 0) return colour(i, alpha);
    return g.createPattern(c, 'repeat');
  }
  function colour(i, alpha) {
    var hex = palette[i % palette.length];
    if (alpha === undefined) return hex;
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }
  // A canvas counts as drawn once some pixel is not transparent.
  function hasInk(canvas) {
    if (!canvas.width || !canvas.height) return false;  // hidden: nothing to read yet
    var ctx = canvas.getContext('2d');
    var pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  }
  Chart.register({
    id: 'parcoursRendered',
    afterRender: function (chart) {
      var canvas = chart.canvas;
      if (canvas.getAttribute('data-rendered') !== 'true' && hasInk(canvas)) {
        canvas.setAttribute('data-rendered', 'true');
      }
    }
  });
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  var locale = document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA';
  function fmt(v) {
    return v === null || v === undefined ? '—' : Number(v).toLocaleString(locale, { maximumSignificantDigits: 4 });
  }

  // Counts and amounts (every mean at or above 0) are never drawn below 0: their interval
  // bounds are clipped there.
  function nonNegative(fig) {
    var ok = true;
    Object.keys(fig.variants).forEach(function (k) {
      fig.variants[k].series.forEach(function (s) {
        (s.data || []).forEach(function (v) { if (v !== null && v < 0) ok = false; });
      });
    });
    return ok;
  }
  function clip(values, floor) {
    if (!floor || !values) return values;
    return values.map(function (v) { return v === null ? null : Math.max(0, v); });
  }

  function datasets(spec, horizontal, floor) {
    var out = [];
    spec.series.forEach(function (s) {
      var c = s.color;
      var dash = dashes[c % dashes.length];
      var point = points[c % points.length];
      var low = clip(s.low, floor);
      var high = clip(s.high, floor);
      if (s.kind === 'band') {
        out.push({ label: s.label, data: low, borderWidth: 0, pointRadius: 0, fill: false,
                   band: true, backgroundColor: colour(c, 0.15) });
        out.push({ label: s.label, data: high, borderWidth: 0, pointRadius: 0, fill: '-1',
                   band: true, backgroundColor: colour(c, 0.15) });
        out.push({ label: s.label, data: s.data, borderColor: colour(c), backgroundColor: colour(c),
                   borderDash: dash, pointStyle: point, pointRadius: 3, borderWidth: 2,
                   fill: false });
      } else if (s.kind === 'interval') {
        // Not grouped: the interval is centred on its category, under the mean's marker.
        out.push({ type: 'bar', label: s.label, band: true, borderColor: colour(c), borderWidth: 1,
                   backgroundColor: texture(c, 0.3), grouped: !!spec.grouped, barPercentage: 0.8,
                   data: low.map(function (l, i) {
                     var h = high[i];
                     return l === null || h === null ? null : [l, h];
                   }) });
        // Grouped intervals (one per series in each category) show no separate mean marker:
        // a marker could not sit on its own bar.
        if (!spec.grouped) {
          out.push({ type: 'line', label: s.label, data: s.data, showLine: false, pointRadius: 4,
                     pointStyle: point, borderColor: colour(c), backgroundColor: colour(c),
                     indexAxis: horizontal ? 'y' : 'x' });
        }
      } else {
        out.push({ label: s.label, data: s.data, stack: s.stack, backgroundColor: texture(c),
                   borderColor: colour(c), borderWidth: 1, borderDash: dash, pointStyle: point,
                   pointRadius: 3, fill: false });
      }
    });
    return out;
  }

  function config(fig, variant) {
    var horizontal = !!fig.horizontal;
    var valueAxis = horizontal ? 'x' : 'y';
    var scales = { x: { stacked: !!fig.stacked }, y: { stacked: !!fig.stacked } };
    scales[horizontal ? 'y' : 'x'].ticks = { autoSkip: !fig.rows };
    scales[valueAxis].title = { display: !!fig.y_title, text: fig.y_title || '' };
    scales[valueAxis].ticks = { callback: function (v) { return fmt(v); } };
    var floor = nonNegative(fig);
    if (fig.type === 'line') scales.y.beginAtZero = false;
    if (floor && fig.type !== 'line') scales[valueAxis].min = 0;
    var many = variant.series.length > LEGEND_MAX;
    return {
      type: fig.type,
      data: { labels: variant.labels, datasets: datasets(variant, horizontal, floor) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: scales,
        plugins: {
          legend: { display: !many, labels: { usePointStyle: true, filter: function (item, chartData) {
            return !chartData.datasets[item.datasetIndex].band;
          } } },
          tooltip: { callbacks: { label: function (ctx) {
            var raw = ctx.raw;
            if (Array.isArray(raw)) return ctx.dataset.label + ': [' + fmt(raw[0]) + ' – ' + fmt(raw[1]) + ']';
            return ctx.dataset.label + ': ' + fmt(raw);
          } } }
        }
      }
    };
  }

  // The legend of a figure with many series: every entry, under the figure, with the same
  // colour, texture and dash as its series.
  function htmlLegend(canvas, variant) {
    var figure = canvas.closest('figure');
    var old = figure.querySelector('ul.legend');
    if (old) old.remove();
    if (variant.series.length <= LEGEND_MAX) return;
    var list = document.createElement('ul');
    list.className = 'legend';
    variant.series.forEach(function (s) {
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      var c = colour(s.color);
      var kind = Math.floor(s.color / palette.length) % 4;
      var light = colour(s.color, 0.35);
      swatch.style.background = [
        c,
        'repeating-linear-gradient(45deg,' + c + ' 0 2px,' + light + ' 2px 5px)',
        'radial-gradient(' + c + ' 1.5px,' + light + ' 1.6px) 0 0/5px 5px',
        'repeating-linear-gradient(45deg,' + c + ' 0 1.5px,transparent 1.5px 5px),' +
          'repeating-linear-gradient(-45deg,' + c + ' 0 1.5px,' + light + ' 1.5px 5px)'][kind];
      swatch.style.borderBottom = '3px ' +
          (dashes[s.color % dashes.length].length ? 'dashed ' : 'solid ') + c;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.label));
      list.appendChild(item);
    });
    figure.appendChild(list);
  }

  var charts = {};
  data.figures.forEach(function (fig) {
    var canvas = document.getElementById(fig.id);
    if (!canvas) return;
    if (fig.tall) canvas.parentNode.classList.add('tall');
    // One row per category (a forest plot of many indicators): every label stays readable.
    if (fig.rows) canvas.parentNode.style.height = Math.max(300, 22 * fig.rows + 100) + 'px';
    charts[fig.id] = { fig: fig, chart: new Chart(canvas, config(fig, fig.variants[fig.variant])) };
    htmlLegend(canvas, fig.variants[fig.variant]);
  });

  // A selector switches its figures to another variant (a group dimension, a year); a figure
  // without that variant keeps its default one.
  document.querySelectorAll('select[data-figures]').forEach(function (select) {
    select.addEventListener('change', function () {
      select.getAttribute('data-figures').split(' ').forEach(function (id) {
        var entry = charts[id];
        if (!entry) return;
        var variant = entry.fig.variants[select.value] || entry.fig.variants[entry.fig.variant];
        var fresh = config(entry.fig, variant);
        entry.chart.data = fresh.data;
        entry.chart.options = fresh.options;
        entry.chart.update();
        htmlLegend(entry.chart.canvas, variant);
      });
    });
  });
  document.documentElement.setAttribute('data-figures-drawn', String(Object.keys(charts).length));
})();
)js";
}

}  // namespace parcours::report
