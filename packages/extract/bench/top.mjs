#!/usr/bin/env node
/**
 * CPU profile summary
 *
 * Prints the hottest functions (self time) and the heaviest callers (total time) of a .cpuprofile
 * written by `node --cpu-prof`, so that a profile can be read without a browser.
 *
 *   node packages/extract/bench/top.mjs /tmp/prof/*.cpuprofile [--n 40]
 */
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const n = Number(process.argv[process.argv.indexOf('--n') + 1] || 40) || 40;
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map();
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const parent = new Map();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const key = (x) =>
  `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').slice(-2).join('/')}:${x.callFrame.lineNumber + 1}`;
const total = new Map();
for (const [id, t] of dt) {
  const k = key(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = key(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    total.set(kk, (total.get(kk) ?? 0) + t);
  }
}
const all = [...dt.values()].reduce((a, b) => a + b, 0);
const show = (m, title) => {
  console.log(`== ${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${((100 * t) / all).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
show(self, 'self');
show(total, 'total');
