// The console's charts, drawn with the ECharts it serves itself. Each chart is a <div data-chart=KIND
// data-source=ID> whose figures are the JSON block #ID (never run: the pages allow scripts only from
// the console's own files). Every chart has a table of the same figures on its page.
(function () {
  'use strict';

  var PATTERN_COLOURS = ['#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#7f7f7f'];
  var SCORE_COLOURS = { positive: '#9ecae1', neutral: '#c7c7c7', negative: '#636363' };
  var NODE_KINDS = ['this seller', 'seller', 'buyer', 'device key', 'IP key', 'address key', 'ring'];
  var NODE_SYMBOLS = { 'this seller': 'rect', seller: 'rect', buyer: 'circle', ring: 'roundRect' };

  var drawings = {
    // The seller's ratings per day, stacked: unflagged by score, flagged by pattern. The flagged
    // stacks also carry a fill pattern (aria decals), so they read apart in grey print too.
    ratings: function (data) {
      var pattern = 0;
      return {
        aria: { enabled: true, decal: { show: true } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 50, right: 20, top: 40, bottom: 60 },
        dataZoom: [{ type: 'slider', bottom: 10 }, { type: 'inside' }],
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', name: 'ratings', minInterval: 1 },
        series: data.series.map(function (s) {
          return {
            name: s.flagged ? 'flagged: ' + s.kind : s.kind,
            type: 'bar',
            stack: 'ratings',
            data: s.counts,
            itemStyle: s.flagged
              ? { color: PATTERN_COLOURS[pattern++ % PATTERN_COLOURS.length] }
              : { color: SCORE_COLOURS[s.kind] || '#aaaaaa', decal: { symbol: 'none' } }
          };
        })
      };
    },

    // The rings: members, the sellers the buyers traded with (link width: trades), and the keys two
    // or more buyers share. Laid out at once rather than animated: a still picture to read.
    'ring-graph': function (data) {
      var widest = Math.max.apply(null, [1].concat(data.links.map(function (l) { return l.trades; })));
      return {
        tooltip: {
          formatter: function (p) {
            return p.dataType === 'edge'
              ? (p.data.trades ? p.data.trades + ' trades' : 'uses the key')
              : echarts.format.encodeHTML(p.data.name + ' (' + NODE_KINDS[p.data.category] + ')');
          }
        },
        legend: { top: 0, data: NODE_KINDS.filter(function (k) { return data.nodes.some(function (n) { return n.kind === k; }); }) },
        series: [{
          type: 'graph',
          layout: 'force',
          top: 40,
          roam: true,
          draggable: true,
          force: { repulsion: 140, edgeLength: [30, 110], gravity: 0.08, layoutAnimation: false },
          zoom: data.nodes.length < 20 ? 2 : 1,
          categories: NODE_KINDS.map(function (k) { return { name: k }; }),
          label: { show: data.nodes.length <= 60, position: 'right', fontSize: 10 },
          data: data.nodes.map(function (n) {
            return {
              id: n.id,
              name: n.label,
              category: NODE_KINDS.indexOf(n.kind),
              symbol: NODE_SYMBOLS[n.kind] || 'diamond',
              symbolSize: n.kind === 'this seller' ? 26 : 8 + 14 * n.weight
            };
          }),
          links: data.links.map(function (l) {
            return {
              source: l.source,
              target: l.target,
              trades: l.trades,
              lineStyle: l.trades ? { width: 1 + 4 * l.trades / widest, opacity: 0.6 } : { type: 'dashed', opacity: 0.5 }
            };
          })
        }]
      };
    }
  };

  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var drawing = drawings[element.getAttribute('data-chart')];
    var source = document.getElementById(element.getAttribute('data-source'));
    if (!drawing || !source) {
      return;
    }
    var chart = echarts.init(element);
    chart.setOption(drawing(JSON.parse(source.textContent)));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
