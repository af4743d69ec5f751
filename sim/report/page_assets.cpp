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
.table-wrap { overflow-x: auto; }
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
  // Sixteen colours, so that the pathway's fifteen flows never share one.
  var palette = ['#1f5fa8', '#d9822b', '#2e9e5b', '#c23b3b', '#7b52ab', '#8c6d31', '#d45f9e',
                 '#5f6b7a', '#16a3b8', '#9aa82b', '#e0b300', '#3b3b98', '#a13d63', '#2f4f4f',
                 '#ff7f50', '#8fbc8f'];
  function colour(i, alpha) {
    var hex = palette[i % palette.length];
    if (alpha === undefined) return hex;
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }
  // A canvas counts as drawn once some pixel is not transparent.
  function hasInk(canvas) {
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

  function datasets(spec, horizontal) {
    var out = [];
    spec.series.forEach(function (s) {
      var c = s.color;
      if (s.kind === 'band') {
        out.push({ label: s.label, data: s.low, borderWidth: 0, pointRadius: 0, fill: false,
                   band: true, backgroundColor: colour(c, 0.15) });
        out.push({ label: s.label, data: s.high, borderWidth: 0, pointRadius: 0, fill: '-1',
                   band: true, backgroundColor: colour(c, 0.15) });
        out.push({ label: s.label, data: s.data, borderColor: colour(c), backgroundColor: colour(c),
                   pointRadius: 2, borderWidth: 2, fill: false });
      } else if (s.kind === 'interval') {
        // Not grouped: the interval is centred on its category, under the mean's marker.
        out.push({ type: 'bar', label: s.label, band: true, borderColor: colour(c), borderWidth: 1,
                   backgroundColor: colour(c, 0.3), grouped: false, barPercentage: 0.5,
                   data: s.low.map(function (l, i) {
                     var h = s.high[i];
                     return l === null || h === null ? null : [l, h];
                   }) });
        out.push({ type: 'line', label: s.label, data: s.data, showLine: false, pointRadius: 4,
                   pointStyle: 'rectRot', borderColor: colour(c), backgroundColor: colour(c),
                   indexAxis: horizontal ? 'y' : 'x' });
      } else {
        out.push({ label: s.label, data: s.data, stack: s.stack, backgroundColor: colour(c),
                   borderColor: colour(c), borderWidth: 1, pointRadius: 2, fill: false });
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
    if (fig.type === 'line') scales.y.beginAtZero = false;
    return {
      type: fig.type,
      data: { labels: variant.labels, datasets: datasets(variant, horizontal) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: scales,
        plugins: {
          legend: { labels: { filter: function (item, chartData) {
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

  var charts = {};
  data.figures.forEach(function (fig) {
    var canvas = document.getElementById(fig.id);
    if (!canvas) return;
    if (fig.tall) canvas.parentNode.classList.add('tall');
    // One row per category (a forest plot of many indicators): every label stays readable.
    if (fig.rows) canvas.parentNode.style.height = Math.max(300, 22 * fig.rows + 100) + 'px';
    charts[fig.id] = { fig: fig, chart: new Chart(canvas, config(fig, fig.variants[fig.variant])) };
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
        entry.chart.update();
      });
    });
  });
  document.documentElement.setAttribute('data-figures-drawn', String(Object.keys(charts).length));
})();
)js";
}

}  // namespace parcours::report
