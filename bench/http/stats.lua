-- stats.lua: wrk's summary as one machine-readable line (bench/http/run.sh).
-- errors = socket errors (connect, read, write, timeout) + HTTP status >= 400
-- (wrk counts those itself, so no response() hook slows the client down).
done = function(summary, latency, requests)
   local e = summary.errors
   local sock = e.connect + e.read + e.write + e.timeout
   io.write(string.format(
      "GKSTATS requests=%d duration_us=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f sock_errors=%d status_errors=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, sock, e.status))
end
