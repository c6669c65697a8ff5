package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/internal/embedded"
	"github.com/allystream/allystream/lexicons"
	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// streamOptions are the flags shared by "run" and "demo" beyond pipeline.Config.
type streamOptions struct {
	cfg              pipeline.Config
	brokers          string
	metricsAddr      string
	lexiconDir       string
	logLevel         string
	passwordFile     string
	embeddedParts    int
	embeddedMaxBytes int
	// gc is the garbage-collector policy; only "run" sets it (see applyGCPolicy).
	gc pipeline.GCPolicy
	// passthrough publishes inputs unchanged instead of labeling them; only "run" sets it.
	passthrough bool
}

// runCommand is the streaming worker: consume posts, label them, publish records.
func runCommand(ctx context.Context, env *environment, args []string) error {
	opts, err := parseRunFlags(env, args)
	if err != nil {
		return err
	}
	log, err := newStreamLogger(opts.logLevel, false, env)
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()
	restoreGC, err := applyGCPolicy(opts.gc, env, log)
	if err != nil {
		return err
	}
	defer restoreGC()
	if opts.brokers == "" {
		broker, err := startEmbeddedBroker(&opts, log)
		if err != nil {
			return err
		}
		defer broker.Close()
	}
	if err := opts.cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	reg, health := newStreamRegistry(), &pipeline.Health{}
	stopHTTP, err := serveStreamHTTP(opts.metricsAddr, reg, health, log)
	if err != nil {
		return err
	}
	defer stopHTTP()
	return runStreamWorker(ctx, opts, reg, health, log)
}

func parseRunFlags(env *environment, args []string) (streamOptions, error) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	opts := defineStreamFlags(fs, ":9464", "posts")
	opts.gc = pipeline.DefaultGCPolicy()
	opts.gc.RegisterFlags(fs)
	fs.BoolVar(&opts.passthrough, "passthrough", false, "publish each input message unchanged instead of decoding and labeling it; the baseline allystream-bench compares against, not for production")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: allystream run [--brokers HOST:PORT,...] [--input-topic T] [--output-topic T] [--dlq-topic T] [--group G] [flags]")
		fmt.Fprintln(fs.Output(), "With no --brokers, an embedded broker is started on loopback and the topics are created.")
		fmt.Fprintln(fs.Output(), "The SASL password is read from ALLYSTREAM_SASL_PASSWORD or --sasl-password-file, never a flag.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return streamOptions{}, err
	}
	if fs.NArg() > 0 {
		return streamOptions{}, fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	return opts.finish(env)
}

// defineStreamFlags registers the worker flags on fs; topic names default to prefix.*.
func defineStreamFlags(fs *flag.FlagSet, metricsAddr, prefix string) *streamOptions {
	o := &streamOptions{}
	c := &o.cfg
	def := pipeline.Config{}.WithDefaults()
	fs.StringVar(&o.brokers, "brokers", "", "comma-separated bootstrap `host:port` list (default: start an embedded broker on loopback)")
	fs.StringVar(&c.InputTopic, "input-topic", prefix, "`topic` of input posts, one JSON object per message")
	fs.StringVar(&c.OutputTopic, "output-topic", prefix+".labeled", "`topic` for labeled records")
	fs.StringVar(&c.DLQTopic, "dlq-topic", prefix+".dlq", "`topic` for dead letters (inputs that cannot be labeled)")
	fs.StringVar(&c.GroupID, "group", "allystream", "consumer `group` id; workers in one group share the partitions")
	fs.StringVar(&o.metricsAddr, "metrics-addr", metricsAddr, "`address` serving /metrics, /healthz and /readyz (empty: off)")
	fs.IntVar(&c.Workers, "workers", 0, "classifier goroutines (0: one per CPU)")
	fs.IntVar(&c.BatchSize, "batch-size", def.BatchSize, "most messages per batch (published, then committed, together)")
	fs.DurationVar(&c.BatchWait, "batch-wait", def.BatchWait, "how long a batch waits to fill after its first message")
	fs.StringVar(&o.lexiconDir, "lexicons", "", "lexicon override `dir` (default: the embedded lexicons)")
	fs.IntVar(&c.Limits.MaxTextBytes, "max-text-bytes", def.Limits.MaxTextBytes, "longest accepted post text in bytes; longer posts are dead-lettered")
	fs.IntVar(&c.Limits.MaxMessageBytes, "max-message-bytes", def.Limits.MaxMessageBytes, "largest accepted input message in bytes")
	fs.DurationVar(&c.GracePeriod, "grace-period", def.GracePeriod, "time to publish and commit in-flight work after SIGTERM/SIGINT")
	fs.DurationVar(&c.SessionTimeout, "session-timeout", def.SessionTimeout, "consumer-group session timeout (how long a crashed worker holds partitions)")
	fs.DurationVar(&c.HeartbeatInterval, "heartbeat-interval", def.HeartbeatInterval, "consumer-group heartbeat interval")
	fs.StringVar(&c.Security.SASLMechanism, "sasl-mechanism", "", "SASL `mechanism`: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512")
	fs.StringVar(&c.Security.SASLUsername, "sasl-username", "", "SASL user name")
	fs.StringVar(&o.passwordFile, "sasl-password-file", "", "`file` holding the SASL password (or set ALLYSTREAM_SASL_PASSWORD)")
	fs.BoolVar(&c.Security.TLS, "tls", false, "connect to the brokers with TLS")
	fs.StringVar(&c.Security.TLSCA, "tls-ca", "", "PEM `file` of CA certificates to trust (default: system roots)")
	fs.StringVar(&c.Security.TLSCert, "tls-cert", "", "PEM client certificate `file`, for mutual TLS")
	fs.StringVar(&c.Security.TLSKey, "tls-key", "", "PEM client key `file`, for mutual TLS")
	fs.StringVar(&o.logLevel, "log-level", "info", "log `level`: debug, info, warn, error")
	fs.IntVar(&o.embeddedParts, "embedded-partitions", 3, "partitions per topic on the embedded broker")
	return o
}

// finish resolves the broker list and the SASL password and applies defaults.
func (o streamOptions) finish(env *environment) (streamOptions, error) {
	for _, b := range strings.Split(o.brokers, ",") {
		if b = strings.TrimSpace(b); b != "" {
			o.cfg.Brokers = append(o.cfg.Brokers, b)
		}
	}
	pw := env.getenv("ALLYSTREAM_SASL_PASSWORD")
	if o.passwordFile != "" {
		data, err := os.ReadFile(o.passwordFile)
		if err != nil {
			return o, fmt.Errorf("read SASL password: %w", err)
		}
		pw = strings.TrimRight(string(data), "\r\n")
	}
	o.cfg.Security.SASLPassword = pw
	o.cfg = o.cfg.WithDefaults()
	return o, nil
}

// applyGCPolicy puts the worker's garbage-collector policy in force for the process, except
// what GOGC or GOMEMLIMIT set, and logs the setting in force. restore undoes it, for callers
// (tests) that go on running.
func applyGCPolicy(p pipeline.GCPolicy, env *environment, log *zap.Logger) (restore func(), err error) {
	restore, err = p.Apply(env.getenv)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	log.Info("garbage collector", zap.Stringer("policy", pipeline.CurrentGCPolicy()),
		zap.String("GOGC", env.getenv("GOGC")), zap.String("GOMEMLIMIT", env.getenv("GOMEMLIMIT")))
	return restore, nil
}

// startEmbeddedBroker starts an in-process broker with the three topics and points
// opts.cfg.Brokers at it.
func startEmbeddedBroker(opts *streamOptions, log *zap.Logger) (*embedded.Broker, error) {
	parts := int32(max(opts.embeddedParts, 1))
	b, err := embedded.Start(embedded.Options{
		Topics: []embedded.Topic{
			{Name: opts.cfg.InputTopic, Partitions: parts},
			{Name: opts.cfg.OutputTopic, Partitions: parts},
			{Name: opts.cfg.DLQTopic, Partitions: 1},
		},
		MaxMessageBytes: opts.embeddedMaxBytes,
	})
	if err != nil {
		return nil, err
	}
	opts.cfg.Brokers = b.Addrs()
	log.Info("started embedded broker (in-memory; data is lost on exit)",
		zap.Strings("brokers", b.Addrs()), zap.Strings("topics", []string{opts.cfg.InputTopic, opts.cfg.OutputTopic, opts.cfg.DLQTopic}))
	return b, nil
}

// runStreamWorker wires the Kafka source and sink, the labeler and the metrics, and runs the
// worker until ctx is cancelled.
func runStreamWorker(ctx context.Context, opts streamOptions, reg *prometheus.Registry, health *pipeline.Health, log *zap.Logger) error {
	var labeler *pipeline.Labeler
	lexiconVersion := "none (passthrough)"
	if opts.passthrough {
		log.Warn("passthrough: every input message is published unchanged, not decoded or labeled; a benchmark baseline, not for production")
	} else {
		var err error
		if labeler, err = newStreamLabeler(opts.lexiconDir, opts.cfg.Limits); err != nil {
			return err
		}
		lexiconVersion = labeler.Classifier.LexiconVersion()
	}
	if err := pipeline.CheckTopics(ctx, opts.cfg); err != nil {
		return err
	}
	metrics := pipeline.NewMetrics(reg, streamVersion())
	src, err := pipeline.NewKafkaSource(opts.cfg, log)
	if err != nil {
		return err
	}
	defer closeLogged(src, "source", log)
	sink, err := pipeline.NewKafkaSink(opts.cfg, log)
	if err != nil {
		return err
	}
	defer closeLogged(sink, "sink", log)
	w := &pipeline.Worker{Config: opts.cfg, Source: src, Sink: sink, Labeler: labeler, Passthrough: opts.passthrough,
		Metrics: metrics, Health: health, Log: log}
	log.Info("worker starting", zap.Strings("brokers", opts.cfg.Brokers), zap.String("input", opts.cfg.InputTopic),
		zap.String("output", opts.cfg.OutputTopic), zap.String("dlq", opts.cfg.DLQTopic), zap.String("group", opts.cfg.GroupID),
		zap.String("lexicon_version", lexiconVersion), zap.Bool("passthrough", opts.passthrough))
	err = w.Run(ctx)
	log.Info("worker stopped")
	return err
}

func closeLogged(c interface{ Close() error }, what string, log *zap.Logger) {
	if err := c.Close(); err != nil {
		log.Warn("close "+what, zap.Error(err))
	}
}

func newStreamLabeler(dir string, limits pipeline.Limits) (*pipeline.Labeler, error) {
	set, err := lexicons.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	eng, err := classifiers.New(set)
	if err != nil {
		return nil, fmt.Errorf("build classifiers: %w", err)
	}
	return &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: limits}, Classifier: eng}, nil
}

// newStreamLogger builds the injected logger: JSON for run, console for demo, on stderr.
func newStreamLogger(level string, console bool, env *environment) (*zap.Logger, error) {
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, fmt.Errorf("%w: --log-level: %v", errUsage, err)
	}
	encCfg := zap.NewProductionEncoderConfig()
	encCfg.EncodeTime = zapcore.ISO8601TimeEncoder
	enc := zapcore.NewJSONEncoder(encCfg)
	if console {
		encCfg.EncodeLevel = zapcore.CapitalLevelEncoder
		encCfg.EncodeTime = zapcore.TimeEncoderOfLayout("15:04:05")
		enc = zapcore.NewConsoleEncoder(encCfg)
	}
	core := zapcore.NewCore(enc, zapcore.AddSync(env.stderr), lvl)
	return zap.New(core), nil
}

func newStreamRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// serveStreamHTTP serves /metrics, /healthz and /readyz on addr until stop is called.
func serveStreamHTTP(addr string, reg *prometheus.Registry, health *pipeline.Health, log *zap.Logger) (stop func(), err error) {
	if addr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen for metrics on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.Handle("/healthz", health.LiveHandler())
	mux.Handle("/readyz", health.ReadyHandler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server", zap.Error(err))
		}
	}()
	log.Info("serving /metrics, /healthz, /readyz", zap.String("addr", ln.Addr().String()))
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

// streamVersion is the module version of this build, or "dev".
func streamVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
