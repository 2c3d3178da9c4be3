// Runs the FhirTrials FHIRPath workloads on HL7's JavaScript engine (fhirpath.js) and prints
// evaluations per second, for comparison with bench/FhirTrials.Benchmarks/FhirPath.
// Usage: node bench.js [workload.json] [seconds per workload]
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const workloadFile = process.argv[2] || path.join(__dirname, 'workload.json');
const seconds = Number(process.argv[3] || 10);
if (!fs.existsSync(workloadFile)) {
  console.error(`${workloadFile}: no such file; export it first (see README.md)`);
  process.exit(2);
}

const workload = JSON.parse(fs.readFileSync(workloadFile, 'utf8'));

// fhirpath.js reports some conversions with console.warn; printing is not evaluation work.
console.warn = () => {};

/** Compiles each case once and keeps those fhirpath.js can evaluate; reports the others. */
function prepare(name, cases) {
  const ready = [];
  const failures = new Map();
  for (const c of cases) {
    try {
      const fn = fhirpath.compile(c.expression, r4, { traceFn: () => {} });
      const resource = workload.resources[c.resource];
      const env = { resource, rootResource: resource };
      fn(resource, env);
      ready.push({ fn, resource, env });
    } catch (e) {
      const reason = String(e.message || e).split('\n')[0].slice(0, 120);
      failures.set(reason, (failures.get(reason) || 0) + 1);
    }
  }
  const failed = cases.length - ready.length;
  console.log(`${name}: ${cases.length} cases, ${ready.length} evaluated by fhirpath.js, ${failed} not supported/failed`);
  for (const [reason, count] of [...failures.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`    ${count} x ${reason}`);
  }
  return ready;
}

/** Repeats full passes over the cases for the given time and returns evaluations per second. */
function measure(name, ready) {
  for (let warmup = 0; warmup < 3; warmup++) {
    for (const c of ready) c.fn(c.resource, c.env);
  }
  let evaluations = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const c of ready) c.fn(c.resource, c.env);
    evaluations += ready.length;
    elapsed = process.hrtime.bigint() - start;
  }
  const perSecond = evaluations / (Number(elapsed) / 1e9);
  const passMs = Number(elapsed) / 1e6 / (evaluations / ready.length);
  console.log(`${name}: ${Math.round(perSecond).toLocaleString('en-US')} evaluations/s (${passMs.toFixed(2)} ms per pass of ${ready.length})`);
  return perSecond;
}

console.log(`fhirpath.js ${require('fhirpath/package.json').version} on node ${process.version}, ${os.cpus()[0].model} (${os.cpus().length} logical CPUs), ${os.platform()} ${os.release()}`);

const suite = workload.suite;
const invariants = [];
for (const name of workload.invariantResources) {
  const type = workload.resources[name].resourceType;
  for (const expression of workload.invariantsByType[type] || []) {
    invariants.push({ expression, resource: name });
  }
}

measure('suite expressions', prepare('suite expressions', suite));
measure('core invariants', prepare('core invariants', invariants));
