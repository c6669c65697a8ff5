package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/segmentio/kafka-go"
)

// CheckTopics verifies that the input, output and dead-letter topics exist, so that a
// misspelt topic fails at startup instead of stalling the worker in produce retries. It
// returns nil when no broker answers: the worker then starts and retries by itself.
func CheckTopics(ctx context.Context, cfg Config) error {
	dialer, _, err := cfg.Security.clients(cfg.ClientID, cfg.RequestTimeout)
	if err != nil {
		return err
	}
	var conn *kafka.Conn
	for _, b := range cfg.Brokers {
		if conn, err = dialer.DialContext(ctx, "tcp", b); err == nil {
			break
		}
	}
	if conn == nil {
		return nil
	}
	defer conn.Close()
	for _, topic := range []string{cfg.InputTopic, cfg.OutputTopic, cfg.DLQTopic} {
		_, err := conn.ReadPartitions(topic)
		if errors.Is(err, kafka.UnknownTopicOrPartition) {
			return fmt.Errorf("topic %q does not exist; create it first", topic)
		}
	}
	return nil
}
