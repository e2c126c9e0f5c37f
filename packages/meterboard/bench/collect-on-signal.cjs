// Preloaded into a benchmark's server (node --expose-gc --require, see COLLECT_ON_SIGNAL in
// server-heap.ts): SIGUSR2 runs a full garbage collection, so the benchmark reads the heap the
// server retains rather than whatever garbage V8 has not collected yet.
process.on('SIGUSR2', () => global.gc());
