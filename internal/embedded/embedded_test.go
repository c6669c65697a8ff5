package embedded_test

import (
	"net"
	"strings"
	"testing"

	"github.com/allystream/allystream/internal/embedded"
	"github.com/segmentio/kafka-go"
)

func TestStartCreatesTopicsOnLoopback(t *testing.T) {
	b, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{{Name: "in", Partitions: 3}, {Name: "out", Partitions: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	addrs := b.Addrs()
	if len(addrs) != 1 {
		t.Fatalf("Addrs() = %v, want one broker", addrs)
	}
	host, _, err := net.SplitHostPort(addrs[0])
	if err != nil || !net.ParseIP(host).IsLoopback() {
		t.Fatalf("broker listens on %s, want loopback", addrs[0])
	}
	conn, err := kafka.Dial("tcp", addrs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for topic, want := range map[string]int{"in": 3, "out": 1} {
		parts, err := conn.ReadPartitions(topic)
		if err != nil || len(parts) != want {
			t.Errorf("topic %s: %d partitions (%v), want %d", topic, len(parts), err, want)
		}
	}
}

func TestStartRejectsBadTopics(t *testing.T) {
	tests := []struct {
		name  string
		topic embedded.Topic
	}{
		{"no name", embedded.Topic{Partitions: 1}},
		{"no partitions", embedded.Topic{Name: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{tt.topic}})
			if err == nil || !strings.Contains(err.Error(), "at least one partition") {
				t.Fatalf("Start = %v, want a topic error", err)
			}
		})
	}
}

func ExampleStart() {
	b, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{{Name: "posts", Partitions: 3}}})
	if err != nil {
		panic(err)
	}
	defer b.Close()
	_ = b.Addrs() // bootstrap list for a Kafka client, e.g. "127.0.0.1:41234"
}
