package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"
)

// demoFeed is the bundled sample feed: one input message per line, including some poison
// inputs. demoMessages adds the ones a text file cannot hold.
//
//go:embed demo/feed.jsonl
var demoFeed []byte

// demoCommand runs the real worker between an embedded broker loaded with the sample feed
// and a summary read back from the output and dead-letter topics.
func demoCommand(ctx context.Context, env *environment, args []string) error {
	opts, follow, err := parseDemoFlags(env, args)
	if err != nil {
		return err
	}
	log, err := newStreamLogger(opts.logLevel, true, env)
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()
	opts.embeddedMaxBytes = 4 << 20 // room for the oversized sample message
	broker, err := startEmbeddedBroker(&opts, log)
	if err != nil {
		return err
	}
	defer broker.Close()
	feed := demoMessages(opts.cfg.Limits)
	if err := produceDemoFeed(ctx, opts.cfg, feed); err != nil {
		return err
	}
	reg, health := newStreamRegistry(), &pipeline.Health{}
	if stopHTTP, err := serveStreamHTTP(opts.metricsAddr, reg, health, log); err != nil {
		log.Warn("metrics endpoint disabled", zap.Error(err))
	} else {
		defer stopHTTP()
	}
	wctx, stopWorker := context.WithCancel(ctx)
	defer stopWorker()
	done := make(chan error, 1)
	go func() { done <- runStreamWorker(wctx, opts, reg, health, log) }()
	wantRecords, wantDead := expectedOutputs(feed, opts.cfg.Limits)
	out, err := readDemoOutputs(ctx, opts.cfg, wantRecords, wantDead)
	if err != nil {
		return err
	}
	writeDemoSummary(env.stdout, len(feed), out, isTerminal(env.stdout))
	if follow {
		log.Info("following: the worker keeps running; produce to the input topic, Ctrl-C to stop",
			zap.Strings("brokers", opts.cfg.Brokers), zap.String("input", opts.cfg.InputTopic))
		<-ctx.Done()
	}
	stopWorker()
	return <-done
}

func parseDemoFlags(env *environment, args []string) (streamOptions, bool, error) {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	opts := defineStreamFlags(fs, "localhost:9464", "demo.posts")
	follow := fs.Bool("follow", false, "keep the worker and the metrics endpoint running until Ctrl-C")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: allystream demo [--follow] [--metrics-addr ADDR] [flags]")
		fmt.Fprintln(fs.Output(), "Labels a bundled sample feed through an embedded broker and prints a summary.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return streamOptions{}, false, err
	}
	if fs.NArg() > 0 || opts.brokers != "" {
		return streamOptions{}, false, fmt.Errorf("%w: demo takes no arguments and always uses an embedded broker", errUsage)
	}
	o, err := opts.finish(env)
	return o, *follow, err
}

// demoMessages is the sample feed: every line of demoFeed, plus an empty message, a post
// whose text is over the limit and a message over the size limit.
func demoMessages(limits pipeline.Limits) [][]byte {
	msgs := bytes.Split(bytes.TrimRight(demoFeed, "\n"), []byte("\n"))
	long := strings.Repeat("So much to say. ", limits.MaxTextBytes/16+1)
	longPost, _ := json.Marshal(map[string]string{"id": "demo-long", "text": long})
	huge := make([]byte, limits.MaxMessageBytes+1024)
	copy(huge, `{"id": "demo-huge", "text": "`)
	for i := 29; i < len(huge)-2; i++ {
		huge[i] = 'a'
	}
	copy(huge[len(huge)-2:], `"}`)
	return append(msgs, []byte{}, longPost, huge)
}

// expectedOutputs counts how many feed messages the decoder accepts and rejects.
func expectedOutputs(feed [][]byte, limits pipeline.Limits) (records, dead int) {
	dec := pipeline.JSONDecoder{Limits: limits}
	for _, v := range feed {
		if _, err := dec.Decode(v); err != nil {
			dead++
		} else {
			records++
		}
	}
	return records, dead
}

func produceDemoFeed(ctx context.Context, cfg pipeline.Config, feed [][]byte) error {
	w := &kafka.Writer{Addr: kafka.TCP(cfg.Brokers...), Topic: cfg.InputTopic, Balancer: &kafka.RoundRobin{},
		BatchTimeout: time.Millisecond, BatchBytes: 8 << 20, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	msgs := make([]kafka.Message, len(feed))
	for i, v := range feed {
		msgs[i] = kafka.Message{Value: v, Time: time.Now()}
	}
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("produce sample feed: %w", err)
	}
	return nil
}

// demoOutputs is what the demo read back.
type demoOutputs struct {
	records []pipeline.Record
	dead    []kafka.Message
}

// readDemoOutputs reads the output and dead-letter topics until the expected counts arrive.
func readDemoOutputs(ctx context.Context, cfg pipeline.Config, wantRecords, wantDead int) (demoOutputs, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var out demoOutputs
	var recMsgs []kafka.Message
	var errRec, errDead error
	var wg sync.WaitGroup
	wg.Go(func() { recMsgs, errRec = readTopicN(ctx, cfg.Brokers, cfg.OutputTopic, wantRecords) })
	wg.Go(func() { out.dead, errDead = readTopicN(ctx, cfg.Brokers, cfg.DLQTopic, wantDead) })
	wg.Wait()
	if errRec != nil || errDead != nil {
		return out, fmt.Errorf("read back results: got %d of %d records and %d of %d dead letters: %v",
			len(recMsgs), wantRecords, len(out.dead), wantDead, ctx.Err())
	}
	for _, m := range recMsgs {
		var rec pipeline.Record
		if err := json.Unmarshal(m.Value, &rec); err != nil {
			return out, fmt.Errorf("decode record at %s/%d/%d: %w", m.Topic, m.Partition, m.Offset, err)
		}
		out.records = append(out.records, rec)
	}
	return out, nil
}

// readTopicN reads every partition of topic from the start until n messages arrived.
func readTopicN(ctx context.Context, brokers []string, topic string, n int) ([]kafka.Message, error) {
	conn, err := kafka.DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", brokers[0], err)
	}
	parts, err := conn.ReadPartitions(topic)
	_ = conn.Close()
	if err != nil {
		return nil, fmt.Errorf("read partitions of %s: %w", topic, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan kafka.Message)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	for _, p := range parts {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, Partition: p.ID, MaxWait: 100 * time.Millisecond, MaxBytes: 8 << 20})
		wg.Go(func() { forwardMessages(ctx, r, ch) })
	}
	var got []kafka.Message
	for len(got) < n {
		select {
		case m := <-ch:
			got = append(got, m)
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
	return got, nil
}

func forwardMessages(ctx context.Context, r *kafka.Reader, ch chan<- kafka.Message) {
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return
		}
		select {
		case ch <- m:
		case <-ctx.Done():
			return
		}
	}
}
