// Package embedded runs an in-process Kafka-protocol broker (kfake) on loopback, so that
// `allystream run` and `allystream demo` work on a machine with no Kafka cluster, and so that
// tests can exercise the real kafka-go client over TCP.
//
// The broker keeps everything in memory: stopping the process loses every topic.
package embedded

import (
	"errors"
	"fmt"
	"net"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Topic is a topic to create when the broker starts.
type Topic struct {
	Name       string
	Partitions int32
}

// Options configure Start.
type Options struct {
	// Topics are created at start. Default: none.
	Topics []Topic
	// Addr is the loopback host:port to listen on. Default: "127.0.0.1:0" (a free port).
	Addr string
	// MaxMessageBytes is the broker's message.max.bytes. Default: 1048588 (Kafka's default).
	MaxMessageBytes int
}

// Broker is a running in-process broker.
type Broker struct {
	cluster *kfake.Cluster
}

// Start starts a single-node broker listening on loopback.
func Start(opts Options) (*Broker, error) {
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	kopts := []kfake.Opt{
		kfake.NumBrokers(1),
		kfake.ListenFn(func(network, _ string) (net.Listener, error) { return net.Listen(network, addr) }),
	}
	for _, t := range opts.Topics {
		if t.Name == "" || t.Partitions < 1 {
			return nil, fmt.Errorf("start embedded broker: topic %q needs a name and at least one partition", t.Name)
		}
		kopts = append(kopts, kfake.SeedTopics(t.Partitions, t.Name))
	}
	if opts.MaxMessageBytes > 0 {
		kopts = append(kopts, kfake.BrokerConfigs(map[string]string{
			"message.max.bytes": fmt.Sprint(opts.MaxMessageBytes),
		}))
	}
	c, err := kfake.NewCluster(kopts...)
	if err != nil {
		return nil, fmt.Errorf("start embedded broker: %w", err)
	}
	if len(c.ListenAddrs()) == 0 {
		c.Close()
		return nil, errors.New("start embedded broker: no listener")
	}
	return &Broker{cluster: c}, nil
}

// Addrs returns the host:port of every broker node, for a client's bootstrap list.
func (b *Broker) Addrs() []string { return b.cluster.ListenAddrs() }

// Cluster exposes the kfake cluster, for tests that inject faults with its Control hooks.
func (b *Broker) Cluster() *kfake.Cluster { return b.cluster }

// Close stops the broker and drops all data. It is safe to call more than once.
func (b *Broker) Close() { b.cluster.Close() }
