package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
)

// collector consumes the output topic and records when each post's output arrived.
type collector struct {
	recv   []atomic.Int64 // unix nanos of the first output per post seq
	count  atomic.Int64
	first  atomic.Int64
	last   atomic.Int64
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func startCollector(ctx context.Context, brokers []string, partitions, posts int) *collector {
	ctx, cancel := context.WithCancel(ctx)
	c := &collector{recv: make([]atomic.Int64, posts), cancel: cancel}
	for p := range partitions {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "labeled", Partition: p,
			MinBytes: 1, MaxBytes: 16 << 20, MaxWait: time.Second, QueueCapacity: 10000})
		c.wg.Go(func() { c.consume(ctx, r) })
	}
	return c
}

func (c *collector) consume(ctx context.Context, r *kafka.Reader) {
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return
		}
		now := time.Now().UnixNano()
		seq, err := strconv.Atoi(strings.TrimPrefix(string(m.Key), "b-"))
		if err != nil || seq < 0 || seq >= len(c.recv) || !c.recv[seq].CompareAndSwap(0, now) {
			continue // not a bench post, or a duplicate
		}
		c.first.CompareAndSwap(0, now)
		c.last.Store(now)
		c.count.Add(1)
	}
}

// waitFor waits until n distinct posts have an output.
func (c *collector) waitFor(ctx context.Context, n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for int(c.count.Load()) < n {
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("got %d of %d outputs within %s", c.count.Load(), n, timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

func (c *collector) span() (first, last time.Time) {
	return time.Unix(0, c.first.Load()), time.Unix(0, c.last.Load())
}

// latencies returns the p50 and p99 of receive minus send time for posts from seq on.
func (c *collector) latencies(sent []time.Time, from int) (p50, p99 time.Duration) {
	var ds []time.Duration
	for seq := from; seq < len(sent); seq++ {
		ds = append(ds, time.Unix(0, c.recv[seq].Load()).Sub(sent[seq]))
	}
	if len(ds) == 0 {
		return 0, 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2], ds[len(ds)*99/100]
}

func (c *collector) stop() {
	c.cancel()
	c.wg.Wait()
}
