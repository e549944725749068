// Preloaded into Prisma CLI runs (NODE_OPTIONS=--require): the WebAssembly schema engine leaves
// long timers running after its work is done, so commands would wait 10-60 s before exiting.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 10000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
