import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
/** A throwaway name (hyphenated, to exercise the schema's underscores) that no real service will take. */
const NAME = 'scratch-kit';
// Each step runs in a child process (tsc over the whole repository is the slow one, about a minute on a quiet machine).
/** The files the generator edits, restored from these copies whatever happens in between. */
const EDITED = ['nest-cli.json', 'scripts/start.js', 'package.json', 'libs/contracts/src/index.ts'];
const GENERATED = [`apps/${NAME}`, `libs/contracts/src/${NAME}`];

function run(command: string, args: string[], timeoutMs = 240_000) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const generate = (name: string) => run(process.execPath, [path.join(root, 'scripts/new-service.js'), name]);

/**
 * `npm run new:service` writes a service that compiles, lints, and passes its own e2e spec (which starts it beside the
 * roster and the gateway, and checks its health through the gateway). Runs in the worktree, restoring every file.
 */
describe('new:service generator', () => {
  const originals = new Map<string, string>();

  const restore = () => {
    for (const dir of GENERATED) {
      fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    }
    for (const [file, text] of originals) {
      fs.writeFileSync(path.join(root, file), text);
    }
  };

  beforeAll(() => {
    for (const dir of GENERATED) {
      if (fs.existsSync(path.join(root, dir))) {
        throw new Error(`${dir} exists: a previous run did not clean up; remove it and restore ${EDITED.join(', ')}`);
      }
    }
    for (const file of EDITED) {
      originals.set(file, fs.readFileSync(path.join(root, file), 'utf8'));
    }
    // A killed run still leaves the worktree as it found it the next time the process exits.
    process.once('exit', restore);
  });

  afterAll(() => {
    restore();
    process.removeListener('exit', restore);
  });

  it('refuses a name that is not kebab-case, writing nothing', () => {
    for (const name of ['Meals', 'meal_plans', 'meals2', '-meals', 'meals-']) {
      const result = generate(name);
      expect(result.status).toBe(1);
      expect(result.output).toContain('not kebab-case');
    }
    for (const file of EDITED) {
      expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(originals.get(file));
    }
  });

  it('refuses a name that exists', () => {
    const result = generate('notifier');
    expect(result.status).toBe(1);
    expect(result.output).toContain('exists already');
    expect(fs.readFileSync(path.join(root, 'nest-cli.json'), 'utf8')).toBe(originals.get('nest-cli.json'));
  });

  it('writes the skeleton and lists the service where the apps are listed', () => {
    const result = generate(NAME);
    expect(result.output).toContain(`Created the ${NAME} service`);
    expect(result.status).toBe(0);
    for (const file of [
      'src/main.ts',
      'src/bootstrap.ts',
      `src/${NAME}.env.ts`,
      `src/${NAME}.module.ts`,
      'src/mikro-orm.config.ts',
      'src/notes/notes.controller.ts',
      'src/notes/notes.service.ts',
      'src/notes/notes.repository.ts',
      'src/notes/note.entity.ts',
      `test/${NAME}.e2e-spec.ts`,
      'tsconfig.app.json',
    ]) {
      expect(fs.existsSync(path.join(root, 'apps', NAME, file))).toBe(true);
    }
    const migrations = fs.readdirSync(path.join(root, 'apps', NAME, 'src/migrations'));
    expect(migrations).toEqual([
      expect.stringMatching(/^Migration\d{14}Base\.ts$/),
      expect.stringMatching(/Role\.ts$/),
    ]);
    expect(fs.readFileSync(path.join(root, 'apps', NAME, 'src/migrations', migrations[0]), 'utf8')).toContain(
      'create schema if not exists scratch_kit;',
    );

    const nestCli = JSON.parse(fs.readFileSync(path.join(root, 'nest-cli.json'), 'utf8'));
    expect(nestCli.projects[NAME]).toMatchObject({ type: 'application', root: `apps/${NAME}` });
    const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(packageJson.scripts.build).toContain(`nest build ${NAME} && nest build gateway`);
    expect(packageJson.dependencies).toEqual(JSON.parse(originals.get('package.json')!).dependencies);
    expect(fs.readFileSync(path.join(root, 'scripts/start.js'), 'utf8')).toContain(`'${NAME}', 'gateway'];`);
    expect(fs.readFileSync(path.join(root, 'libs/contracts/src/index.ts'), 'utf8')).toMatch(
      new RegExp(`export \\* from './${NAME}';\\n$`),
    );

    // Once made, the name is taken.
    expect(generate(NAME).output).toContain('exists already');
  });

  it('generates code that type-checks and lints', () => {
    const tsc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
    const eslint = run(process.execPath, [
      path.join(root, 'node_modules/eslint/bin/eslint.js'),
      `apps/${NAME}`,
      `libs/contracts/src/${NAME}`,
    ]);
    expect(eslint.output).toBe('');
    expect(eslint.status).toBe(0);
  }, 300_000);

  it('passes its own e2e spec: health through the gateway, a note added and listed', () => {
    const jest = run(process.execPath, [
      require.resolve('jest/bin/jest'),
      '--selectProjects',
      'e2e',
      '--runInBand',
      `apps/${NAME}/test`,
    ]);
    expect(jest.output).toContain('Tests:       3 passed, 3 total');
    expect(jest.status).toBe(0);
  }, 240_000);
});
