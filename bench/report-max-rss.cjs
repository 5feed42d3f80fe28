// Preloaded with `node -r`: reports the process's peak RSS (KiB) on stderr as it exits.
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
