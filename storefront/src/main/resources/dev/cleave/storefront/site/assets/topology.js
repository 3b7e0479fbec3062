// The topology view: the running shape's deployables with the modules each hosts, every module call
// with where it goes (local or remote), its rate, latency and failures, the circuits and each
// server's readiness, asked again every two seconds from GET /api/v1/topology. Rates are the
// difference of two answers' counts over the time between them (the API gives counts only).

import { Problem, send } from './api.js';
import { h } from './dom.js';
import { authorized, currentUser } from './session.js';
import { dataTable, messageView } from './views.js';

export const REFRESH_MILLIS = 2000;

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, as dom.js's h() makes HTML ones. */
function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

function ask(signal) {
  return currentUser() ? authorized('GET', '/api/v1/topology', { signal }) : send('GET', '/api/v1/topology', { signal });
}

function keyOf(call) {
  return `${call.from}|${call.caller}|${call.callee}|${call.operation}|${call.binding}`;
}

/** Calls per second and failures per call since the previous answer (null on the first). */
function rates(previous, topology) {
  const byKey = new Map();
  if (!previous) {
    return byKey;
  }
  const seconds = (Date.parse(topology.generatedAt) - Date.parse(previous.generatedAt)) / 1000;
  const before = new Map(previous.calls.map((call) => [keyOf(call), call]));
  for (const call of topology.calls) {
    const earlier = before.get(keyOf(call)) ?? { count: 0, failed: 0 };
    const calls = Math.max(0, call.count - earlier.count);
    const failed = Math.max(0, call.failed - earlier.failed);
    byKey.set(keyOf(call), {
      perSecond: seconds > 0 ? calls / seconds : 0,
      failing: calls > 0 ? failed / calls : failed > 0 ? 1 : 0,
    });
  }
  return byKey;
}

function millis(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  const ms = seconds * 1000;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString()} ms`;
}

function perSecond(rate) {
  return rate ? `${rate.perSecond.toFixed(rate.perSecond < 10 ? 1 : 0)}/s` : '…';
}

function percent(rate) {
  return rate ? `${Math.round(rate.failing * 100)} %` : '…';
}

const STATE_WORDS = { UP: 'ready', DOWN: 'not ready', UNREACHABLE: 'unreachable' };

function box(deployable) {
  return h(
    'li',
    {
      class: `deployable state-${deployable.state.toLowerCase()}`,
      'data-deployable': deployable.name,
      'data-state': deployable.state,
    },
    h('h2', {}, deployable.name, deployable.frontDoor ? h('span', { class: 'front-door' }, ' (front door)') : null),
    h('p', { class: 'deployable-state' }, STATE_WORDS[deployable.state] ?? deployable.state),
    deployable.modules.length
      ? h('ul', { class: 'modules', 'aria-label': 'Modules' }, deployable.modules.map((module) => h('li', { 'data-module': module }, module)))
      : h('p', { class: 'no-modules' }, 'no modules: forwards to the others'),
    Object.keys(deployable.circuits).length
      ? h(
          'dl',
          { class: 'circuits' },
          Object.entries(deployable.circuits).map(([callee, state]) => [
            h('dt', {}, `circuit to ${callee}`),
            h('dd', { class: `circuit circuit-${state}`, 'data-callee': callee }, state),
          ])
        )
      : null,
    h(
      'ul',
      { class: 'instances', 'aria-label': 'Instances' },
      deployable.instances.map((instance) =>
        h('li', { 'data-state': instance.state }, instance.url ?? 'this server', ': ', instance.answer)
      )
    )
  );
}

/** Where each module is drawn: its deployable's column, one row per module. */
function layout(topology) {
  // By name, with the busiest caller in the middle, so most calls cross one gap only.
  const hosting = topology.deployables
    .filter((deployable) => deployable.modules.length)
    .sort((a, b) => a.name.localeCompare(b.name));
  const calling = (deployable) => topology.calls.filter((call) => call.from === deployable.name).length;
  const hub = hosting.reduce((busiest, deployable) => (calling(deployable) > calling(busiest) ? deployable : busiest), hosting[0]);
  if (hub && calling(hub) > 0) {
    hosting.splice(hosting.indexOf(hub), 1);
    hosting.splice(Math.floor(hosting.length / 2 + 0.5), 0, hub);
  }
  const width = 200;
  const gap = 90;
  const top = topology.deployables.some((deployable) => !deployable.modules.length) ? 90 : 20;
  const places = new Map();
  const boxes = hosting.map((deployable, column) => {
    const x = 20 + column * (width + gap);
    deployable.modules.forEach((module, row) => {
      places.set(module, { x: x + 20, y: top + 40 + row * 46, width: width - 40, height: 32, deployable, column });
    });
    return { deployable, x, y: top, width, height: 50 + deployable.modules.length * 46 };
  });
  const below = Math.max(...boxes.map((b) => b.y + b.height), 100);
  // Room under the boxes for the calls between servers that are not neighbours.
  const height = below + (hosting.length > 2 ? 110 : 30);
  return { boxes, places, width: 40 + hosting.length * (width + gap) - gap, height, top, below };
}

function diagram(topology, rateOf) {
  const { boxes, places, width, height, top, below } = layout(topology);
  let lane = 0;
  const front = topology.deployables.find((deployable) => deployable.frontDoor && !deployable.modules.length);
  const edges = new Map();
  for (const call of topology.calls) {
    const key = `${call.caller}>${call.callee}`;
    const edge = edges.get(key) ?? { caller: call.caller, callee: call.callee, binding: call.binding, perSecond: 0, failing: 0, known: false };
    const rate = rateOf.get(keyOf(call));
    if (rate) {
      edge.known = true;
      edge.perSecond += rate.perSecond;
      edge.failing = Math.max(edge.failing, rate.failing);
    }
    if (call.binding === 'remote') {
      edge.binding = 'remote';
    }
    edges.set(key, edge);
  }
  const svg = s(
    'svg',
    {
      class: 'topology-diagram',
      viewBox: `0 0 ${Math.max(width, 320)} ${height}`,
      width: Math.max(width, 320),
      height,
      role: 'img',
      'aria-label': `${topology.shape}: ${boxes.map((b) => `${b.deployable.name} (${b.deployable.modules.join(', ')}) ${STATE_WORDS[b.deployable.state]}`).join('; ')}`,
    },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' })))
  );
  if (front) {
    const x = Math.max(width, 320) / 2 - 80;
    svg.append(s('rect', { x, y: 14, width: 160, height: 40, rx: 8, class: `svg-box svg-${front.state.toLowerCase()}` }));
    svg.append(s('text', { x: x + 80, y: 39, class: 'svg-title', 'text-anchor': 'middle' }, front.name));
    for (const b of boxes) {
      svg.append(s('line', { x1: x + 80, y1: 54, x2: b.x + b.width / 2, y2: top, class: `svg-route svg-route-${b.deployable.state.toLowerCase()}`, 'marker-end': 'url(#arrow)' }));
    }
  }
  for (const b of boxes) {
    svg.append(s('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 10, class: `svg-box svg-${b.deployable.state.toLowerCase()}`, 'data-deployable': b.deployable.name }));
    svg.append(s('text', { x: b.x + b.width / 2, y: b.y + 26, class: 'svg-title', 'text-anchor': 'middle' }, b.deployable.name));
  }
  for (const [module, place] of places) {
    svg.append(s('rect', { x: place.x, y: place.y, width: place.width, height: place.height, rx: 6, class: 'svg-module' }));
    svg.append(s('text', { x: place.x + place.width / 2, y: place.y + 21, class: 'svg-module-name', 'text-anchor': 'middle' }, module));
  }
  for (const edge of edges.values()) {
    const from = places.get(edge.caller);
    const to = places.get(edge.callee);
    if (!from || !to) {
      continue;
    }
    const broken = to.deployable.state !== 'UP' || edge.failing > 0 || from.deployable.circuits[edge.callee] === 'open';
    const tone = broken ? 'svg-edge-bad' : `svg-edge-${edge.binding}`;
    let d;
    let labelX;
    let labelY;
    if (from.deployable === to.deployable) {
      // Local: an arc on the box's right-hand side.
      const x = from.x + from.width;
      const y1 = from.y + from.height / 2;
      const y2 = to.y + to.height / 2;
      const bulge = 40 + Math.abs(y2 - y1) / 4;
      d = `M ${x} ${y1} C ${x + bulge} ${y1}, ${x + bulge} ${y2}, ${x} ${y2}`;
      labelX = x + bulge * 0.75 + 4;
      labelY = (y1 + y2) / 2 + 4;
    } else if (Math.abs(from.column - to.column) === 1) {
      // Neighbours: straight across the gap between their boxes.
      const leftToRight = from.x < to.x;
      const x1 = leftToRight ? from.x + from.width : from.x;
      const x2 = leftToRight ? to.x : to.x + to.width;
      const y1 = from.y + from.height / 2;
      const y2 = to.y + to.height / 2;
      d = `M ${x1} ${y1} C ${(x1 + x2) / 2} ${y1}, ${(x1 + x2) / 2} ${y2}, ${x2} ${y2}`;
      labelX = (x1 + x2) / 2;
      labelY = (y1 + y2) / 2 - 6;
    } else {
      // Further apart: under the boxes in between, so no line crosses another server.
      const x1 = from.x + from.width / 2;
      const x2 = to.x + to.width / 2;
      const y1 = from.y + from.height;
      const y2 = to.y + to.height;
      const low = below + 18 * ++lane;
      d = `M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`;
      labelX = (x1 + x2) / 2;
      labelY = low - 0.25 * (low - Math.max(y1, y2)) + 14;
    }
    svg.append(s('path', { d, class: `svg-edge ${tone}`, 'marker-end': 'url(#arrow)', 'data-edge': `${edge.caller}>${edge.callee}`, 'data-binding': edge.binding }));
    svg.append(
      s(
        'text',
        { x: labelX, y: labelY, class: `svg-edge-label ${broken ? 'svg-label-bad' : ''}`, 'text-anchor': from.deployable === to.deployable ? 'start' : 'middle' },
        `${edge.binding}${edge.known ? ` ${edge.perSecond.toFixed(1)}/s` : ''}`
      )
    );
  }
  return h('div', { class: 'diagram-scroll' }, svg);
}

function callTable(topology, rateOf) {
  const circuitOf = new Map(topology.deployables.map((deployable) => [deployable.name, deployable.circuits]));
  return dataTable({
    caption: 'Module calls since each server started; rate and failures over the last two seconds',
    showCaption: true,
    className: 'calls',
    columns: ['From', 'Call', 'Operation', 'Binding', 'Rate', 'p50', 'p99', 'Failing', 'Calls', 'Circuit'].map((label) => ({ label })),
    rows:
      topology.calls.length === 0
      ? h('tr', {}, h('td', { colspan: 10 }, 'No module calls yet: buy something in the shop.'))
      : topology.calls.map((call) => {
          const rate = rateOf.get(keyOf(call));
          const circuit = circuitOf.get(call.from)?.[call.callee] ?? '–';
          return h(
            'tr',
            {
              class: `call binding-${call.binding}${rate && rate.failing > 0 ? ' failing' : ''}`,
              'data-call': `${call.caller}>${call.callee}.${call.operation}`,
              'data-binding': call.binding,
            },
            h('td', {}, call.from),
            h('th', { scope: 'row' }, `${call.caller} → ${call.callee}`),
            h('td', {}, call.operation),
            h('td', { class: 'binding' }, call.binding),
            h('td', { class: 'money rate' }, perSecond(rate)),
            h('td', { class: 'money' }, millis(call.p50Seconds)),
            h('td', { class: 'money' }, millis(call.p99Seconds)),
            h('td', { class: 'money' }, percent(rate)),
            h('td', { class: 'money count' }, call.count.toLocaleString()),
            h('td', { class: `circuit circuit-${circuit}` }, circuit)
          );
        }),
  });
}

function page(topology, rateOf, failure) {
  const deployables = [...topology.deployables].sort((a, b) => Number(b.frontDoor) - Number(a.frontDoor));
  return [
    h(
      'p',
      { class: 'topology-summary' },
      'Shape: ',
      h('strong', { class: 'shape', 'data-shape': topology.shape }, topology.shape),
      ` · updated ${new Date(topology.generatedAt).toLocaleTimeString()}`,
      failure ? h('span', { class: 'stale' }, ` · ${failure.title}: showing the last answer`) : null
    ),
    diagram(topology, rateOf),
    h('ul', { class: 'deployables', 'aria-label': 'Deployables' }, deployables.map(box)),
    callTable(topology, rateOf),
  ];
}

export async function topologyView(params, { navigate, signal }) {
  let topology;
  try {
    topology = await ask(signal);
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 401) {
      navigate('/sign-in?next=/topology', { replace: true });
      return null;
    }
    if (failure instanceof Problem && failure.status === 403) {
      return messageView('For administrators only', failure);
    }
    throw failure;
  }
  const body = h('div', { class: 'topology-body', 'aria-live': 'off' }, page(topology, new Map(), null));
  const node = h(
    'section',
    { class: 'topology' },
    h('h1', {}, 'Topology'),
    h(
      'p',
      { class: 'topology-intro' },
      'Each box is a running server with the modules it hosts; each arrow a module call, ',
      h('em', {}, 'local'),
      ' (a method call inside one server) or ',
      h('em', {}, 'remote'),
      ' (HTTP between servers). Red means not ready, unreachable, failing calls or an open circuit.'
    ),
    body
  );
  let previous = topology;
  let timer = null;
  let stopped = false;
  const follow = async () => {
    if (stopped) {
      return;
    }
    if (!document.hidden) {
      try {
        const now = await ask();
        if (stopped) {
          return;
        }
        body.replaceChildren(...page(now, rates(previous, now), null));
        previous = now;
      } catch (failure) {
        if (stopped) {
          return;
        }
        body.replaceChildren(...page(previous, new Map(), failure instanceof Problem ? failure : new Problem({ title: 'No answer' })));
      }
    }
    timer = setTimeout(follow, REFRESH_MILLIS);
  };
  timer = setTimeout(follow, REFRESH_MILLIS);
  return {
    title: 'Topology – Cleave',
    node,
    dispose: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
