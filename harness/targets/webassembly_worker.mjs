// Worker for the `webassembly` target: runs specs on the MicroPython WebAssembly port
// (npm @micropython/micropython-webassembly-pyscript) inside one long-lived Node process.
//
// Usage: node webassembly_worker.mjs [--heapsize=BYTES] [--pystack=WORDS]
// (the settings the requests will use, so the first interpreter can be loaded ahead).
//
// Protocol: JSON lines. Requests arrive on stdin, one at a time:
//   {"op": "run", "id": 7, "code": "...", "heapsize": 1048576, "pystack": 2048,
//    "memory_limit": 268435456}
//   {"op": "exit"}
// Replies go to stdout (written synchronously, never through process.stdout):
//   greeting  {"ready": true, "package": NAME, "version": X, "node": V, "path": DIR}
//             or {"ready": false, "error": "..."} (and exit status 2)
//   result    {"id": 7, "stdout": "...", "stderr": "...", "exit_code": 0, "exception": null,
//              "load_ms": 1.5, "run_ms": 0.1, "wasm_memory": BYTES, "memory_limit_hit": false}
//             or {"id": 7, "crashed": true, "detail": "..."} when the interpreter itself
//             failed (a JavaScript error that is not a PythonError, e.g. a wasm trap)
//   event     {"id": 7, "event": "memory-limit", "requested": BYTES, "limit": BYTES}
//             written the moment a heap growth is refused, so the harness still learns
//             about it if the interpreter hangs afterwards (see "Heap" below).
//
// Every spec gets a FRESH interpreter: consecutive runPython() calls on one interpreter
// share __main__'s globals, so reusing one would leak names between specs. Loading one costs
// about 1.3 ms because the compiled wasm module is cached (WebAssembly.instantiate is
// wrapped below), and it happens ahead of time, between specs (see "spare" below). The
// harness kills and replaces this whole process on a timeout, since a busy loop inside
// wasm cannot be interrupted from JavaScript.
//
// Heap: what `heapsize` really does in this build (1.27.0, pyscript variant).
//   The port is built with MICROPY_GC_SPLIT_HEAP_AUTO. `heapsize` (default 1 MiB) is only
//   the size of the FIRST GC heap area, malloc'd at init. When it is full, MicroPython's
//   gc_alloc() calls gc_collect(), which this port turns into "collect later, when control
//   is back at the top level" (there is no safe way to scan the wasm C stack), and then
//   gc_try_add_heap() mallocs a new area at least as large as the whole heap so far
//   (doubling), capped at gc_get_max_new_split() = 128 MiB per area. Emscripten grows the
//   wasm memory for that (ALLOW_MEMORY_GROWTH, up to 2 GiB). Consequences, measured:
//   - heapsize is NOT a limit: bytearray(40 MiB) with heapsize 1 MiB succeeds;
//   - one allocation above ~128 MiB raises MemoryError at once (no area can hold it);
//   - garbage is never reclaimed while a spec runs (gc.collect() is deferred too), so a
//     spec's memory is the sum of everything it allocates, not its live data;
//   - gc.mem_free() reports free + 128 MiB ("max new split").
//   Without a limit a runaway spec would grow the process to 2 GiB. So this worker caps the
//   wasm linear memory per spec (`memory_limit`, bytes, default 256 MiB, 0 = no cap) by
//   refusing WebAssembly.Memory.prototype.grow beyond it: malloc then fails, the heap
//   cannot grow and the spec gets a real MemoryError ("memory allocation failed,
//   allocating N bytes"). Formatting that traceback needs heap too, and when malloc fails
//   there the port spins forever in nlr_jump_fail(); so once the failing allocation has
//   been refused in full (see "the memory cap" below) the cap is raised once to
//   2 * limit + 16 MiB, room for one more heap doubling. A spec that catches MemoryError and
//   keeps allocating past that reserve can still hang: the harness then has the
//   "memory-limit" event and reports MemoryError instead of a plain timeout.

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGE = "@micropython/micropython-webassembly-pyscript";
const MIB = 1024 * 1024;
const DEFAULTS = { heapsize: MIB, pystack: 2048, memory_limit: 256 * MIB };
const GROWTH_SLACK = 16 * MIB;

// -- output: protocol lines on fd 1, everything else on fd 2 ------------------------------
function writeAll(fd, text) {
  const data = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += fs.writeSync(fd, data, offset, data.length - offset);
    } catch (err) {
      if (err.code !== "EAGAIN") throw err;
    }
  }
}

function send(message) {
  writeAll(1, JSON.stringify(message) + "\n");
}

let current = null; // state of the spec being run
const NOISE = ["growMemory: Attempted to grow heap", "Failed to grow the heap"];

function diagnostic(...args) {
  const text = args.map((a) => (typeof a === "string" ? a : String(a))).join(" ");
  // Emscripten reports each growth this worker refused; the result says so already.
  if (current && current.refused > 0 && NOISE.some((prefix) => text.startsWith(prefix))) return;
  writeAll(2, text + "\n");
}
// Emscripten binds console.log/console.error when a module is created; a stray console.log
// must never land in the protocol stream.
console.log = console.info = console.debug = console.warn = console.error = diagnostic;

// -- finding the npm package --------------------------------------------------------------
function findPackage() {
  const candidates = [];
  if (process.env.HARNESS_NODE_MODULES) {
    const given = path.resolve(process.env.HARNESS_NODE_MODULES);
    candidates.push(path.join(given, PACKAGE), given);
  } else {
    for (const start of [path.dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
      let dir = start;
      for (;;) {
        candidates.push(path.join(dir, "node_modules", PACKAGE));
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
  }
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, "micropython.mjs"))) return dir;
  }
  const where = process.env.HARNESS_NODE_MODULES
    ? `HARNESS_NODE_MODULES=${process.env.HARNESS_NODE_MODULES}`
    : "any node_modules above the harness or the working directory";
  throw new Error(`npm package ${PACKAGE} not found in ${where}; run \`npm install\``);
}

// -- compile the wasm once, instantiate it per spec ---------------------------------------
const realInstantiate = WebAssembly.instantiate;
let compiled = null;
let lastMemory = null; // the linear memory of the newest interpreter
WebAssembly.instantiate = async function instantiate(source, imports) {
  if (source instanceof WebAssembly.Module) return realInstantiate.call(this, source, imports);
  if (compiled === null) compiled = await WebAssembly.compile(source);
  const instance = await realInstantiate.call(this, compiled, imports);
  lastMemory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory) ?? null;
  return { module: compiled, instance };
};

// -- the memory cap -----------------------------------------------------------------------
// A failing malloc() refuses growth in a fixed pattern (measured with this build): dlmalloc
// first asks sbrk() to extend its heap contiguously and, when that fails, once more
// non-contiguously (later failures skip the contiguous try); each sbrk() runs Emscripten's
// emscripten_resize_heap(), which tries 3 sizes. So the first 2 * 3 refused grows are the
// allocation that must fail; only after them may the reserve open for the MemoryError, its
// traceback and its formatting (an allocation refused before then just loses detail:
// MicroPython falls back to a message-less MemoryError).
const ATTEMPTS_PER_RESIZE = 3;
const RESIZES_PER_FAILED_MALLOC = 2;
const realGrow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function grow(pages) {
  const state = current;
  const wanted = this.buffer.byteLength + pages * 65536;
  if (state && state.limit > 0 && wanted > state.limit) {
    if (state.refused === 0 || (state.reserveOpen && !state.reserveHit)) {
      if (state.reserveOpen) state.reserveHit = true;
      send({ id: state.id, event: "memory-limit", requested: wanted, limit: state.limit });
    }
    state.refused += 1;
    if (!state.reserveOpen && state.refused >= ATTEMPTS_PER_RESIZE * RESIZES_PER_FAILED_MALLOC) {
      state.reserveOpen = true;
      state.limit = 2 * state.baseLimit + GROWTH_SLACK;
    }
    throw new RangeError(`harness memory limit ${state.limit} bytes`);
  }
  return realGrow.call(this, pages);
};

// -- running one spec ---------------------------------------------------------------------
const SYSTEM_EXIT = /(?:^|\n)SystemExit(?:: ([\s\S]*?))?\n?$/;

// An uncaught SystemExit arrives as a traceback; turn it into an exit status like CPython.
function systemExit(message) {
  const match = SYSTEM_EXIT.exec(message);
  const arg = match && match[1] !== undefined ? match[1] : "";
  if (arg === "" || arg === "None" || arg === "False") return { code: 0, stderr: "" };
  if (arg === "True") return { code: 1, stderr: "" };
  if (/^-?\d+$/.test(arg)) return { code: Number.parseInt(arg, 10), stderr: "" };
  return { code: 1, stderr: arg + "\n" };
}

// input() would spin forever waiting for stdin; make it behave as CPython with stdin at
// EOF. The helper deletes itself so the spec's globals stay empty.
const PRELUDE = `
def _harness_prelude():
    import builtins
    import sys
    def input(prompt=""):
        sys.stdout.write(prompt)
        raise EOFError("EOF when reading a line")
    builtins.input = input
_harness_prelude()
del _harness_prelude
`;

// Output arrives one byte per callback (linebuffer: false keeps partial lines and exact
// bytes); collect it in a growing byte buffer and decode once at the end. Past the
// request's output cap the spec is stopped: the callback throws OutputCapped through wasm
// (the interpreter is thrown away after every spec anyway).
class OutputCapped extends Error {}
let outputCap = 1 << 20;

function bytesSink() {
  let buffer = new Uint8Array(4096);
  let length = 0;
  return {
    push: (chunk) => {
      if (current && length + chunk.length > outputCap) {
        current.capped = true;
        throw new OutputCapped("output cap");
      }
      if (length + chunk.length > buffer.length) {
        const bigger = new Uint8Array(Math.max(buffer.length * 2, length + chunk.length));
        bigger.set(buffer.subarray(0, length));
        buffer = bigger;
      }
      buffer.set(chunk, length);
      length += chunk.length;
    },
    text: () => Buffer.from(buffer.buffer, 0, length).toString("utf8"),
  };
}

// A fresh interpreter, loaded ahead: right after a result is sent the worker loads the
// interpreter for the next spec (same heapsize and pystack), so a spec's time is mostly
// its own run. It has run nothing but PRELUDE.
let spare = null; // {key, promise}

function interpreterKey(heapsize, pystack) {
  return `${heapsize}/${pystack}`;
}

async function loadInterpreter(loadMicroPython, heapsize, pystack) {
  try {
    const out = bytesSink();
    const err = bytesSink();
    const mp = await loadMicroPython({
      heapsize, pystack, linebuffer: false,
      stdin: () => null,
      stdout: (chunk) => out.push(chunk),
      stderr: (chunk) => err.push(chunk),
    });
    const memory = lastMemory;
    mp.runPython(PRELUDE);
    return { mp, out, err, memory };
  } catch (error) {
    return { error };
  }
}

function prepareSpare(loadMicroPython, heapsize, pystack) {
  const key = interpreterKey(heapsize, pystack);
  spare = { key, promise: loadInterpreter(loadMicroPython, heapsize, pystack) };
}

async function takeInterpreter(loadMicroPython, heapsize, pystack) {
  const ready = spare;
  spare = null;
  if (ready && ready.key === interpreterKey(heapsize, pystack)) return ready.promise;
  if (ready) await ready.promise; // let a spare of other settings finish loading, then drop it
  return loadInterpreter(loadMicroPython, heapsize, pystack);
}

async function runSpec(loadMicroPython, req) {
  const heapsize = req.heapsize ?? DEFAULTS.heapsize;
  const pystack = req.pystack ?? DEFAULTS.pystack;
  const limit = req.memory_limit ?? DEFAULTS.memory_limit;
  const started = performance.now();
  const fresh = await takeInterpreter(loadMicroPython, heapsize, pystack);
  if (fresh.error) {
    return { id: req.id, crashed: true, detail: `interpreter failed to load: ${fresh.error}` };
  }
  const { mp, out, err, memory } = fresh;
  outputCap = req.output_cap ?? outputCap;
  const state = {
    id: req.id, limit, baseLimit: limit, refused: 0, reserveOpen: false, reserveHit: false,
  };
  current = state;
  const loaded = performance.now();
  let exitCode = 0;
  let exception = null;
  let traceback = "";
  try {
    mp.runPython(req.code);
  } catch (error) {
    if (state.capped) {
      current = null;
      return { id: req.id, stdout: out.text(), stderr: err.text(), exit_code: null,
               exception: null, output_capped: true };
    }
    if (error?.name !== "PythonError") {
      current = null;
      return {
        id: req.id, crashed: true, stdout: out.text(), stderr: err.text(),
        detail: `interpreter failed: ${error?.stack || error}`,
      };
    }
    if (error.type === "SystemExit") {
      const exit = systemExit(error.message);
      exitCode = exit.code;
      traceback = exit.stderr;
    } else {
      exitCode = 1;
      exception = error.type || null;
      traceback = error.message;
    }
  }
  const finished = performance.now();
  current = null;
  return {
    id: req.id,
    stdout: out.text(),
    stderr: err.text() + traceback,
    exit_code: exitCode,
    exception,
    load_ms: loaded - started,
    run_ms: finished - loaded,
    wasm_memory: memory ? memory.buffer.byteLength : null,
    memory_limit_hit: state.refused > 0,
  };
}

// `--heapsize=N --pystack=N` on the command line: the settings of the first spare.
function startSettings(args) {
  const settings = { heapsize: DEFAULTS.heapsize, pystack: DEFAULTS.pystack };
  for (const arg of args) {
    const match = /^--(heapsize|pystack)=(\d+)$/.exec(arg);
    if (match) settings[match[1]] = Number.parseInt(match[2], 10);
  }
  return settings;
}

async function main() {
  let pkgDir;
  let loadMicroPython;
  let version = "unknown";
  try {
    pkgDir = findPackage();
    ({ loadMicroPython } = await import(pathToFileURL(path.join(pkgDir, "micropython.mjs")).href));
    try {
      version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
    } catch {
      // a package without package.json still runs
    }
  } catch (error) {
    send({ ready: false, error: String(error?.message || error) });
    process.exit(2);
  }
  send({ ready: true, package: PACKAGE, version, node: process.version, path: pkgDir });
  const settings = startSettings(process.argv.slice(2));
  prepareSpare(loadMicroPython, settings.heapsize, settings.pystack);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let req;
    try {
      req = JSON.parse(line);
    } catch (error) {
      send({ error: `bad request: ${error.message}` });
      continue;
    }
    if (req.op === "exit") break;
    if (req.op !== "run") {
      send({ id: req.id, error: `unknown op ${JSON.stringify(req.op)}` });
      continue;
    }
    send(await runSpec(loadMicroPython, req));
    prepareSpare(loadMicroPython, req.heapsize ?? DEFAULTS.heapsize, req.pystack ?? DEFAULTS.pystack);
  }
  process.exit(0);
}

await main();
