// Whole-process benchmark of the peer: read each CT.gov API v2 study file, parse it, map it with
// clinical-trial-matching-service's createResearchStudyFromClinicalStudy (the package's public export),
// serialize and write one JSON file per trial — the same work `fhirtrials map --from ctgov` does in `compare.sh`.
//
//   npm ci && node run.mjs --input ../../tests/fixtures/ctgov-v2 --out /tmp/ctms-out --repeat 10
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createResearchStudyFromClinicalStudy } = require('clinical-trial-matching-service');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const input = args.input ?? '../../tests/fixtures/ctgov-v2';
const out = args.out ?? '/tmp/ctms-out';
const repeat = Number(args.repeat ?? 1);
mkdirSync(out, { recursive: true });
const files = readdirSync(input).filter((f) => f.endsWith('.json')).sort();

const statuses = new Map();
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
let records = 0;
let bytes = 0;
for (let round = 0; round < repeat; round++) {
  for (const file of files) {
    const study = JSON.parse(readFileSync(join(input, file), 'utf8'));
    const researchStudy = createResearchStudyFromClinicalStudy(study);
    const json = JSON.stringify(researchStudy);
    writeFileSync(join(out, file), json);
    bytes += json.length;
    records++;
    if (round === 0) statuses.set(researchStudy.status, (statuses.get(researchStudy.status) ?? 0) + 1);
  }
}
const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({
  tool: 'clinical-trial-matching-service@' + require('clinical-trial-matching-service/package.json').version,
  node: process.version,
  records,
  wallSeconds: +wallSeconds.toFixed(3),
  cpuSeconds: +cpuSeconds.toFixed(3),
  recordsPerSecondWall: Math.round(records / wallSeconds),
  recordsPerCpuSecond: Math.round(records / cpuSeconds),
  outputBytesPerRecord: Math.round(bytes / records),
  peakRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  statuses: Object.fromEntries([...statuses.entries()].sort()),
}));
