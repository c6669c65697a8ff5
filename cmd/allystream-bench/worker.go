package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/lexicons"
	"github.com/allystream/allystream/pipeline"
	"go.uber.org/zap"
)

// The bench re-executes itself as the worker process; these variables configure it.
const (
	workerEnv        = "ALLYSTREAM_BENCH_WORKER" // "label" or "passthrough"
	workerBrokersEnv = "ALLYSTREAM_BENCH_BROKERS"
	workerBatchEnv   = "ALLYSTREAM_BENCH_BATCH"
	workerCountEnv   = "ALLYSTREAM_BENCH_WORKERS"
	// workerProfileEnv, when set, names a file for the worker's CPU profile.
	workerProfileEnv = "ALLYSTREAM_BENCH_CPUPROFILE"
	// workerMemProfileEnv, when set, names a file for the worker's allocation profile,
	// written when the worker stops.
	workerMemProfileEnv = "ALLYSTREAM_BENCH_MEMPROFILE"
)

// workerMain runs the real pipeline worker until SIGTERM and returns the exit status.
func workerMain(mode string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if path := os.Getenv(workerProfileEnv); path != "" {
		f, err := os.Create(path + "." + mode)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if path := os.Getenv(workerMemProfileEnv); path != "" {
		defer writeAllocProfile(path + "." + mode)
	}
	if err := runBenchWorker(ctx, mode); err != nil {
		fmt.Fprintln(os.Stderr, "bench worker:", err)
		return 1
	}
	return 0
}

// writeAllocProfile writes the allocation profile to path; failures are reported, not fatal.
func writeAllocProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench worker: memory profile:", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, "bench worker: memory profile:", err)
	}
}

func runBenchWorker(ctx context.Context, mode string) error {
	restoreGC, err := applyGCPolicy()
	if err != nil {
		return err
	}
	defer restoreGC()
	batch, _ := strconv.Atoi(os.Getenv(workerBatchEnv))
	workers, _ := strconv.Atoi(os.Getenv(workerCountEnv))
	cfg := pipeline.Config{Brokers: strings.Split(os.Getenv(workerBrokersEnv), ","), InputTopic: "posts",
		OutputTopic: "labeled", DLQTopic: "dlq", GroupID: "bench", BatchSize: batch, Workers: workers}.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return err
	}
	log, _ := zap.NewProduction(zap.IncreaseLevel(zap.WarnLevel))
	w := &pipeline.Worker{Config: cfg, Log: log, Passthrough: mode == "passthrough"}
	if !w.Passthrough {
		lab, err := benchLabeler(cfg.Limits)
		if err != nil {
			return err
		}
		w.Labeler = lab
	}
	src, err := pipeline.NewKafkaSource(cfg, log)
	if err != nil {
		return err
	}
	defer src.Close()
	sink, err := pipeline.NewKafkaSink(cfg, log)
	if err != nil {
		return err
	}
	defer sink.Close()
	w.Source, w.Sink = src, sink
	return w.Run(ctx)
}

// applyGCPolicy puts in force the garbage-collector policy "allystream run" uses: its
// defaults, changed by the same ALLYSTREAM_GC_PERCENT and ALLYSTREAM_MEMORY_LIMIT variables,
// and overridden by GOGC and GOMEMLIMIT.
func applyGCPolicy() (restore func(), err error) {
	gc := pipeline.DefaultGCPolicy()
	fs := flag.NewFlagSet("bench worker", flag.ContinueOnError)
	gc.RegisterFlags(fs)
	fs.VisitAll(func(f *flag.Flag) {
		name := "ALLYSTREAM_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := os.Getenv(name); v != "" && err == nil {
			if serr := fs.Set(f.Name, v); serr != nil {
				err = fmt.Errorf("%s=%q: %w", name, v, serr)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	restore, err = gc.Apply(os.Getenv)
	if err != nil {
		return nil, fmt.Errorf("apply %s: %w", gc, err)
	}
	return restore, nil
}

func benchLabeler(limits pipeline.Limits) (*pipeline.Labeler, error) {
	set, err := lexicons.Load("")
	if err != nil {
		return nil, err
	}
	eng, err := classifiers.New(set)
	if err != nil {
		return nil, err
	}
	return &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: limits}, Classifier: eng}, nil
}
