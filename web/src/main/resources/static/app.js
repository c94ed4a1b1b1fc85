// The map page: leaders' view (heatmap, hot spots, ranking), planners' workbench (site suggestions)
// and the researchers' links. Plain browser JavaScript over the API; every asset is served locally.
(function () {
  'use strict';

  const state = {
    lang: localStorage.getItem('cg.lang') || 'zh',
    tab: 'leader',
    categories: 'all',
    months: [],
    monthIndex: 0,
    compare: false,
    area: '',
    config: null,
    ranking: [],
    rankingSort: { key: 'casesPerKm2', desc: true },
    scenarios: [],
    picked: [],
    // The bearer token lives in this tab's sessionStorage only: closing the tab signs out.
    token: sessionStorage.getItem('cg.token') || '',
    role: 'public'
  };

  const ROLES = ['public', 'researcher', 'planner', 'leader', 'admin'];
  const atLeast = (role) => ROLES.indexOf(state.role) >= ROLES.indexOf(role);

  const $ = (id) => document.getElementById(id);
  const t = (key) => (window.CG_TEXT[state.lang] || {})[key] || (window.CG_TEXT.zh[key] || key);
  const fmt = (v, digits = 1) => v === null || v === undefined || Number.isNaN(v) ? '–'
    : Number(v).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });

  // ---------------------------------------------------------------- errors and requests

  function showError(message) {
    const box = $('error');
    box.textContent = t('error.prefix') + message;
    box.hidden = false;
  }

  function clearError() { $('error').hidden = true; }

  function authHeaders(extra) {
    const h = { ...(extra || {}) };
    if (state.token) h.Authorization = 'Bearer ' + state.token;
    return h;
  }

  async function api(path, options) {
    const opts = { ...(options || {}) };
    opts.headers = authHeaders(opts.headers);
    const res = await fetch(path, opts);
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json() : await res.text();
    if (res.status === 401 && state.token) {
      signOut();
      throw new Error(t('auth.rejected'));
    }
    if (!res.ok) {
      const detail = body && body.detail ? body.detail : (body && body.title) || res.status + ' ' + res.statusText;
      throw new Error(detail);
    }
    return body;
  }

  // A file from the API with the token (a plain link could not send the Authorization header).
  async function download(url) {
    clearError();
    try {
      const res = await fetch(url, { headers: authHeaders() });
      if (!res.ok) {
        const body = await res.json().catch(() => ({}));
        throw new Error(body.detail || res.status + ' ' + res.statusText);
      }
      const name = ((res.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/) || [])[1]
        || url.split('?')[0].split('/').pop();
      const href = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10000);
    } catch (e) {
      showError(e.message);
    }
  }

  // ---------------------------------------------------------------- sign-in

  async function loadRole() {
    try {
      state.role = (await api('/api/v1/me')).role || 'public';
    } catch (e) {
      state.role = 'public';
      showError(e.message);
    }
    applyRole();
  }

  function applyRole() {
    const signedIn = !!state.token;
    $('whoami').textContent = signedIn ? t('auth.as') + t('role.' + state.role) : t('auth.public');
    $('signInButton').hidden = signedIn;
    $('signOutButton').hidden = !signedIn;
    $('signInForm').hidden = true;
    $('plannerSignIn').hidden = atLeast('planner');
    $('plannerForm').hidden = !atLeast('planner');
    $('researchSignIn').hidden = atLeast('researcher');
    $('rankingCsv').hidden = !atLeast('researcher');
    if (state.tab === 'planner' && atLeast('planner')) loadScenarios();
    if (state.tab === 'research') loadCollections();
  }

  async function signIn(token) {
    state.token = token.trim();
    if (state.token) sessionStorage.setItem('cg.token', state.token);
    $('token').value = '';
    clearError();
    await loadRole();
    refreshLeader(); // a signed-in view is not suppressed: redraw with the full figures
  }

  function signOut() {
    state.token = '';
    state.role = 'public';
    sessionStorage.removeItem('cg.token');
    siteLayer.clearLayers();
    applyRole();
    refreshLeader();
  }

  function showSignIn() {
    $('signInForm').hidden = false;
    $('signInButton').hidden = true;
    $('token').focus();
  }

  // Leaflet loads tiles with <img>, which cannot send a header: fetch each tile with the token and show it
  // from an object URL, revoked as soon as the image has decoded it. data-src keeps the tile's API URL.
  const AuthTileLayer = L.TileLayer.extend({
    createTile(coords, done) {
      const img = document.createElement('img');
      img.alt = '';
      img.setAttribute('role', 'presentation');
      const url = this.getTileUrl(coords);
      img.dataset.src = url;
      fetch(url, { headers: authHeaders() })
        .then((res) => { if (!res.ok) throw new Error('tile ' + res.status); return res.blob(); })
        .then((blob) => {
          const href = URL.createObjectURL(blob);
          img.onload = () => { URL.revokeObjectURL(href); done(null, img); };
          img.onerror = () => { URL.revokeObjectURL(href); done(new Error('tile image'), img); };
          img.src = href;
        })
        .catch((e) => done(e, img));
      return img;
    }
  });

  function period() {
    const month = state.months[state.monthIndex];
    return month ? { from: month, to: month } : {};
  }

  function filterQuery(extra) {
    const q = new URLSearchParams({ categories: state.categories, ...period(), ...(extra || {}) });
    if (state.area) q.set('area', state.area);
    return q.toString();
  }

  // ---------------------------------------------------------------- GCJ-02 for Chinese base maps

  // A base map in GCJ-02 (AutoNavi, Tencent) is offset 300-700 m from WGS-84: overlays are shifted the same way.
  const GCJ = (function () {
    const A = 6378245.0, EE = 0.00669342162296594323;
    function outOfChina(lon, lat) { return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271; }
    function dLat(x, y) {
      let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
      r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
      r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
      r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
      return r;
    }
    function dLon(x, y) {
      let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
      r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
      r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
      r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
      return r;
    }
    return function wgsToGcj(lon, lat) {
      if (outOfChina(lon, lat)) return [lon, lat];
      const rad = lat / 180 * Math.PI;
      let magic = Math.sin(rad); magic = 1 - EE * magic * magic;
      const sq = Math.sqrt(magic);
      const la = dLat(lon - 105, lat - 35) * 180 / ((A * (1 - EE)) / (magic * sq) * Math.PI);
      const lo = dLon(lon - 105, lat - 35) * 180 / (A / sq * Math.cos(rad) * Math.PI);
      return [lon + lo, lat + la];
    };
  })();

  function gcjBase() { return state.config && state.config.baseMapCrs === 'gcj02'; }

  function toLatLng(coords) {
    if (gcjBase()) {
      const g = GCJ(coords[0], coords[1]);
      return L.latLng(g[1], g[0]);
    }
    return L.latLng(coords[1], coords[0]);
  }

  // ---------------------------------------------------------------- map and layers

  const map = L.map('map', { zoomControl: true }).setView([22.6, 114.05], 10);
  map.createPane('heat').style.zIndex = 350;
  map.createPane('cells').style.zIndex = 420;
  let heatLayer = null;
  let hotLayer = null;
  let emergingLayer = null;
  let areaLayer = null;
  let siteLayer = L.layerGroup().addTo(map);

  function addBaseMap() {
    const c = state.config;
    if (c && c.baseMapUrl) {
      L.tileLayer(c.baseMapUrl, { attribution: c.baseMapAttribution || '', maxZoom: 18 }).addTo(map);
    }
    // Without a base map the district boundaries and a light graticule still orient the user.
    const grid = L.layerGroup();
    for (let lon = 113.5; lon <= 114.8; lon += 0.1) {
      L.polyline([[22.3, lon], [22.95, lon]], { color: '#c9d1da', weight: 0.5, interactive: false }).addTo(grid);
    }
    for (let lat = 22.3; lat <= 22.95; lat += 0.05) {
      L.polyline([[lat, 113.5], [lat, 114.8]], { color: '#c9d1da', weight: 0.5, interactive: false }).addTo(grid);
    }
    if (!c || !c.baseMapUrl) grid.addTo(map);
  }

  // Tiles of a GCJ-02 base map sit offset from ours; shifting the heatmap pane by the offset at the
  // centre of the view is exact to a few metres across a city-sized view.
  function shiftHeatPane() {
    const pane = map.getPane('heat');
    if (!gcjBase()) { pane.style.transform = ''; return; }
    const c = map.getCenter();
    const g = GCJ(c.lng, c.lat);
    const a = map.latLngToLayerPoint(c);
    const b = map.latLngToLayerPoint(L.latLng(g[1], g[0]));
    pane.style.transform = 'translate(' + (b.x - a.x) + 'px,' + (b.y - a.y) + 'px)';
  }
  map.on('moveend zoomend', shiftHeatPane);

  function refreshHeat() {
    if (heatLayer) { map.removeLayer(heatLayer); heatLayer = null; }
    if (!$('showHeat').checked) { $('legend').innerHTML = ''; return; }
    heatLayer = new AuthTileLayer('/tiles/heatmap/{z}/{x}/{y}.png?' + filterQuery(), {
      pane: 'heat', opacity: 0.75, maxZoom: 18, className: 'heat-tiles'
    }).addTo(map);
    shiftHeatPane();
    api('/api/v1/heatmap/legend?' + filterQuery()).then(drawLegend).catch((e) => showError(e.message));
  }

  function drawLegend(legend) {
    const stops = legend.stops || [];
    const ramp = stops.map((s) => s.colour);
    const box = $('legend');
    box.innerHTML = '';
    const bar = document.createElement('div');
    bar.className = 'ramp';
    bar.style.background = 'linear-gradient(90deg,' + (ramp.length ? ramp.join(',') : '#fff,#b00') + ')';
    const ticks = document.createElement('div');
    ticks.className = 'ticks';
    const shown = stops.length > 4 ? [stops[0], stops[Math.floor(stops.length / 2)], stops[stops.length - 1]] : stops;
    shown.forEach((s) => { const span = document.createElement('span'); span.textContent = fmt(s.value, 1); ticks.appendChild(span); });
    const unit = document.createElement('div');
    unit.className = 'muted';
    unit.textContent = t('legend.unit') + (legend.bandwidthMetres ? ' · h = ' + fmt(legend.bandwidthMetres, 0) + ' m' : '');
    box.append(bar, ticks, unit);
  }

  const HOT_COLOURS = { 3: '#d7191c', 2: '#f46d43', 1: '#fdae61', 0: null, '-1': '#abd9e9', '-2': '#74add1', '-3': '#2c7bb6' };

  function refreshHotspots() {
    if (hotLayer) { map.removeLayer(hotLayer); hotLayer = null; }
    if (!$('showHot').checked) return;
    const path = state.compare ? '/api/v1/hotspots/compare?' : '/api/v1/hotspots?';
    const q = state.compare
      ? new URLSearchParams({ categories: state.categories, period: state.months[state.monthIndex] || '', resolution: 8 })
      : new URLSearchParams(filterQuery({ resolution: 8, k: 'auto', fdr: 'true' }));
    if (state.area) q.set('area', state.area);
    api(path + q).then((geo) => {
      hotLayer = L.geoJSON(geo, {
        pane: 'cells',
        coordsToLatLng: toLatLng,
        filter: (f) => state.compare ? !!transition(f.properties) : (f.properties.bin || 0) !== 0,
        style: (f) => {
          const p = f.properties;
          if (state.compare) {
            const tr = transition(p);
            return { color: '#333', weight: tr === 'gone' ? 1.5 : 0.5, dashArray: tr === 'gone' ? '4 3' : null,
              fillColor: tr === 'new' ? '#d7191c' : tr === 'persisting' ? '#fdae61' : '#999', fillOpacity: tr === 'gone' ? 0.1 : 0.55 };
          }
          return { color: '#555', weight: 0.3, fillColor: HOT_COLOURS[p.bin] || '#999', fillOpacity: 0.6 };
        },
        onEachFeature: (f, layer) => layer.bindPopup(() => hotPopup(f.properties))
      }).addTo(map);
    }).catch((e) => showError(e.message));
  }

  function transition(p) {
    const v = (p.transition || '').toLowerCase();
    return v === 'new' || v === 'gone' || v === 'persisting' ? v : null;
  }

  function hotPopup(p) {
    const lines = [];
    if (state.compare) {
      lines.push('<b>' + t('compare.' + transition(p)) + '</b>');
      if (p.previous !== undefined) lines.push(fmt(p.previous, 0) + ' → ' + fmt(p.current, 0));
    } else {
      lines.push('<b>' + t('hot.' + (p.bin || 0)) + '</b>');
      lines.push('z = ' + fmt(p.z, 2) + ', p = ' + (p.p === undefined ? '–' : Number(p.p).toPrecision(2)));
      lines.push(t('rank.cases') + ': ' + fmt(p.value, 0));
    }
    return lines.join('<br>');
  }

  function refreshEmerging() {
    if (emergingLayer) { map.removeLayer(emergingLayer); emergingLayer = null; }
    if (!$('showEmerging').checked) return;
    const q = new URLSearchParams({ categories: state.categories, resolution: 8, step: 'month' });
    api('/api/v1/hotspots/emerging?' + q).then((geo) => {
      emergingLayer = L.geoJSON(geo, {
        pane: 'cells',
        coordsToLatLng: toLatLng,
        filter: (f) => emergingCode(f.properties) !== 0,
        style: (f) => {
          const c = emergingCode(f.properties);
          return { color: c > 0 ? '#8b0000' : '#00308f', weight: 1.2, fillOpacity: 0.15 + 0.05 * Math.abs(c),
            fillColor: c > 0 ? '#ff7f50' : '#6495ed' };
        },
        onEachFeature: (f, layer) => {
          const c = emergingCode(f.properties);
          const label = c < 0 ? t('emerging.' + (-c)).replace('热点', '冷点').replace('hot spot', 'cold spot') : t('emerging.' + c);
          layer.bindPopup(label);
        }
      }).addTo(map);
    }).catch((e) => showError(e.message));
  }

  function emergingCode(p) { return p.code || 0; }

  function loadAreas() {
    return api('/api/v1/collections/areas/items?level=district&limit=100').then((geo) => {
      const select = $('district');
      (geo.features || []).forEach((f) => {
        const o = document.createElement('option');
        o.value = f.id !== undefined ? f.id : f.properties.code;
        o.textContent = f.properties.name;
        select.appendChild(o);
      });
      areaLayer = L.geoJSON(geo, {
        coordsToLatLng: toLatLng,
        style: { color: '#0f3d63', weight: 1.5, fill: true, fillOpacity: 0 },
        onEachFeature: (f, layer) => layer.on('click', () => showArea(f))
      }).addTo(map);
      if (areaLayer.getBounds().isValid()) map.fitBounds(areaLayer.getBounds());
    });
  }

  // ---------------------------------------------------------------- ranking and details

  const RANK_COLUMNS = [
    ['name', 'rank.area'], ['cases', 'rank.cases'], ['casesPerKm2', 'rank.density'], ['changePct', 'rank.change'],
    ['closureRate', 'rank.closure'], ['onTimeClosureRate', 'rank.ontime'], ['meanHandlingHours', 'rank.hours']
  ];

  function rankingQuery(extra) {
    const q = new URLSearchParams({ level: 'district', period: state.months[state.monthIndex] || '', categories: state.categories, ...(extra || {}) });
    return q.toString();
  }

  function refreshRanking() {
    $('rankingCsv').dataset.download = '/api/v1/rankings?' + rankingQuery({ f: 'csv' });
    $('rankingCsv').href = '#';
    api('/api/v1/rankings?' + rankingQuery()).then((body) => {
      state.ranking = body.areas || [];
      drawRanking();
    }).catch((e) => showError(e.message));
  }

  function rowValue(row, key) { return row[key]; }

  function drawRanking() {
    const head = $('ranking').tHead;
    const body = $('ranking').tBodies[0];
    head.innerHTML = '';
    body.innerHTML = '';
    const tr = document.createElement('tr');
    RANK_COLUMNS.forEach(([key, label]) => {
      const th = document.createElement('th');
      th.textContent = t(label) + (state.rankingSort.key === key ? (state.rankingSort.desc ? ' ▼' : ' ▲') : '');
      th.dataset.key = key;
      th.addEventListener('click', () => {
        state.rankingSort = { key, desc: state.rankingSort.key === key ? !state.rankingSort.desc : true };
        drawRanking();
      });
      tr.appendChild(th);
    });
    head.appendChild(tr);
    const { key, desc } = state.rankingSort;
    const rows = state.ranking.slice().sort((a, b) => {
      const x = rowValue(a, key), y = rowValue(b, key);
      const c = typeof x === 'string' ? x.localeCompare(y) : (x || 0) - (y || 0);
      return desc ? -c : c;
    });
    rows.forEach((row) => {
      const r = document.createElement('tr');
      RANK_COLUMNS.forEach(([k]) => {
        const td = document.createElement('td');
        const v = rowValue(row, k);
        // Rates come as fractions, the change as a percentage.
        td.textContent = k === 'name' ? v : /Rate$/.test(k) ? fmt(v === null ? null : v * 100, 1) + '%'
          : k === 'changePct' ? (v > 0 ? '+' : '') + fmt(v, 1) + '%' : fmt(v, 1);
        r.appendChild(td);
      });
      r.addEventListener('click', () => showRankingRow(row));
      body.appendChild(r);
    });
    drawRankingChart(rows);
  }

  function drawRankingChart(rows) {
    const width = 350, barH = 14;
    const max = Math.max(1, ...rows.map((r) => rowValue(r, 'casesPerKm2') || 0));
    const svg = ['<svg width="' + width + '" height="' + (rows.length * (barH + 3)) + '" role="img">'];
    rows.forEach((r, i) => {
      const w = Math.round((rowValue(r, 'casesPerKm2') || 0) / max * (width - 120));
      svg.push('<text x="0" y="' + (i * (barH + 3) + 11) + '" font-size="11">' + escapeHtml(rowValue(r, 'name') || '') + '</text>');
      svg.push('<rect class="bar" x="80" y="' + (i * (barH + 3)) + '" width="' + w + '" height="' + barH + '"></rect>');
      svg.push('<text x="' + (84 + w) + '" y="' + (i * (barH + 3) + 11) + '" font-size="10">' + fmt(rowValue(r, 'casesPerKm2'), 0) + '</text>');
    });
    svg.push('</svg>');
    $('rankingChart').innerHTML = svg.join('');
  }

  function showRankingRow(row) {
    const lines = RANK_COLUMNS.slice(1).map(([k, label]) => t(label) + ': ' + fmt(rowValue(row, k), 2));
    const top = rowValue(row, 'topCategories');
    if (top) lines.push(t('rank.top') + ': ' + top.map((c) => c.code + ' (' + c.cases + ')').join(', '));
    $('details').innerHTML = '<h2>' + escapeHtml(rowValue(row, 'name') || '') + '</h2>' + lines.map(escapeHtml).join('<br>');
  }

  function showArea(feature) {
    const row = state.ranking.find((r) => rowValue(r, 'name') === feature.properties.name);
    if (row) showRankingRow(row);
    else $('details').innerHTML = '<h2>' + escapeHtml(feature.properties.name || '') + '</h2>' + t('noData');
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // ---------------------------------------------------------------- planners' workbench

  function planRequest() {
    const kind = $('planKind').value;
    const body = { p: parseInt($('planP').value, 10), radiusM: parseFloat($('planRadius').value),
      candidateSource: $('planSource').value, ...period() };
    if (kind === 'vendor-zones') {
      body.minSpacingM = parseFloat($('planSpacing').value);
      body.eveningWeight = parseFloat($('planEvening').value);
    } else {
      body.objective = $('planObjective').value;
      if (body.objective === 'target') { body.targetPct = parseFloat($('planTarget').value); delete body.p; }
    }
    return { kind, body };
  }

  async function runPlan() {
    clearError();
    const { kind, body } = planRequest();
    const file = $('planCandidates').files[0];
    if (file) {
      try { body.candidates = JSON.parse(await file.text()); } catch (e) { showError('GeoJSON: ' + e.message); return; }
      body.candidateSource = 'request';
    }
    $('planRun').disabled = true;
    $('planStatus').innerHTML = t('plan.running') + '<div class="progress"></div>';
    const started = performance.now();
    try {
      const answer = await api('/api/v1/suggestions/' + kind, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
      $('planStatus').textContent = t('plan.done') + ' (' + fmt((performance.now() - started) / 1000, 1) + ' s)'
        + (answer.message ? ' – ' + answer.message : '');
      drawAnswer(answer, body.radiusM);
      loadScenarios();
    } catch (e) {
      $('planStatus').textContent = '';
      showError(e.message);
    } finally {
      $('planRun').disabled = false;
    }
  }

  function drawAnswer(answer, radius) {
    siteLayer.clearLayers();
    const list = $('planSites');
    list.innerHTML = '';
    (answer.sites || []).forEach((s) => {
      const ll = toLatLng([s.lon, s.lat]);
      const existing = s.role === 'existing';
      L.circle(ll, { radius: radius || 300, color: existing ? '#555' : '#0a7d32', weight: 1, fillOpacity: existing ? 0.05 : 0.12 }).addTo(siteLayer);
      L.circleMarker(ll, { radius: existing ? 4 : 7, color: '#fff', weight: 1.5, fillColor: existing ? '#555' : '#0a7d32', fillOpacity: 1, className: 'suggested-site' })
        .bindPopup(escapeHtml(s.name || s.key || '') + '<br>' + escapeHtml(s.reason || '')).addTo(siteLayer);
      if (!existing) {
        const li = document.createElement('li');
        li.className = 'site';
        li.innerHTML = '<b>' + escapeHtml(s.name || s.key || '') + '</b> · ' + fmt(s.casesInReach, 0) + ' ' + t('plan.cases')
          + ' · +' + fmt(s.coveragePct, 1) + '%<div class="muted">' + escapeHtml(s.reason || '') + '</div>';
        li.addEventListener('click', () => map.setView(ll, 15));
        list.appendChild(li);
      }
    });
    const tot = answer.totals || {};
    $('planTotals').innerHTML = [
      t('plan.coverageBefore') + ': ' + fmt(tot.coverageBeforePct, 1) + '%',
      t('plan.coverageAfter') + ': ' + fmt(tot.coverageAfterPct, 1) + '%',
      t('plan.gap') + ': ' + fmt(tot.gapPct, 2) + '%'
    ].join('<br>') + (answer.id ? '<br>' + t('plan.export') + ': <a href="#" data-download="/api/v1/suggestions/' + answer.id + '.geojson">GeoJSON</a> · <a href="#" data-download="/api/v1/suggestions/' + answer.id + '.csv">CSV</a>' : '');
    if (siteLayer.getLayers().length) map.fitBounds(L.featureGroup(siteLayer.getLayers()).getBounds().pad(0.2));
  }

  function loadScenarios() {
    api('/api/v1/suggestions').then((list) => {
      state.scenarios = list;
      const ul = $('scenarios');
      ul.innerHTML = '';
      state.scenarios.slice(0, 20).forEach((s) => {
        const li = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.addEventListener('change', () => pickScenario(s.id, box.checked));
        const label = document.createElement('span');
        label.textContent = ' #' + s.id + ' ' + (s.kind || '') + ' ' + (s.model || '') + ' · ' + fmt(s.coveragePct, 1) + '%';
        label.style.cursor = 'pointer';
        label.addEventListener('click', () => api('/api/v1/suggestions/' + s.id).then((a) => drawAnswer(a, (a.parameters || {}).radiusM)));
        li.append(box, label);
        ul.appendChild(li);
      });
    }).catch((e) => showError(e.message));
  }

  function pickScenario(id, on) {
    state.picked = state.picked.filter((x) => x !== id);
    if (on) state.picked.push(id);
    if (state.picked.length === 2) {
      api('/api/v1/suggestions/compare?a=' + state.picked[0] + '&b=' + state.picked[1]).then((c) => {
        const side = (s) => '#' + s.id + ' ' + s.model + ': ' + fmt(s.totals.coverageAfterPct, 1) + '%';
        $('scenarioCompare').innerHTML = '<b>' + t('plan.compare') + '</b><br>' + escapeHtml(side(c.a)) + '<br>' + escapeHtml(side(c.b))
          + (c.coverageDifferencePct !== undefined && c.coverageDifferencePct !== null ? '<br>Δ ' + fmt(c.coverageDifferencePct, 1) + '%' : '');
      }).catch((e) => showError(e.message));
    }
  }

  // ---------------------------------------------------------------- researchers

  function loadCollections() {
    api('/api/v1/collections').then((body) => {
      const ul = $('collections');
      ul.innerHTML = '';
      (body.collections || []).forEach((c) => {
        const li = document.createElement('li');
        const items = '/api/v1/collections/' + encodeURIComponent(c.id) + '/items';
        li.innerHTML = escapeHtml(c.title || c.id) + ': <a href="#" data-download="' + items + '">GeoJSON</a> · '
          + '<a href="#" data-download="' + items + '?f=csv">CSV</a>';
        ul.appendChild(li);
      });
    }).catch((e) => showError(e.message));
  }

  // ---------------------------------------------------------------- wiring

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    applyRole();
    $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
    fillCategories();
    if (state.ranking.length) drawRanking();
    $('monthLabel').textContent = state.months[state.monthIndex] || '';
  }

  function fillCategories() {
    const select = $('category');
    const keep = state.categories;
    select.innerHTML = '';
    const add = (value, text) => { const o = document.createElement('option'); o.value = value; o.textContent = text; select.appendChild(o); };
    add('all', t('cat.all'));
    add('vendor', t('cat.vendor'));
    const majors = new Map();
    ((state.config && state.config.categories) || []).forEach((c) => {
      if (!majors.has(c.majorCode)) {
        majors.set(c.majorCode, true);
        add(c.majorCode, c.majorCode + ' ' + (state.lang === 'zh' ? c.majorNameZh : c.majorNameEn));
      }
      add(c.code, '\u00a0\u00a0' + c.code + ' ' + (state.lang === 'zh' ? c.nameZh : c.nameEn));
    });
    select.value = keep;
  }

  function refreshLeader() {
    clearError();
    refreshHeat();
    refreshHotspots();
    refreshEmerging();
    refreshRanking();
  }

  function switchTab(tab) {
    state.tab = tab;
    document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
    document.querySelectorAll('section.tab').forEach((s) => { s.hidden = !s.classList.contains(tab); });
    if (tab === 'planner' && atLeast('planner')) loadScenarios();
    if (tab === 'research') loadCollections();
  }

  function syncPlanForm() {
    const vendor = $('planKind').value === 'vendor-zones';
    document.querySelectorAll('.vendor-only').forEach((el) => { el.hidden = !vendor; });
    document.querySelectorAll('.station-only').forEach((el) => { el.hidden = vendor; });
    $('planRadius').value = vendor ? 300 : 1000;
  }

  function wire() {
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('cg.lang', state.lang);
      applyLanguage();
    });
    document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => switchTab(b.dataset.tab)));
    $('category').addEventListener('change', (e) => { state.categories = e.target.value; refreshLeader(); });
    $('month').addEventListener('input', (e) => { state.monthIndex = +e.target.value; $('monthLabel').textContent = state.months[state.monthIndex] || ''; });
    $('month').addEventListener('change', refreshLeader);
    $('compare').addEventListener('change', (e) => { state.compare = e.target.checked; refreshHotspots(); });
    $('district').addEventListener('change', (e) => { state.area = e.target.value; refreshLeader(); });
    $('showHeat').addEventListener('change', refreshHeat);
    $('showHot').addEventListener('change', refreshHotspots);
    $('showEmerging').addEventListener('change', refreshEmerging);
    $('planKind').addEventListener('change', syncPlanForm);
    $('planRun').addEventListener('click', runPlan);
    $('signInButton').addEventListener('click', showSignIn);
    document.querySelectorAll('.sign-in-link').forEach((b) => b.addEventListener('click', showSignIn));
    $('signInForm').addEventListener('submit', (e) => { e.preventDefault(); signIn($('token').value); });
    $('signOutButton').addEventListener('click', signOut);
    document.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-download]');
      if (a) { e.preventDefault(); download(a.dataset.download); }
    });
    syncPlanForm();
  }

  async function start() {
    wire();
    try {
      state.config = await api('/api/v1/config');
    } catch (e) {
      showError(e.message);
      state.config = { categories: [], months: [] };
    }
    state.months = state.config.months || [];
    state.monthIndex = Math.max(0, state.months.length - 1);
    $('month').max = Math.max(0, state.months.length - 1);
    $('month').value = state.monthIndex;
    addBaseMap();
    await loadRole();
    applyLanguage();
    await loadAreas().catch((e) => showError(e.message));
    refreshLeader();
  }

  window.cgState = state; // for the browser tests and curious researchers
  start();
})();
