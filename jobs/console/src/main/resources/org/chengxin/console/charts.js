// The console's charts, drawn with the ECharts it serves itself. Each chart is a <div data-chart=KIND
// data-source=ID> whose figures are the JSON block #ID (never run: the pages allow scripts only from
// the console's own files). Every chart has a table of the same figures on its page.
(function () {
  'use strict';

  var PATTERN_COLOURS = ['#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#7f7f7f'];
  var SCORE_COLOURS = { positive: '#9ecae1', neutral: '#c7c7c7', negative: '#636363' };
  var NODE_KINDS = ['this seller', 'seller', 'buyer', 'device key', 'IP key', 'address key', 'ring'];
  var NODE_SYMBOLS = { 'this seller': 'rect', seller: 'rect', buyer: 'circle', ring: 'roundRect' };

  var TARGET_PER_100K = 1;

  function per100k(rate) {
    return rate === null ? null : rate * 1e5;
  }

  // The tooltip of a chart whose series are named after warehouse values (patterns, kinds): names and
  // values written as text. ECharts 5.3.1's own axis tooltip does not escape every name (fixed in
  // 5.5.1), and the console serves 5.3.1; the marker is ECharts' coloured dot, drawn from our colours.
  function axisTooltip(items) {
    return [echarts.format.encodeHTML(String(items[0].axisValueLabel))].concat(items.map(function (item) {
      return item.marker + echarts.format.encodeHTML(item.seriesName + ': ' + item.value);
    })).join('<br>');
  }

  // A reliability diagram: {@code series} (one point or mark per bin) over the diagonal a calibrated
  // model would lie on, the tooltip naming each bin in {@code describe}'s words, as text.
  function reliability(bins, yName, describe, series) {
    return {
      tooltip: {
        formatter: function (p) {
          var b = bins[p.dataIndex];
          return p.seriesName === 'perfect calibration' ? 'perfect calibration'
            : echarts.format.encodeHTML('predicted ' + b.lower.toFixed(1) + '-' + b.upper.toFixed(1) + ': ' + describe(b));
        }
      },
      legend: { top: 0 },
      grid: { left: 55, right: 30, top: 35, bottom: 45 },
      xAxis: { type: 'value', name: 'mean predicted risk', nameLocation: 'middle', nameGap: 28, min: 0, max: 1 },
      yAxis: { type: 'value', name: yName, min: 0, max: 1 },
      series: [{ name: 'perfect calibration', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { type: 'dashed', color: '#999' } }]
        .concat(series)
    };
  }

  var drawings = {
    // One scope's dissatisfaction rate per 100,000 trades over the runs: the 95% interval as a band
    // (its lower bound, and the width stacked on it), the rate, the target line at 1, and the
    // probability that the rate is below the target on the right axis.
    dissatisfaction: function (data) {
      var lower = data.lower.map(per100k);
      return {
        tooltip: {
          trigger: 'axis',
          formatter: function (items) {
            var i = items[0].dataIndex;
            return echarts.format.encodeHTML(data.days[i] + ': ' + (data.rate[i] === null ? 'no trades'
              : (data.rate[i] * 1e5).toFixed(2) + ' per 100,000 (' + (data.lower[i] * 1e5).toFixed(2) + ' to '
                + (data.upper[i] * 1e5).toFixed(2) + ')') + ', ' + data.upheld[i] + ' upheld of ' + data.trades[i]
              + ' trades; P(below target) ' + data.probabilityMet[i].toFixed(3) + '; '
              + (data.met[i] ? 'target met' : data.tradesNeeded[i].toLocaleString() + ' clean trades still needed'));
          }
        },
        legend: { top: 0, data: ['rate', '95% interval', 'P(below target)'] },
        grid: { left: 55, right: 55, top: 35, bottom: 30 },
        xAxis: { type: 'category', data: data.days, boundaryGap: false },
        yAxis: [
          { type: 'value', name: 'per 100,000', min: 0 },
          { type: 'value', name: 'P(met)', min: 0, max: 1, splitLine: { show: false } }
        ],
        series: [
          { name: 'lower', type: 'line', data: lower, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 } },
          {
            name: '95% interval', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, color: '#9ecae1',
            areaStyle: { color: '#9ecae1', opacity: 0.5 },
            data: data.upper.map(function (u, i) { return lower[i] === null ? null : per100k(u) - lower[i]; })
          },
          {
            name: 'rate', type: 'line', data: data.rate.map(per100k), color: '#08519c', symbolSize: 5,
            markLine: {
              symbol: 'none', silent: true, lineStyle: { color: '#d62728', type: 'dashed' },
              label: { formatter: 'target: 1 per 100,000', position: 'insideEndTop' }, data: [{ yAxis: TARGET_PER_100K }]
            }
          },
          { name: 'P(below target)', type: 'line', yAxisIndex: 1, data: data.probabilityMet, color: '#31a354', lineStyle: { type: 'dotted' } }
        ]
      };
    },

    // Counts per day in named series: bars, stacked when the series are parts of one whole.
    daily: function (data) {
      return {
        aria: { enabled: true, decal: { show: data.stacked } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 50, right: 20, top: 40, bottom: 60 },
        dataZoom: [{ type: 'slider', bottom: 10 }, { type: 'inside' }],
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(function (s) {
          return { name: s.name, type: 'bar', stack: data.stacked ? 'all' : undefined, data: s.counts };
        })
      };
    },

    // The risk model's reliability on its held-out sellers: observed fraudulent share against the
    // mean prediction per bin (point size: sellers).
    calibration: function (data) {
      var most = Math.max.apply(null, data.bins.map(function (b) { return b.sellers; }));
      return reliability(data.bins, 'observed fraudulent share', function (b) {
        return b.sellers + ' sellers, mean ' + b.meanPredicted.toFixed(3) + ', observed ' + b.observedRate.toFixed(3);
      }, [{
        name: data.modelVersion, type: 'scatter', color: '#d62728',
        data: data.bins.map(function (b) { return [b.meanPredicted, b.observedRate]; }),
        symbolSize: function (value, p) { return 6 + 24 * Math.sqrt(data.bins[p.dataIndex].sellers / most); }
      }]);
    },

    // The same on reviewers' decisions: the share of decided cases confirmed per bin (point size:
    // cases), with its 95% Wilson interval as a vertical bar.
    'decided-calibration': function (data) {
      var most = Math.max.apply(null, data.bins.map(function (b) { return b.cases; }));
      return reliability(data.bins, 'share confirmed', function (b) {
        return b.cases + ' decided cases, mean ' + b.meanPredicted.toFixed(3) + ', confirmed ' + b.confirmedShare.toFixed(3)
          + ' (95%: ' + b.intervalLower.toFixed(3) + ' to ' + b.intervalUpper.toFixed(3) + ')';
      }, [
        {
          name: '95% interval (Wilson)', type: 'custom', color: '#555',
          data: data.bins.map(function (b) { return [b.meanPredicted, b.intervalLower, b.intervalUpper]; }),
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            return { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: '#555', lineWidth: 1.5 } };
          }
        },
        {
          name: 'confirmed share', type: 'scatter', color: '#d62728',
          data: data.bins.map(function (b) { return [b.meanPredicted, b.confirmedShare]; }),
          symbolSize: function (value, p) { return 6 + 24 * Math.sqrt(data.bins[p.dataIndex].cases / most); }
        }
      ]);
    },

    // The seller's ratings per day, stacked: unflagged by score, flagged by pattern. The flagged
    // stacks also carry a fill pattern (aria decals), so they read apart in grey print too.
    ratings: function (data) {
      var pattern = 0;
      return {
        aria: { enabled: true, decal: { show: true } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
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
