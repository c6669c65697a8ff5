package main

import (
	"fmt"
	"io"
	"time"
)

func writeResults(w io.Writer, results []result) {
	fmt.Fprintf(w, "\n%-12s %9s %10s %10s %12s %9s %9s %13s %12s\n", "mode", "posts", "load_s", "drain_s", "posts/s", "p50_ms", "p99_ms", "peak_rss_MiB", "cpu_us/post")
	for _, r := range results {
		fmt.Fprintf(w, "%-12s %9d %10.2f %10.2f %12.0f %9.1f %9.1f %13.1f %12.1f\n", r.mode, r.posts, r.produce.Seconds(),
			r.drain.Seconds(), r.steady, ms(r.p50), ms(r.p99), float64(r.peakRSSKB)/1024, float64(r.cpuPerPost)/float64(time.Microsecond))
	}
	byMode := map[string]result{}
	for _, r := range results {
		byMode[r.mode] = r
	}
	if l, ok := byMode["label"]; ok {
		if p, ok := byMode["passthrough"]; ok && p.steady > 0 {
			fmt.Fprintf(w, "\nlabel/passthrough throughput: %.2fx\n", l.steady/p.steady)
		}
	}
	fmt.Fprintln(w, "posts/s: backlog drain rate, first to last output; p50/p99: paced phase, produce to output received")
	fmt.Fprintln(w, "cpu_us/post: worker process CPU (user+system) from its start to the end of the drain, per backlog post")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
