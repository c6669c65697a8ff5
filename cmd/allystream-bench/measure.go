package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/allystream/allystream/internal/embedded"
	"github.com/segmentio/kafka-go"
)

// result is one run's measurements.
type result struct {
	mode       string
	posts      int
	produce    time.Duration // loading the backlog
	drain      time.Duration // worker start to last backlog output
	steady     float64       // posts/s from first to last backlog output
	paced      int           // posts in the latency phase
	p50, p99   time.Duration
	peakRSSKB  int64
	cpuPerPost time.Duration // worker CPU (user+system) from start to the drain's end, per post
}

// measure runs one mode on a fresh broker, with bin ("allystream") as the worker.
func measure(ctx context.Context, cfg benchConfig, bin, mode string, texts []string) (result, error) {
	res := result{mode: mode, posts: cfg.posts}
	b, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{
		{Name: "posts", Partitions: int32(cfg.partitions)}, {Name: "labeled", Partitions: int32(cfg.partitions)}, {Name: "dlq", Partitions: 1},
	}})
	if err != nil {
		return res, err
	}
	defer b.Close()
	pacedN := cfg.rate * int(cfg.paced/time.Second)
	maker := newPostMaker(texts)
	sent := make([]time.Time, cfg.posts+pacedN)
	t0 := time.Now()
	if err := produceRange(ctx, b.Addrs(), maker, sent, 0, cfg.posts, 5*time.Millisecond); err != nil {
		return res, err
	}
	res.produce = time.Since(t0)
	col := startCollector(ctx, b.Addrs(), cfg.partitions, len(sent))
	defer col.stop()
	start := time.Now()
	proc, err := startWorkerProcess(bin, mode, b.Addrs(), cfg)
	if err != nil {
		return res, err
	}
	defer proc.stop()
	wctx, cancel := proc.watch(ctx)
	defer cancel()
	if err := col.waitFor(wctx, cfg.posts, drainTimeout(cfg.posts)); err != nil {
		if exit := proc.exitErr(); exit != nil {
			return res, exit
		}
		return res, fmt.Errorf("drain backlog: %w (output topic holds %d messages)", err, topicSize(b.Addrs(), "labeled"))
	}
	pid := proc.cmd.Process.Pid
	if cpu := processCPU(pid); cpu >= 0 {
		res.cpuPerPost = cpu / time.Duration(cfg.posts)
	}
	first, last := col.span()
	res.drain = last.Sub(start)
	res.steady = float64(cfg.posts-1) / last.Sub(first).Seconds()
	if err := producePaced(ctx, b.Addrs(), maker, sent, cfg); err != nil {
		return res, err
	}
	if err := col.waitFor(wctx, len(sent), 60*time.Second); err != nil {
		if exit := proc.exitErr(); exit != nil {
			return res, exit
		}
		return res, fmt.Errorf("latency phase: %w", err)
	}
	res.paced = pacedN
	res.p50, res.p99 = col.latencies(sent, cfg.posts)
	res.peakRSSKB = peakRSS(pid)
	return res, nil
}

func drainTimeout(posts int) time.Duration {
	return max(2*time.Minute, time.Duration(posts/1000)*time.Second)
}

// produceRange produces posts [from, to) and records when each was sent.
func produceRange(ctx context.Context, brokers []string, maker *postMaker, sent []time.Time, from, to int, linger time.Duration) error {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "posts", Balancer: &kafka.Hash{}, BatchSize: 5000,
		BatchTimeout: linger, BatchBytes: 1 << 20, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	const chunk = 20000
	msgs := make([]kafka.Message, 0, chunk)
	for lo := from; lo < to; lo += chunk {
		msgs = msgs[:0]
		now := time.Now()
		for seq := lo; seq < min(lo+chunk, to); seq++ {
			id, v := maker.post(seq)
			msgs = append(msgs, kafka.Message{Key: []byte(id), Value: v, Time: now})
			sent[seq] = now
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			return fmt.Errorf("produce posts: %.300s", err)
		}
	}
	return nil
}

// producePaced produces cfg.rate posts/s for cfg.paced, in 10ms slices.
func producePaced(ctx context.Context, brokers []string, maker *postMaker, sent []time.Time, cfg benchConfig) error {
	per := max(cfg.rate/100, 1)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for seq := cfg.posts; seq < len(sent); seq += per {
		if err := produceRange(ctx, brokers, maker, sent, seq, min(seq+per, len(sent)), time.Millisecond); err != nil {
			return err
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// peakRSS reads the process's peak resident set size (VmHWM) in KiB, or -1.
func peakRSS(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return -1
}

// processCPU reads the process's user+system CPU time from /proc, or -1. It is a measure of
// the worker's own cost that, unlike throughput, barely depends on what else the machine runs.
func processCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// Fields after the command name (which may hold spaces) start after the last ')'.
	i := strings.LastIndexByte(string(data), ')')
	fields := strings.Fields(string(data[i+1:]))
	if i < 0 || len(fields) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	const ticksPerSecond = 100 // USER_HZ, 100 on every Linux ABI Go supports
	return time.Duration(utime+stime) * time.Second / ticksPerSecond
}

// topicSize sums the high watermarks of topic's partitions, or -1 on error.
func topicSize(brokers []string, topic string) int64 {
	conn, err := kafka.Dial("tcp", brokers[0])
	if err != nil {
		return -1
	}
	defer conn.Close()
	parts, err := conn.ReadPartitions(topic)
	if err != nil {
		return -1
	}
	var n int64
	for _, p := range parts {
		pc, err := kafka.DialLeader(context.Background(), "tcp", brokers[0], topic, p.ID)
		if err != nil {
			return -1
		}
		last, err := pc.ReadLastOffset()
		pc.Close()
		if err != nil {
			return -1
		}
		n += last
	}
	return n
}
