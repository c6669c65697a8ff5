package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

type zapLevel = zapcore.Level

// KafkaSink is a Sink publishing labeled records to cfg.OutputTopic and dead letters to
// cfg.DLQTopic with acks from all in-sync replicas, keyed so a post id always lands on the
// same partition.
type KafkaSink struct {
	writer      *kafka.Writer
	outputTopic string
	dlqTopic    string

	mu   sync.Mutex      // serializes Write, which reuses msgs
	msgs []kafka.Message // the previous Write's messages, cleared, for reuse
}

// NewKafkaSink builds the sink. cfg must be validated.
func NewKafkaSink(cfg Config, log *zap.Logger) (*KafkaSink, error) {
	_, transport, err := cfg.Security.clients(cfg.ClientID, cfg.RequestTimeout)
	if err != nil {
		return nil, err
	}
	w := &kafka.Writer{
		Addr:            kafka.TCP(cfg.Brokers...),
		Balancer:        &kafka.Hash{},
		MaxAttempts:     3,
		WriteBackoffMin: cfg.RetryBackoffMin,
		WriteBackoffMax: cfg.RetryBackoffMax,
		BatchSize:       cfg.BatchSize,
		BatchBytes:      int64(max(cfg.MaxRecordBytes, 1<<20)),
		BatchTimeout:    cfg.ProduceLinger,
		ReadTimeout:     cfg.RequestTimeout,
		WriteTimeout:    cfg.RequestTimeout,
		RequiredAcks:    kafka.RequireAll,
		Transport:       transport,
		Logger:          kafkaLogger(log.Named("writer"), zap.DebugLevel),
		ErrorLogger:     kafkaLogger(log.Named("writer"), zap.WarnLevel),
	}
	return &KafkaSink{writer: w, outputTopic: cfg.OutputTopic, dlqTopic: cfg.DLQTopic}, nil
}

// Write implements Sink.
func (s *KafkaSink) Write(ctx context.Context, outs []Output) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs := s.messages(outs)
	err := s.writer.WriteMessages(ctx, msgs...)
	clear(msgs) // kafka-go copied the messages; keep no reference to the outputs
	if err == nil {
		return nil
	}
	var werrs kafka.WriteErrors
	if errors.As(err, &werrs) && len(werrs) == len(outs) {
		return partialError(werrs)
	}
	if errors.Is(err, kafka.MessageSizeTooLarge) {
		return fmt.Errorf("write outputs: %w: %w", ErrOutputTooLarge, err)
	}
	return fmt.Errorf("write outputs: %w", err)
}

// messages converts outs to kafka-go messages in the slice of the previous Write. Headers
// that consecutive outputs share (every labeled record's) are converted once.
func (s *KafkaSink) messages(outs []Output) []kafka.Message {
	if cap(s.msgs) < len(outs) {
		s.msgs = make([]kafka.Message, len(outs))
	}
	msgs := s.msgs[:len(outs)]
	var from []Header
	var headers []kafka.Header
	for i, o := range outs {
		if !sameSlice(o.Headers, from) {
			from, headers = o.Headers, kafkaHeaders(o.Headers)
		}
		topic := s.outputTopic
		if o.DeadLetter {
			topic = s.dlqTopic
		}
		msgs[i] = kafka.Message{Topic: topic, Key: o.Key, Value: o.Value, Headers: headers}
	}
	return msgs
}

func kafkaHeaders(hs []Header) []kafka.Header {
	out := make([]kafka.Header, len(hs))
	for i, h := range hs {
		out[i] = kafka.Header{Key: h.Key, Value: h.Value}
	}
	return out
}

// sameSlice reports whether a and b are the same non-empty slice of memory.
func sameSlice[T any](a, b []T) bool {
	return len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
}

func partialError(werrs kafka.WriteErrors) error {
	we := &WriteError{}
	for i, e := range werrs {
		if e != nil {
			if errors.Is(e, kafka.MessageSizeTooLarge) {
				e = fmt.Errorf("%w: %w", ErrOutputTooLarge, e)
			}
			we.Failed = append(we.Failed, i)
			we.Errs = append(we.Errs, e)
			if we.Err == nil {
				we.Err = e
			}
		}
	}
	if len(we.Failed) == 0 {
		return nil
	}
	return we
}

// Close implements Sink.
func (s *KafkaSink) Close() error {
	if err := s.writer.Close(); err != nil {
		return fmt.Errorf("close writer: %w", err)
	}
	return nil
}
