package pipeline_test

import (
	"context"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
	"github.com/twmb/franz-go/pkg/kfake"
)

// TestWorkerAuthenticatesWithSASL runs the worker against a kfake cluster that requires
// SASL, once per supported mechanism, and checks that a wrong password is refused.
func TestWorkerAuthenticatesWithSASL(t *testing.T) {
	for _, mech := range []string{"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"} {
		t.Run(mech, func(t *testing.T) {
			c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.EnableSASL(), kfake.Superuser(mech, "svc", "s3cret"),
				kfake.SeedTopics(1, "posts", "labeled", "dead"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(c.Close)
			cfg := pipeline.Config{Brokers: c.ListenAddrs(), InputTopic: "posts", OutputTopic: "labeled", DLQTopic: "dead",
				GroupID: "sasl", Security: pipeline.Security{SASLMechanism: mech, SASLUsername: "svc", SASLPassword: "wrong"}}.WithDefaults()
			if err := pingWith(cfg); err == nil {
				t.Fatal("a wrong password was accepted")
			}
			cfg.Security.SASLPassword = "s3cret"
			if err := pingWith(cfg); err != nil {
				t.Fatalf("ping with the right password: %v", err)
			}
			env := &testEnv{cfg: cfg, dialer: &kafka.Dialer{Timeout: 5 * time.Second, SASLMechanism: testMechanism(t, mech)}}
			values, ids := posts("sasl", 20)
			produceWithSink(t, cfg, values)
			env.startWorker(t, cfg, testLogger(t))
			got := env.consume(t, "labeled", 20*time.Second, allIDs(ids))
			if missing := missingIDs(ids, got); len(missing) > 0 {
				t.Fatalf("%d posts not labeled over SASL", len(missing))
			}
		})
	}
}

func pingWith(cfg pipeline.Config) error {
	src, err := pipeline.NewKafkaSource(cfg, testNop())
	if err != nil {
		return err
	}
	defer src.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return src.Ping(ctx)
}

// produceWithSink writes values to the input topic through a KafkaSink (which carries the
// SASL settings) pointed at it.
func produceWithSink(t *testing.T, cfg pipeline.Config, values [][]byte) {
	t.Helper()
	cfg.OutputTopic = cfg.InputTopic
	sink, err := pipeline.NewKafkaSink(cfg, testNop())
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	outs := make([]pipeline.Output, len(values))
	for i, v := range values {
		outs[i] = pipeline.Output{Value: v}
	}
	if err := sink.Write(context.Background(), outs); err != nil {
		t.Fatalf("produce over SASL: %v", err)
	}
}

func testMechanism(t *testing.T, name string) sasl.Mechanism {
	t.Helper()
	var m sasl.Mechanism
	var err error
	switch name {
	case "PLAIN":
		m = plain.Mechanism{Username: "svc", Password: "s3cret"}
	case "SCRAM-SHA-256":
		m, err = scram.Mechanism(scram.SHA256, "svc", "s3cret")
	case "SCRAM-SHA-512":
		m, err = scram.Mechanism(scram.SHA512, "svc", "s3cret")
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}
