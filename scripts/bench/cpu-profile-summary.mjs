/**
 * CPU profile summary
 *
 * A `.cpuprofile` from `node --cpu-prof` is meant for DevTools; to tell someone which functions
 * dominate, a table is handier. This prints the functions with the most self time and the most
 * inclusive time (each counted once per stack), as shares of the samples under a root function
 * (default `extractFile`, the unit of work of every batch command). Not a benchmark: all.mjs skips it.
 *
 *   node scripts/bench/cpu-profile-summary.mjs bench-out/prof/CPU.….cpuprofile [--root extractFile] [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string', default: 'extractFile' }, top: { type: 'string', default: '30' } },
});
if (positionals.length !== 1) {
  console.error('cpu-profile-summary: expected one .cpuprofile file');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const time = new Map();
profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(packages|node_modules)\//u, '$1/').replace('/dist/', '/')}:${frame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, t] of time) {
  total += t;
  const key = label(byId.get(id).callFrame);
  self.set(key, (self.get(key) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur).callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + t);
  }
}
const rootTime = [...inclusive].find(([k]) => k.startsWith(`${values.root} `))?.[1] ?? total;
const top = Number(values.top);
const show = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, t]) =>
      console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / rootTime).toFixed(1).padStart(5)} %  ${k}`),
    );
console.log(`samples: ${(total / 1000).toFixed(0)} ms; ${values.root}: ${(rootTime / 1000).toFixed(0)} ms (= 100 %)`);
console.log('--- self time');
show(self);
console.log('--- inclusive time');
show(inclusive);
