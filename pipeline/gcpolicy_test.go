package pipeline_test

import (
	"flag"
	"io"
	"testing"

	"github.com/allystream/allystream/pipeline"
)

func TestGCPolicyFlags(t *testing.T) {
	tests := []struct {
		args []string
		want pipeline.GCPolicy
	}{
		{nil, pipeline.DefaultGCPolicy()},
		{[]string{"--gc-percent", "250", "--memory-limit", "1GiB"}, pipeline.GCPolicy{Percent: 250, MemoryLimit: 1 << 30}},
		{[]string{"--memory-limit", "off"}, pipeline.GCPolicy{Percent: 400, MemoryLimit: 0}},
		{[]string{"--memory-limit", "1500000"}, pipeline.GCPolicy{Percent: 400, MemoryLimit: 1500000}},
		{[]string{"--memory-limit", "64KiB", "--gc-percent", "-1"}, pipeline.GCPolicy{Percent: -1, MemoryLimit: 64 << 10}},
	}
	for _, tt := range tests {
		p := pipeline.DefaultGCPolicy()
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		p.RegisterFlags(fs)
		if err := fs.Parse(tt.args); err != nil || p != tt.want {
			t.Errorf("%q: %+v, %v; want %+v", tt.args, p, err, tt.want)
		}
	}
	for _, bad := range []string{"", "12MB", "1.5GiB", "-1", "MiB", "99999999999TiB"} {
		p := pipeline.DefaultGCPolicy()
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		p.RegisterFlags(fs)
		if err := fs.Parse([]string{"--memory-limit", bad}); err == nil {
			t.Errorf("--memory-limit %q accepted as %d", bad, p.MemoryLimit)
		}
	}
}

func TestGCPolicyString(t *testing.T) {
	for p, want := range map[pipeline.GCPolicy]string{
		{Percent: 400, MemoryLimit: 160 << 20}: "gc-percent=400 memory-limit=160MiB",
		{Percent: -1, MemoryLimit: 1<<30 + 1}:  "gc-percent=off memory-limit=1073741825B",
		{Percent: 100}:                         "gc-percent=100 memory-limit=off",
	} {
		if got := p.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", p, got, want)
		}
	}
}

// TestGCPolicyApply checks that Apply sets the runtime, leaves alone what GOGC and
// GOMEMLIMIT set, and that restore puts the previous setting back.
func TestGCPolicyApply(t *testing.T) {
	before := pipeline.CurrentGCPolicy()
	p := pipeline.GCPolicy{Percent: 321, MemoryLimit: 3 << 30}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	restore, err := p.Apply(getenv)
	if err != nil {
		t.Fatal(err)
	}
	if got := pipeline.CurrentGCPolicy(); got != p {
		t.Errorf("in force %+v, want %+v", got, p)
	}
	restore()
	if got := pipeline.CurrentGCPolicy(); got != before {
		t.Errorf("after restore %+v, want %+v", got, before)
	}
	env["GOGC"], env["GOMEMLIMIT"] = "150", "2GiB"
	restore, err = p.Apply(getenv)
	if err != nil {
		t.Fatal(err)
	}
	defer restore()
	if got := pipeline.CurrentGCPolicy(); got != before {
		t.Errorf("with GOGC and GOMEMLIMIT set, in force %+v, want the runtime's %+v", got, before)
	}
	for _, vars := range []map[string]string{{}, {"GOMEMLIMIT": "off"}} {
		if _, err := (pipeline.GCPolicy{Percent: -1}).Apply(func(k string) string { return vars[k] }); err == nil {
			t.Errorf("with %v, a policy that never collects was applied", vars)
		}
	}
}
