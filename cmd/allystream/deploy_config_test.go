package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
)

// These tests keep deploy/ consistent with the code: every ALLYSTREAM_* variable the
// manifests set is a flag of "allystream run", and every metric the dashboard queries exists.

const deployDir = "../../deploy"

// runFlagNames returns the flag names that "allystream run -h" documents.
func runFlagNames(t *testing.T) map[string]bool {
	t.Helper()
	code, _, stderr := offlineRun(t, "", "run", "-h")
	if code != 0 {
		t.Fatalf("run -h: exit %d\n%s", code, stderr)
	}
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z0-9-]+)`).FindAllStringSubmatch(stderr, -1) {
		names[m[1]] = true
	}
	if len(names) == 0 {
		t.Fatalf("no flags in run -h output:\n%s", stderr)
	}
	return names
}

// deployFiles returns the compose file and every Kubernetes manifest.
func deployFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(deployDir, "k8s", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no k8s manifests: %v", err)
	}
	return append(files, filepath.Join(deployDir, "docker-compose.yml"))
}

func TestDeployEnvironmentVariablesAreRunFlags(t *testing.T) {
	flags := runFlagNames(t)
	envVar := regexp.MustCompile(`\bALLYSTREAM_[A-Z0-9_]+`)
	for _, file := range deployFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range envVar.FindAllString(string(data), -1) {
			if name == "ALLYSTREAM_SASL_PASSWORD" { // read from the environment only, never a flag
				continue
			}
			flag := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(name, "ALLYSTREAM_"), "_", "-"))
			if !flags[flag] {
				t.Errorf("%s sets %s, but run has no --%s", filepath.Base(file), name, flag)
			}
		}
	}
}

func TestDeploySASLPasswordComesFromASecret(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(deployDir, "k8s", "deployment.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`name: ALLYSTREAM_SASL_PASSWORD\s+valueFrom:\s+secretKeyRef:`)
	if !want.Match(data) {
		t.Error("deployment.yaml does not read ALLYSTREAM_SASL_PASSWORD from a secretKeyRef")
	}
}

func TestDeployProbesAndPortMatchTheWorker(t *testing.T) {
	_, _, usage := offlineRun(t, "", "run", "-h")
	if !strings.Contains(usage, `(default ":9464")`) {
		t.Fatalf("run's --metrics-addr default is no longer :9464; update deploy/ and the Dockerfile")
	}
	checks := map[string][]string{
		filepath.Join(deployDir, "k8s", "deployment.yaml"): {"path: /healthz", "path: /readyz", "containerPort: 9464"},
		filepath.Join(deployDir, "prometheus.yml"):         {"allystream-1:9464", "allystream-2:9464"},
		filepath.Join(deployDir, "..", "Dockerfile"):       {"EXPOSE 9464", `CMD ["run"]`},
	}
	for file, wants := range checks {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
}

// workerMetricNames returns the series names the worker registers (labeled vectors included,
// even before they have a series), each also with the _bucket, _sum and _count suffixes of a
// histogram.
func workerMetricNames(t *testing.T) map[string]bool {
	t.Helper()
	reg := &describingRegisterer{names: map[string]bool{}}
	pipeline.NewMetrics(reg, "test")
	if len(reg.names) == 0 {
		t.Fatal("pipeline.NewMetrics registered nothing")
	}
	return reg.names
}

// describingRegisterer records the metric names of every collector registered on it.
type describingRegisterer struct {
	names map[string]bool
}

var fqName = regexp.MustCompile(`fqName: "([^"]+)"`)

func (r *describingRegisterer) Register(c prometheus.Collector) error {
	ch := make(chan *prometheus.Desc)
	go func() { c.Describe(ch); close(ch) }()
	for d := range ch {
		if m := fqName.FindStringSubmatch(d.String()); m != nil {
			for _, suffix := range []string{"", "_bucket", "_sum", "_count"} {
				r.names[m[1]+suffix] = true
			}
		}
	}
	return nil
}

func (r *describingRegisterer) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		_ = r.Register(c)
	}
}

func (r *describingRegisterer) Unregister(prometheus.Collector) bool { return false }

func TestDashboardQueriesExistingMetrics(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(deployDir, "grafana", "dashboards", "allystream.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(data, &dash); err != nil {
		t.Fatalf("dashboard is not JSON: %v", err)
	}
	exposed := workerMetricNames(t)
	used := map[string]bool{}
	metric := regexp.MustCompile(`\ballystream_[a-z_]+`)
	for _, p := range dash.Panels {
		for _, target := range p.Targets {
			for _, name := range metric.FindAllString(target.Expr, -1) {
				used[name] = true
				if !exposed[name] {
					t.Errorf("panel %q queries %s, which the worker does not expose", p.Title, name)
				}
			}
		}
	}
	for _, want := range []string{"allystream_labels_total", "allystream_dead_letters_total", "allystream_consumer_lag", "allystream_end_to_end_seconds_bucket"} {
		if !used[want] {
			t.Errorf("dashboard no longer shows %s", want)
		}
	}
	if t.Failed() {
		t.Logf("exposed: %v", sortedNames(exposed))
	}
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
