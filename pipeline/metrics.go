package pipeline

import (
	"runtime"
	"strconv"

	"github.com/allystream/allystream/classifiers"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Metrics are the worker's Prometheus instruments. Build them with NewMetrics on a registry
// owned by the caller; nothing is registered globally.
type Metrics struct {
	recordsIn      prometheus.Counter
	recordsOut     prometheus.Counter
	deadLetters    *prometheus.CounterVec
	labels         *prometheus.CounterVec
	speakers       *prometheus.CounterVec
	classifyTime   prometheus.Histogram
	endToEnd       prometheus.Histogram
	batchSize      prometheus.Histogram
	lag            *prometheus.GaugeVec
	commitErrors   prometheus.Counter
	produceErrors  prometheus.Counter
	fetchErrors    prometheus.Counter
	lastCommitUnix prometheus.Gauge
}

// NewMetrics registers the worker metrics on reg. version is the build's version string.
func NewMetrics(reg prometheus.Registerer, version string) *Metrics {
	f := promauto.With(reg)
	m := &Metrics{
		recordsIn:      f.NewCounter(prometheus.CounterOpts{Name: "allystream_records_in_total", Help: "Input messages fetched."}),
		recordsOut:     f.NewCounter(prometheus.CounterOpts{Name: "allystream_records_out_total", Help: "Labeled records acknowledged by the output."}),
		deadLetters:    f.NewCounterVec(prometheus.CounterOpts{Name: "allystream_dead_letters_total", Help: "Dead letters acknowledged by the DLQ, by reason."}, []string{"reason"}),
		labels:         f.NewCounterVec(prometheus.CounterOpts{Name: "allystream_labels_total", Help: "Style labels assigned, by label and speaker role."}, []string{"label", "role"}),
		speakers:       f.NewCounterVec(prometheus.CounterOpts{Name: "allystream_speaker_roles_total", Help: "Labeled records by speaker role."}, []string{"role"}),
		classifyTime:   f.NewHistogram(prometheus.HistogramOpts{Name: "allystream_classify_seconds", Help: "Time to decode and classify one post.", Buckets: prometheus.ExponentialBuckets(5e-6, 3, 12)}),
		endToEnd:       f.NewHistogram(prometheus.HistogramOpts{Name: "allystream_end_to_end_seconds", Help: "Input message timestamp to output acknowledgement.", Buckets: prometheus.ExponentialBuckets(1e-3, 2.5, 14)}),
		batchSize:      f.NewHistogram(prometheus.HistogramOpts{Name: "allystream_batch_size", Help: "Messages per processed batch.", Buckets: prometheus.ExponentialBuckets(1, 4, 8)}),
		lag:            f.NewGaugeVec(prometheus.GaugeOpts{Name: "allystream_consumer_lag", Help: "Messages behind the high watermark, per input partition, at the last fetch."}, []string{"topic", "partition"}),
		commitErrors:   f.NewCounter(prometheus.CounterOpts{Name: "allystream_commit_errors_total", Help: "Failed offset commit attempts."}),
		produceErrors:  f.NewCounter(prometheus.CounterOpts{Name: "allystream_produce_errors_total", Help: "Failed produce attempts."}),
		fetchErrors:    f.NewCounter(prometheus.CounterOpts{Name: "allystream_fetch_errors_total", Help: "Failed fetch attempts."}),
		lastCommitUnix: f.NewGauge(prometheus.GaugeOpts{Name: "allystream_last_commit_timestamp_seconds", Help: "Unix time of the last successful offset commit."}),
	}
	f.NewGauge(prometheus.GaugeOpts{
		Name: "allystream_build_info", Help: "Build information; always 1.",
		ConstLabels: prometheus.Labels{"version": version, "classifier_version": classifiers.Version, "goversion": runtime.Version()},
	}).Set(1)
	m.preRegister()
	return m
}

// preRegister creates every labeled series at zero so dashboards see them before traffic.
func (m *Metrics) preRegister() {
	for _, r := range Reasons() {
		m.deadLetters.WithLabelValues(string(r))
	}
	for _, role := range []string{classifiers.RoleAlly, classifiers.RoleMember, classifiers.RoleUnknown} {
		m.speakers.WithLabelValues(role)
		for _, l := range classifiers.LabelNames() {
			m.labels.WithLabelValues(l, role)
		}
	}
}

// recordCounts is what the metrics count of a labeled record: its speaker role and which
// labels are present.
type recordCounts struct {
	role    string
	present uint64 // bit i: classifiers.LabelNames()[i] is present (there are five)
}

// countRecord summarizes r for observeRecord, so a batch need not keep its Records.
func countRecord(r *Record) recordCounts {
	c := recordCounts{role: r.Speaker.Role}
	for i, name := range classifiers.LabelNames() {
		if l, _ := r.Labels.Get(name); l.Present {
			c.present |= 1 << i
		}
	}
	return c
}

// observeRecord counts one acknowledged labeled record.
func (m *Metrics) observeRecord(c recordCounts) {
	m.recordsOut.Inc()
	m.speakers.WithLabelValues(c.role).Inc()
	for i, name := range classifiers.LabelNames() {
		if c.present&(1<<i) != 0 {
			m.labels.WithLabelValues(name, c.role).Inc()
		}
	}
}

func (m *Metrics) observeLag(msg Message) {
	if msg.HighWaterMark <= 0 {
		return
	}
	m.lag.WithLabelValues(msg.Origin.Topic, strconv.Itoa(msg.Origin.Partition)).Set(float64(msg.HighWaterMark - msg.Origin.Offset - 1))
}

// DeadLetters returns the dead-letter counter for reason, for tests and dashboards checks.
func (m *Metrics) DeadLetters(reason Reason) prometheus.Counter {
	return m.deadLetters.WithLabelValues(string(reason))
}

// RecordsIn returns the counter of fetched input messages.
func (m *Metrics) RecordsIn() prometheus.Counter { return m.recordsIn }

// RecordsOut returns the counter of acknowledged labeled records.
func (m *Metrics) RecordsOut() prometheus.Counter { return m.recordsOut }
