#!/usr/bin/env node
// `npm run new:service -- <name>`: a new service's skeleton, written the one way every Rasad service is
// (docs/adding-a-service.md): apps/<name> (bootstrap, env, root module, migrations, an example context, an e2e spec
// that starts it) and libs/contracts/src/<name>, and the lines that list it (nest-cli.json, scripts/start.js, the
// build script, the contracts index).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const prettier = require('prettier');

const root = path.resolve(__dirname, '..');
const templates = path.join(__dirname, 'service-template');

// Lowercase words joined by hyphens: a NATS subject part, a queue group, a nest project, and (hyphens as
// underscores) a PostgreSQL schema and role without quoting. The gateway's RASAD_SERVICES takes no digits.
const KEBAB = /^[a-z]+(-[a-z]+)*$/;

function fail(message) {
  console.error(`new:service: ${message}`);
  process.exit(1);
}

function pascal(name) {
  return name
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** A migration's timestamp, UTC, as the existing ones: YYYYMMDDhhmmss. */
function stamp(date) {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

function tokensFor(name) {
  const Pascal = pascal(name);
  const schema = name.replaceAll('-', '_');
  const now = new Date();
  return {
    __SCHEMA_CONST__: `${schema.toUpperCase()}_SCHEMA`,
    __STAMP1__: stamp(new Date(now.getTime() + 1000)),
    __STAMP__: stamp(now),
    __Pascal__: Pascal,
    __camel__: Pascal[0].toLowerCase() + Pascal.slice(1),
    __schema__: schema,
    __name__: name,
  };
}

function fill(text, tokens) {
  return Object.entries(tokens).reduce((out, [token, value]) => out.replaceAll(token, value), text);
}

/** Every file under `from`, written under `to` with its path and text filled in (and formatted: names vary in length). */
async function copyTree(from, to, tokens, written) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    // Templates end in .tpl so that the repository's typecheck, lint and tests pass them by.
    const target = path.join(to, fill(entry.name, tokens).replace(/\.tpl$/, ''));
    if (entry.isDirectory()) {
      await copyTree(source, target, tokens, written);
    } else {
      fs.mkdirSync(to, { recursive: true });
      const text = fill(fs.readFileSync(source, 'utf8'), tokens);
      const options = { ...(await prettier.resolveConfig(target)), filepath: target };
      fs.writeFileSync(target, await prettier.format(text, options));
      written.push(path.relative(root, target));
    }
  }
}

/** Rewrites one file by `change`, failing (before anything is written) when the text is not as expected. */
function edit(file, change) {
  const full = path.join(root, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) {
    fail(`${file} is not as expected: add the new service to it by hand`);
  }
  return { full, after };
}

async function main() {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) {
    fail('usage: npm run new:service -- <name>   (e.g. meals, lodging-desk)');
  }
  if (!KEBAB.test(name)) {
    fail(`"${name}" is not kebab-case: lowercase letters, words joined by hyphens (e.g. lodging-desk)`);
  }
  const nestCli = JSON.parse(fs.readFileSync(path.join(root, 'nest-cli.json'), 'utf8'));
  const taken = [path.join('apps', name), path.join('libs', name), path.join('libs', 'contracts', 'src', name)].filter(
    (dir) => fs.existsSync(path.join(root, dir)),
  );
  if (taken.length > 0 || nestCli.projects[name]) {
    fail(`"${name}" exists already (${taken.length > 0 ? taken.join(', ') : 'a project in nest-cli.json'})`);
  }

  const project = [
    `    "${name}": {`,
    '      "type": "application",',
    `      "root": "apps/${name}",`,
    '      "entryFile": "main",',
    `      "sourceRoot": "apps/${name}/src",`,
    `      "compilerOptions": { "tsConfigPath": "apps/${name}/tsconfig.app.json" }`,
    '    },',
    '',
  ].join('\n');
  // Every edit is worked out first, so a file not as expected stops the generator before it writes anything.
  const edits = [
    edit('nest-cli.json', (text) => text.replace(/("projects": \{\n)/, `$1${project}`)),
    edit('scripts/start.js', (text) => text.replace(/(const APPS = \[[^\]]*)'gateway'\]/, `$1'${name}', 'gateway']`)),
    edit('package.json', (text) =>
      // Services are built before the gateway; whatever follows it (the console's build) stays after it.
      text.replace(
        /("build": "[^"\n]*)&& nest build gateway((?: &&[^"\n]*)?)"/,
        (_, before, after) => `${before}&& nest build ${name} && nest build gateway${after}"`,
      ),
    ),
    edit('libs/contracts/src/index.ts', (text) => `${text.replace(/\n*$/, '\n')}export * from './${name}';\n`),
  ];

  const tokens = tokensFor(name);
  const written = [];
  await copyTree(path.join(templates, 'app'), path.join(root, 'apps', name), tokens, written);
  await copyTree(path.join(templates, 'contracts'), path.join(root, 'libs', 'contracts', 'src', name), tokens, written);
  for (const { full, after } of edits) {
    fs.writeFileSync(full, after);
  }
  JSON.parse(fs.readFileSync(path.join(root, 'nest-cli.json'), 'utf8'));

  console.log(`Created the ${name} service:`);
  for (const file of written) console.log(`  ${file}`);
  console.log('  and listed it in nest-cli.json, scripts/start.js, package.json (build), libs/contracts/src/index.ts');
  console.log(`Next: npx jest --selectProjects e2e --runInBand apps/${name}/test; then docs/adding-a-service.md.`);
}

main().catch((error) => fail(error.stack ?? String(error)));
