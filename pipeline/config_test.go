package pipeline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
)

func validConfig() pipeline.Config {
	return pipeline.Config{Brokers: []string{"localhost:9092"}, InputTopic: "in", OutputTopic: "out",
		DLQTopic: "dlq", GroupID: "g"}.WithDefaults()
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*pipeline.Config)
		want   string // substring of the error; "" means valid
	}{
		{"defaults are valid", func(*pipeline.Config) {}, ""},
		{"no brokers", func(c *pipeline.Config) { c.Brokers = nil }, "Brokers"},
		{"broker without port", func(c *pipeline.Config) { c.Brokers = []string{"kafka"} }, `"kafka" is not host:port`},
		{"missing group", func(c *pipeline.Config) { c.GroupID = "" }, "GroupID is required"},
		{"output equals dlq", func(c *pipeline.Config) { c.DLQTopic = "out" }, "OutputTopic and DLQTopic must differ"},
		{"input equals output", func(c *pipeline.Config) { c.OutputTopic = "in" }, "InputTopic"},
		{"text limit over message limit", func(c *pipeline.Config) { c.Limits.MaxTextBytes = 2 << 20 }, "Limits.MaxTextBytes"},
		{"heartbeat too slow", func(c *pipeline.Config) { c.HeartbeatInterval = 3 * time.Second }, "HeartbeatInterval"},
		{"backoff inverted", func(c *pipeline.Config) { c.RetryBackoffMin = time.Minute }, "RetryBackoffMin"},
		{"tiny record limit", func(c *pipeline.Config) { c.MaxRecordBytes = 100 }, "MaxRecordBytes"},
		{"unknown SASL", func(c *pipeline.Config) { c.Security.SASLMechanism = "GSSAPI" }, "Security.SASLMechanism"},
		{"SASL without password", func(c *pipeline.Config) {
			c.Security.SASLMechanism, c.Security.SASLUsername = "PLAIN", "u"
		}, "Security.SASLPassword"},
		{"cert without key", func(c *pipeline.Config) { c.Security.TLS, c.Security.TLSCert = true, "c.pem" }, "TLSKey"},
		{"CA without TLS", func(c *pipeline.Config) { c.Security.TLSCA = "ca.pem" }, "Security.TLS is false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.modify(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate() = %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestConfigWithDefaultsKeepsSetFields(t *testing.T) {
	c := pipeline.Config{BatchSize: 7, SessionTimeout: 9 * time.Second}.WithDefaults()
	if c.BatchSize != 7 || c.SessionTimeout != 9*time.Second || c.HeartbeatInterval != time.Second || c.Limits.MaxTextBytes != 64<<10 {
		t.Fatalf("WithDefaults() = %+v", c)
	}
}
