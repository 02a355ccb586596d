// Shared by request-types.test.mjs and result-types.test.mjs: type-checks JSON values as
// literals of the package's declared types with `tsc --strict`, one per line, and says
// which of them tsc rejects.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;

/**
 * Writes `export const v<i>: <type> = <value>;` for each `[type, value]` into
 * target/<name>/<name>.ts and runs tsc on it. Returns tsc's run and, by index, the first
 * error tsc gives each rejected literal ("TS2322 Type ... is not assignable ...").
 */
export function typecheckLiterals(name, literals) {
  const dir = `${root}target/${name}`;
  mkdirSync(dir, { recursive: true });
  const types = [...new Set(literals.map(([type]) => type))].join(", ");
  // One statement per line: a tsc error's line number names the literal.
  const header = `import type { ${types} } from "alicloud-cost";\n`;
  const body = literals.map(([type, value], i) => `export const v${i}: ${type} = ${JSON.stringify(value)};`).join("\n");
  writeFileSync(`${dir}/${name}.ts`, header + body + "\n");
  writeFileSync(
    `${dir}/tsconfig.json`,
    JSON.stringify({ extends: `${root}tests/types/tsconfig.json`, files: [`${name}.ts`], compilerOptions: { skipLibCheck: true } }),
  );
  const run = spawnSync(`${root}node_modules/.bin/tsc`, ["-p", `${dir}/tsconfig.json`], { encoding: "utf8", maxBuffer: 1 << 28 });
  const rejected = new Map();
  for (const m of run.stdout.matchAll(new RegExp(`${name}\\.ts\\((\\d+),\\d+\\): error (TS\\d+): ([^\\n]*)`, "g"))) {
    const index = Number(m[1]) - 2;
    if (!rejected.has(index)) rejected.set(index, `${m[2]} ${m[3]}`);
  }
  return { run, rejected };
}
