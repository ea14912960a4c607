// `node tests/support/parallel.mjs typecheck lint`: runs those npm scripts at the same time (each
// is one process on one core: on two cores they take as long as the slower one, not the sum),
// prints each one's output whole when it ends, and fails when any of them failed
// (docs/decisions/089). Ctrl-C stops them all.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: node tests/support/parallel.mjs <npm script> [<npm script> …]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const children = [];

const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(npm, ["run", script], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0") } });
      children.push(child);
      const output = [];
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
      let done = false;
      const finish = (code) => {
        if (done) return;
        done = true;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`\n> npm run ${script} (${code === 0 ? "passed" : `failed, exit code ${code}`}, ${seconds} s)\n`);
        process.stdout.write(Buffer.concat(output));
        resolve(code);
      };
      child.on("error", (error) => {
        output.push(Buffer.from(`${error.message}\n`));
        finish(1);
      });
      child.on("close", (code, signal) => finish(code ?? (signal ? 1 : 0)));
    }),
);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(1);
  });
}

const codes = await Promise.all(runs);
const failed = scripts.filter((_, i) => codes[i] !== 0);
if (failed.length) {
  console.error(`\nFailed: ${failed.map((s) => `npm run ${s}`).join(", ")}`);
  process.exit(1);
}
