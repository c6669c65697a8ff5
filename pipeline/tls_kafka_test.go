package pipeline_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/twmb/franz-go/pkg/kfake"
)

// TestKafkaClientsUseTLS runs a kfake cluster behind TLS with a test CA: the worker's clients
// connect when given the CA file (--tls --tls-ca) and refuse the unknown certificate without it.
func TestKafkaClientsUseTLS(t *testing.T) {
	serverCert, caFile := testCertificates(t)
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.TLS(&tls.Config{Certificates: []tls.Certificate{serverCert}}),
		kfake.SeedTopics(1, "posts", "labeled", "dead"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	cfg := pipeline.Config{Brokers: c.ListenAddrs(), InputTopic: "posts", OutputTopic: "labeled", DLQTopic: "dead",
		GroupID: "tls", Security: pipeline.Security{TLS: true}}.WithDefaults()
	if err := pingWith(cfg); err == nil {
		t.Fatal("connected although the server certificate is not trusted")
	}
	cfg.Security.TLSCA = caFile
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := pingWith(cfg); err != nil {
		t.Fatalf("ping over TLS with the CA: %v", err)
	}
	values, _ := posts("tls", 5)
	produceWithSink(t, cfg, values)
}

// testCertificates makes a CA and a server certificate for 127.0.0.1, returning the server
// key pair and the path of the CA's PEM file.
func testCertificates(t *testing.T) (tls.Certificate, string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caTmpl, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{srvDER}, PrivateKey: srvKey}, caFile
}
