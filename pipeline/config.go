package pipeline

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"
)

// Config configures a streaming worker: where it reads and writes, how it batches, and how it
// behaves in a consumer group. The zero value of every field means its documented default;
// call WithDefaults to fill them in and Validate to check the result.
type Config struct {
	// Brokers are the bootstrap host:port addresses. Required.
	Brokers []string
	// InputTopic carries one JSON post per message. Required.
	InputTopic string
	// OutputTopic receives one labeled Record per post. Required.
	OutputTopic string
	// DLQTopic receives every message that cannot be labeled (dead letters). Required.
	DLQTopic string
	// GroupID is the consumer group; workers with the same GroupID share the input
	// partitions. Required.
	GroupID string
	// ClientID names this worker to the brokers. Default: "allystream".
	ClientID string

	// Workers is how many goroutines classify a batch in parallel. Default: runtime.NumCPU().
	Workers int
	// BatchSize is the most messages processed, published and committed together. It bounds
	// the duplicates a crash can cause. Default: 1000.
	BatchSize int
	// BatchWait is how long a batch waits for more messages after its first. Default: 20ms.
	BatchWait time.Duration
	// ProduceLinger is the kafka-go Writer.BatchTimeout: how long the producer waits to fill a
	// partition batch. kafka-go's own default (1s) caps throughput at a few hundred posts/s.
	// Default: 2ms.
	ProduceLinger time.Duration

	// Limits bound what the decoder accepts. Default: DefaultLimits() (1 MiB message, 64 KiB
	// text).
	Limits Limits
	// MaxRecordBytes is the largest labeled record or dead letter published; it must not exceed
	// the broker's message.max.bytes. A labeled record over it is dead-lettered with reason
	// record_too_large; a dead letter's original value is truncated to fit. Default: 1000000.
	MaxRecordBytes int

	// SessionTimeout is the consumer-group session timeout: how long a crashed worker holds
	// its partitions. kafka-go's default of 30s stalls a restart; the broker's minimum is
	// usually 6s. Default: 6s.
	SessionTimeout time.Duration
	// HeartbeatInterval is how often the worker heartbeats to the group coordinator.
	// Default: 1s.
	HeartbeatInterval time.Duration
	// RebalanceTimeout is how long the coordinator waits for members to rejoin during a
	// rebalance. Default: 10s.
	RebalanceTimeout time.Duration
	// JoinGroupBackoff is the pause before rejoining after a group error. Default: 1s.
	JoinGroupBackoff time.Duration

	// GracePeriod bounds shutdown: after cancellation the worker stops fetching and has this
	// long to publish and commit the batch in flight. Default: 10s.
	GracePeriod time.Duration
	// RetryBackoffMin is the first pause between retries of a failed produce or commit.
	// Default: 100ms.
	RetryBackoffMin time.Duration
	// RetryBackoffMax caps the exponential retry pause. Default: 5s.
	RetryBackoffMax time.Duration
	// RequestTimeout bounds one produce or commit attempt. Default: 10s.
	RequestTimeout time.Duration

	// Security holds SASL and TLS settings for real clusters. Default: plaintext, no auth.
	Security Security
}

// WithDefaults returns c with every zero field set to its documented default.
func (c Config) WithDefaults() Config {
	setDefault(&c.ClientID, "allystream")
	setDefault(&c.Workers, runtime.NumCPU())
	setDefault(&c.BatchSize, 1000)
	setDefault(&c.BatchWait, 20*time.Millisecond)
	setDefault(&c.ProduceLinger, 2*time.Millisecond)
	def := DefaultLimits()
	setDefault(&c.Limits.MaxMessageBytes, def.MaxMessageBytes)
	setDefault(&c.Limits.MaxTextBytes, def.MaxTextBytes)
	setDefault(&c.MaxRecordBytes, 1000000)
	setDefault(&c.SessionTimeout, 6*time.Second)
	setDefault(&c.HeartbeatInterval, time.Second)
	setDefault(&c.RebalanceTimeout, 10*time.Second)
	setDefault(&c.JoinGroupBackoff, time.Second)
	setDefault(&c.GracePeriod, 10*time.Second)
	setDefault(&c.RetryBackoffMin, 100*time.Millisecond)
	setDefault(&c.RetryBackoffMax, 5*time.Second)
	setDefault(&c.RequestTimeout, 10*time.Second)
	return c
}

func setDefault[T comparable](field *T, def T) {
	var zero T
	if *field == zero {
		*field = def
	}
}

// Validate reports every problem with c (after defaults), naming the fields involved.
func (c Config) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(c.Brokers) == 0 {
		add("Brokers: at least one host:port is required")
	}
	for _, b := range c.Brokers {
		if !strings.Contains(b, ":") {
			add("Brokers: %q is not host:port", b)
		}
	}
	c.validateTopics(add)
	if c.Workers < 1 || c.BatchSize < 1 {
		add("Workers (%d) and BatchSize (%d) must be at least 1", c.Workers, c.BatchSize)
	}
	if c.BatchWait < 0 || c.ProduceLinger < 0 || c.GracePeriod < 0 {
		add("BatchWait, ProduceLinger and GracePeriod must not be negative")
	}
	if c.Limits.MaxTextBytes > c.Limits.MaxMessageBytes {
		add("Limits.MaxTextBytes (%d) exceeds Limits.MaxMessageBytes (%d)", c.Limits.MaxTextBytes, c.Limits.MaxMessageBytes)
	}
	if c.MaxRecordBytes < 4096 {
		add("MaxRecordBytes (%d) must be at least 4096", c.MaxRecordBytes)
	}
	if c.HeartbeatInterval*3 > c.SessionTimeout {
		add("HeartbeatInterval (%s) must be at most a third of SessionTimeout (%s)", c.HeartbeatInterval, c.SessionTimeout)
	}
	if c.RetryBackoffMin > c.RetryBackoffMax {
		add("RetryBackoffMin (%s) exceeds RetryBackoffMax (%s)", c.RetryBackoffMin, c.RetryBackoffMax)
	}
	if err := c.Security.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (c Config) validateTopics(add func(string, ...any)) {
	named := map[string]string{"InputTopic": c.InputTopic, "OutputTopic": c.OutputTopic, "DLQTopic": c.DLQTopic, "GroupID": c.GroupID}
	for _, field := range []string{"InputTopic", "OutputTopic", "DLQTopic", "GroupID"} {
		if named[field] == "" {
			add("%s is required", field)
		}
	}
	if c.InputTopic != "" && (c.InputTopic == c.OutputTopic || c.InputTopic == c.DLQTopic) {
		add("InputTopic %q must differ from OutputTopic and DLQTopic", c.InputTopic)
	}
	if c.OutputTopic != "" && c.OutputTopic == c.DLQTopic {
		add("OutputTopic and DLQTopic must differ (both %q)", c.OutputTopic)
	}
}
