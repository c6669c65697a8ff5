package pipeline

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// Security holds the SASL and TLS settings for a real cluster.
type Security struct {
	// SASLMechanism is "", "PLAIN", "SCRAM-SHA-256" or "SCRAM-SHA-512". Default: "" (no SASL).
	SASLMechanism string
	// SASLUsername is required with a SASLMechanism. Default: "".
	SASLUsername string
	// SASLPassword is required with a SASLMechanism. It is never logged. Default: "".
	SASLPassword string
	// TLS enables TLS to the brokers, verified against the system roots or TLSCA.
	// Default: false.
	TLS bool
	// TLSCA is a PEM file of CA certificates to trust instead of the system roots. Default: "".
	TLSCA string
	// TLSCert and TLSKey are PEM files of a client certificate and key, for mutual TLS; give
	// both or neither. Default: "".
	TLSCert, TLSKey string
}

// Validate reports inconsistent SASL and TLS settings, naming the fields.
func (s Security) Validate() error {
	var errs []error
	switch s.SASLMechanism {
	case "":
		if s.SASLUsername != "" || s.SASLPassword != "" {
			errs = append(errs, errors.New("Security.SASLUsername/SASLPassword are set but Security.SASLMechanism is empty"))
		}
	case "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512":
		if s.SASLUsername == "" || s.SASLPassword == "" {
			errs = append(errs, fmt.Errorf("Security.SASLMechanism %s needs Security.SASLUsername and Security.SASLPassword", s.SASLMechanism))
		}
	default:
		errs = append(errs, fmt.Errorf("Security.SASLMechanism %q is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512", s.SASLMechanism))
	}
	if (s.TLSCert == "") != (s.TLSKey == "") {
		errs = append(errs, errors.New("Security.TLSCert and Security.TLSKey must be given together"))
	}
	if !s.TLS && (s.TLSCA != "" || s.TLSCert != "") {
		errs = append(errs, errors.New("Security.TLSCA/TLSCert/TLSKey are set but Security.TLS is false"))
	}
	return errors.Join(errs...)
}

func (s Security) mechanism() (sasl.Mechanism, error) {
	switch s.SASLMechanism {
	case "":
		return nil, nil
	case "PLAIN":
		return plain.Mechanism{Username: s.SASLUsername, Password: s.SASLPassword}, nil
	case "SCRAM-SHA-256":
		return scram.Mechanism(scram.SHA256, s.SASLUsername, s.SASLPassword)
	case "SCRAM-SHA-512":
		return scram.Mechanism(scram.SHA512, s.SASLUsername, s.SASLPassword)
	}
	return nil, fmt.Errorf("unknown SASL mechanism %q", s.SASLMechanism)
}

func (s Security) tlsConfig() (*tls.Config, error) {
	if !s.TLS {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.TLSCA != "" {
		pem, err := os.ReadFile(s.TLSCA)
		if err != nil {
			return nil, fmt.Errorf("read TLS CA: %w", err)
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("read TLS CA %s: no PEM certificates", s.TLSCA)
		}
	}
	if s.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(s.TLSCert, s.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("load TLS client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}

// clients builds the kafka-go Dialer (for the Reader) and Transport (for the Writer).
func (s Security) clients(clientID string, timeout time.Duration) (*kafka.Dialer, *kafka.Transport, error) {
	mech, err := s.mechanism()
	if err != nil {
		return nil, nil, fmt.Errorf("configure SASL: %w", err)
	}
	tlsCfg, err := s.tlsConfig()
	if err != nil {
		return nil, nil, err
	}
	dialer := &kafka.Dialer{ClientID: clientID, Timeout: timeout, DualStack: true, SASLMechanism: mech, TLS: tlsCfg}
	// A short metadata TTL lets the producer find a new partition leader within a second;
	// kafka-go does not refresh on NOT_LEADER errors and defaults to 6s.
	transport := &kafka.Transport{ClientID: clientID, DialTimeout: timeout, SASL: mech, TLS: tlsCfg, MetadataTTL: time.Second}
	return dialer, transport, nil
}
