package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"
)

// KafkaSource is a Source reading a topic as a member of a consumer group, with kafka-go's
// FetchMessage and synchronous CommitMessages.
type KafkaSource struct {
	reader  *kafka.Reader
	dialer  *kafka.Dialer
	brokers []string
	topic   string
}

// NewKafkaSource builds a consumer-group source for cfg.InputTopic. cfg must be validated.
func NewKafkaSource(cfg Config, log *zap.Logger) (*KafkaSource, error) {
	dialer, _, err := cfg.Security.clients(cfg.ClientID, cfg.RequestTimeout)
	if err != nil {
		return nil, err
	}
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:       cfg.Brokers,
		GroupID:       cfg.GroupID,
		GroupTopics:   []string{cfg.InputTopic},
		Dialer:        dialer,
		QueueCapacity: cfg.BatchSize,
		MinBytes:      1,
		MaxBytes:      10 << 20,
		// kafka-go gives the broker MaxWait minus a quarter as its long-poll time and fails
		// the read at MaxWait; a short MaxWait turns a busy broker's late idle reply into a
		// reconnect. New data still ends the long poll at once.
		MaxWait:           time.Second,
		ReadBatchTimeout:  cfg.RequestTimeout,
		HeartbeatInterval: cfg.HeartbeatInterval,
		CommitInterval:    0, // synchronous commits: CommitMessages returns once durable
		SessionTimeout:    cfg.SessionTimeout,
		RebalanceTimeout:  cfg.RebalanceTimeout,
		JoinGroupBackoff:  cfg.JoinGroupBackoff,
		StartOffset:       kafka.FirstOffset,
		ReadBackoffMin:    cfg.RetryBackoffMin,
		ReadBackoffMax:    cfg.RetryBackoffMax,
		Logger:            kafkaLogger(log.Named("reader"), zap.DebugLevel),
		ErrorLogger:       kafkaLogger(log.Named("reader"), zap.WarnLevel),
	})
	return &KafkaSource{reader: r, dialer: dialer, brokers: cfg.Brokers, topic: cfg.InputTopic}, nil
}

// Ping checks that some broker answers and knows the input topic.
func (s *KafkaSource) Ping(ctx context.Context) error {
	var errs []error
	for _, b := range s.brokers {
		err := s.pingOne(ctx, b)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("ping brokers: %w", errors.Join(errs...))
}

func (s *KafkaSource) pingOne(ctx context.Context, broker string) error {
	conn, err := s.dialer.DialContext(ctx, "tcp", broker)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	parts, err := conn.ReadPartitions(s.topic)
	if err != nil {
		return fmt.Errorf("%s: read partitions of %q: %w", broker, s.topic, err)
	}
	if len(parts) == 0 {
		return fmt.Errorf("%s: topic %q has no partitions", broker, s.topic)
	}
	return nil
}

// Fetch implements Source.
func (s *KafkaSource) Fetch(ctx context.Context) (Message, error) {
	if err := ctx.Err(); err != nil {
		return Message{}, err
	}
	m, err := s.reader.FetchMessage(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return Message{}, ctx.Err()
		}
		if errors.Is(err, io.EOF) {
			// A dropped connection; io.EOF from a Source means "no more input", so hide it.
			return Message{}, fmt.Errorf("fetch message: connection closed: %v", err)
		}
		return Message{}, fmt.Errorf("fetch message: %w", err)
	}
	headers := make([]Header, len(m.Headers))
	for i, h := range m.Headers {
		headers[i] = Header{Key: h.Key, Value: h.Value}
	}
	return Message{
		Key: m.Key, Value: m.Value, Headers: headers,
		Origin:        Origin{Topic: m.Topic, Partition: m.Partition, Offset: m.Offset},
		Time:          m.Time,
		HighWaterMark: m.HighWaterMark,
	}, nil
}

// Commit implements Source. It commits, per partition, the offset after the last message.
func (s *KafkaSource) Commit(ctx context.Context, msgs []Message) error {
	last := map[kafkaPartition]int64{}
	for _, m := range msgs {
		p := kafkaPartition{m.Origin.Topic, m.Origin.Partition}
		if off, ok := last[p]; !ok || m.Origin.Offset > off {
			last[p] = m.Origin.Offset
		}
	}
	km := make([]kafka.Message, 0, len(last))
	for p, off := range last {
		km = append(km, kafka.Message{Topic: p.topic, Partition: p.partition, Offset: off})
	}
	if err := s.reader.CommitMessages(ctx, km...); err != nil {
		return fmt.Errorf("commit offsets: %w", err)
	}
	return nil
}

// Close implements Source; it leaves the consumer group.
func (s *KafkaSource) Close() error {
	if err := s.reader.Close(); err != nil {
		return fmt.Errorf("close reader: %w", err)
	}
	return nil
}

type kafkaPartition struct {
	topic     string
	partition int
}

// kafkaLogger adapts zap to kafka-go's Logger at one level.
func kafkaLogger(log *zap.Logger, level zapLevel) kafka.LoggerFunc {
	return func(format string, args ...any) {
		if ce := log.Check(level, fmt.Sprintf(format, args...)); ce != nil {
			ce.Write()
		}
	}
}
