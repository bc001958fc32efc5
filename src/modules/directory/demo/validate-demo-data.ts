// Checks the demo data files beyond their JSON shape: references, geography and coverage.
// Run `npx tsx src/modules/directory/demo/validate-demo-data.ts` while editing the files.
import { readdirSync, readFileSync } from 'node:fs';
import { Compile } from 'typebox/compile';
import { geoReference } from '../../geo/index.ts';
import themes from '../data/themes.json' with { type: 'json' };
import { DemoFile, type DemoOrganisation } from './demo-data.schema.ts';

const demoDir = new URL('./', import.meta.url);
const checkFile = Compile(DemoFile);

export function readDemoOrganisations(): { orgs: DemoOrganisation[]; problems: string[] } {
  const problems: string[] = [];
  const orgs: DemoOrganisation[] = [];
  const files = readdirSync(demoDir)
    .filter((f) => /^organisations-.*\.json$/.test(f))
    .sort();
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(new URL(file, demoDir), 'utf8'));
    if (!checkFile.Check(data)) {
      for (const error of checkFile.Errors(data).slice(0, 20)) {
        problems.push(`${file}${error.instancePath}: ${error.message}`);
      }
      continue;
    }
    orgs.push(...data);
  }
  return { orgs, problems };
}

const themeCodes = new Set(themes.flatMap((t) => [t.code, ...t.children.map((c) => c.code)]));

/**
 * Problems in the demo data: broken references and places outside Brussels always; with `coverage`,
 * also too few organisations, services, communes or evening and weekend hours for a fair demo.
 */
export function validateDemoData(orgs: DemoOrganisation[], { coverage = true } = {}): string[] {
  const problems: string[] = [];
  const geo = geoReference();
  const orgKeys = new Set<string>();
  const communesSeen = new Set<string>();
  let services = 0;
  let evening = false;
  let weekend = false;
  for (const org of orgs) {
    const where = `organisation ${org.key}`;
    if (orgKeys.has(org.key)) problems.push(`${where}: duplicate key`);
    orgKeys.add(org.key);
    const locationKeys = new Set(org.locations.map((l) => l.key));
    if (locationKeys.size !== org.locations.length) problems.push(`${where}: duplicate location key`);
    for (const loc of org.locations) {
      const place = geo.locate(loc.lat, loc.lon);
      if (!place) problems.push(`${where} location ${loc.key}: ${loc.lat},${loc.lon} lies outside Brussels`);
      else communesSeen.add(place.commune.nis);
      if (!geo.postcode(loc.postcode))
        problems.push(`${where} location ${loc.key}: unknown postcode ${loc.postcode}`);
    }
    const emails = [org.email, ...org.contacts.map((c) => c.email), ...org.services.map((s) => s.email)];
    for (const email of emails) {
      if (email && !/@([a-z0-9-]+\.)*example\.(org|com|net)$|\.example$/.test(email)) {
        problems.push(`${where}: e-mail ${email} must use a reserved example domain`);
      }
    }
    const serviceKeys = new Set<string>();
    for (const svc of org.services) {
      services++;
      const at = `${where} service ${svc.key}`;
      if (serviceKeys.has(svc.key)) problems.push(`${at}: duplicate key`);
      serviceKeys.add(svc.key);
      for (const code of svc.themes) if (!themeCodes.has(code)) problems.push(`${at}: unknown theme ${code}`);
      for (const key of svc.locations)
        if (!locationKeys.has(key)) problems.push(`${at}: unknown location ${key}`);
      for (const h of svc.hours) {
        if (h.closes > '18:00' || h.closes <= h.opens) evening = true;
        if (h.days.some((d) => d === 'sa' || d === 'su')) weekend = true;
      }
      for (const ex of svc.exceptions ?? []) {
        if (ex.from > ex.to) problems.push(`${at}: exception ends before it starts`);
        if (!ex.closed && !(ex.opens && ex.closes))
          problems.push(`${at}: exception with other hours needs opens and closes`);
      }
    }
    for (const contact of org.contacts) {
      if (contact.service && !serviceKeys.has(contact.service))
        problems.push(`${where}: contact for unknown service ${contact.service}`);
    }
  }
  if (!coverage) return problems;
  const informal = orgs.filter(
    (o) => o.kind === 'self_organisation' || o.kind === 'citizen_initiative',
  ).length;
  if (orgs.length < 60) problems.push(`only ${orgs.length} organisations; at least 60 needed`);
  if (informal < 20)
    problems.push(`only ${informal} self-organisations or citizen initiatives; at least 20 needed`);
  if (services < 150) problems.push(`only ${services} services; at least 150 needed`);
  if (communesSeen.size < 19) problems.push(`only ${communesSeen.size} of the 19 communes have a location`);
  if (!evening) problems.push('no service is open in the evening');
  if (!weekend) problems.push('no service is open at the weekend');
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { orgs, problems } = readDemoOrganisations();
  const all = [...problems, ...validateDemoData(orgs)];
  const services = orgs.reduce((n, o) => n + o.services.length, 0);
  console.log(`${orgs.length} organisations, ${services} services`);
  for (const p of all) console.log(`- ${p}`);
  process.exitCode = all.length ? 1 : 0;
}
