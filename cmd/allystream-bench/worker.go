package main

import (
	"context"
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
	if err := runBenchWorker(ctx, mode); err != nil {
		fmt.Fprintln(os.Stderr, "bench worker:", err)
		return 1
	}
	return 0
}

func runBenchWorker(ctx context.Context, mode string) error {
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
