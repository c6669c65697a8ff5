// Command allystream-bench measures the streaming worker end to end: it starts an in-process
// broker (kfake, loopback), loads a backlog of realistic posts, runs "allystream run" as a
// child process (so its peak RSS and CPU time are its own), and reports throughput while the
// backlog drains, end-to-end latency at a steady paced rate, and the worker's peak RSS and CPU
// time per post. It runs the same command with --passthrough (classification replaced by a
// copy, same consumer and producer settings) in the same invocation, for comparison.
//
//	go run ./cmd/allystream-bench -posts 200000
//	go run ./cmd/allystream-bench -posts 1000000 -modes label   # the RSS check; takes minutes
//
// The worker is the real command: the bench builds it once per invocation with
// "go build" (so it must run inside the allystream module, with the go tool on PATH), or
// uses the binary given with -allystream PATH. Each mode runs
//
//	allystream run --brokers ADDR --input-topic posts --output-topic labeled --dlq-topic dlq \
//	    --group bench --batch-size N --workers N --metrics-addr "" --log-level warn --passthrough=BOOL
//
// with the bench's environment, so the worker's garbage-collector policy is that of
// "allystream run", changed by the same ALLYSTREAM_GC_PERCENT, ALLYSTREAM_MEMORY_LIMIT, GOGC
// and GOMEMLIMIT variables (other ALLYSTREAM_* variables apply too, except for the flags
// above, which the command line sets). The bench writes no profiles; to profile the worker,
// profile "allystream run" itself.
//
// Latency is measured from the moment the bench produced a post to the moment the bench's
// own consumer received its output, so it includes one produce and one fetch round trip.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// benchConfig holds the flags.
type benchConfig struct {
	posts      int
	partitions int
	batchSize  int
	workers    int
	rate       int
	paced      time.Duration
	modes      string
	corpus     string
	allystream string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "allystream-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	cfg, err := parseBenchFlags(args)
	if err != nil {
		return err
	}
	texts, err := loadCorpus(cfg.corpus)
	if err != nil {
		return err
	}
	bin := cfg.allystream
	if bin == "" {
		dir, err := os.MkdirTemp("", "allystream-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if bin, err = buildAllystream(ctx, dir); err != nil {
			return err
		}
		fmt.Fprintf(out, "allystream-bench: worker built from %s\n", allystreamPackage)
	} else {
		fmt.Fprintf(out, "allystream-bench: worker %s\n", bin)
	}
	fmt.Fprintf(out, "allystream-bench: %d posts backlog, %d partitions, batch %d, %d paced posts/s for %s\n",
		cfg.posts, cfg.partitions, cfg.batchSize, cfg.rate, cfg.paced)
	var results []result
	for _, mode := range strings.Split(cfg.modes, ",") {
		r, err := measure(ctx, cfg, bin, mode, texts)
		if err != nil {
			return fmt.Errorf("%s run: %w", mode, err)
		}
		results = append(results, r)
	}
	writeResults(out, results)
	return nil
}

func parseBenchFlags(args []string) (benchConfig, error) {
	var c benchConfig
	fs := flag.NewFlagSet("allystream-bench", flag.ContinueOnError)
	fs.IntVar(&c.posts, "posts", 200000, "posts in the backlog to drain")
	fs.IntVar(&c.partitions, "partitions", 4, "partitions of the input and output topics")
	fs.IntVar(&c.batchSize, "batch-size", 1000, "worker batch size")
	fs.IntVar(&c.workers, "workers", 0, "worker classifier goroutines (0: NumCPU)")
	fs.IntVar(&c.rate, "rate", 2000, "posts/s produced during the latency phase")
	fs.DurationVar(&c.paced, "paced", 5*time.Second, "length of the latency phase")
	fs.StringVar(&c.modes, "modes", "passthrough,label", "comma-separated runs: passthrough, label")
	fs.StringVar(&c.allystream, "allystream", "", "prebuilt allystream `binary` to run as the worker (default: go build it from this module)")
	fs.StringVar(&c.corpus, "corpus", "", "JSONL file whose \"text\" fields are used as posts (default: built-in sentences)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.posts < 1 || c.partitions < 1 || c.rate < 1 {
		return c, fmt.Errorf("-posts, -partitions and -rate must be positive")
	}
	for _, mode := range strings.Split(c.modes, ",") {
		if mode != "label" && mode != "passthrough" {
			return c, fmt.Errorf("-modes: unknown mode %q (want passthrough, label or both)", mode)
		}
	}
	return c, nil
}
