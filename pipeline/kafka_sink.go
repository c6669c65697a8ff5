package pipeline

import (
	"context"
	"errors"
	"fmt"

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
	msgs := make([]kafka.Message, len(outs))
	for i, o := range outs {
		msgs[i] = s.message(o)
	}
	err := s.writer.WriteMessages(ctx, msgs...)
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

func (s *KafkaSink) message(o Output) kafka.Message {
	topic := s.outputTopic
	if o.DeadLetter {
		topic = s.dlqTopic
	}
	headers := make([]kafka.Header, len(o.Headers))
	for i, h := range o.Headers {
		headers[i] = kafka.Header{Key: h.Key, Value: h.Value}
	}
	return kafka.Message{Topic: topic, Key: o.Key, Value: o.Value, Headers: headers}
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
