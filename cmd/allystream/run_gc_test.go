package main

import (
	"io"
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
	"go.uber.org/zap"
)

func TestRunGCPolicyFlags(t *testing.T) {
	opts, err := parseRunFlags(streamEnv(nil, io.Discard, io.Discard), nil)
	if err != nil || opts.gc != pipeline.DefaultGCPolicy() {
		t.Fatalf("default policy %+v, %v; want %+v", opts.gc, err, pipeline.DefaultGCPolicy())
	}
	vars := map[string]string{"ALLYSTREAM_GC_PERCENT": "250", "ALLYSTREAM_MEMORY_LIMIT": "1GiB"}
	opts, err = parseRunFlags(streamEnv(vars, io.Discard, io.Discard), []string{"--gc-percent", "300"})
	if want := (pipeline.GCPolicy{Percent: 300, MemoryLimit: 1 << 30}); err != nil || opts.gc != want {
		t.Fatalf("policy %+v, %v; want %+v (flag over environment)", opts.gc, err, want)
	}
	_, err = parseRunFlags(streamEnv(map[string]string{"ALLYSTREAM_MEMORY_LIMIT": "lots"}, io.Discard, io.Discard), nil)
	if err == nil || !strings.Contains(err.Error(), "ALLYSTREAM_MEMORY_LIMIT") {
		t.Fatalf("bad ALLYSTREAM_MEMORY_LIMIT: %v", err)
	}
}

// TestApplyGCPolicy checks that run applies its policy unless GOGC and GOMEMLIMIT say
// otherwise, logs what is in force, and that restore undoes it.
func TestApplyGCPolicy(t *testing.T) {
	before := pipeline.CurrentGCPolicy()
	var logs streamBuffer
	log, err := newStreamLogger("info", false, streamEnv(nil, io.Discard, &logs))
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.GCPolicy{Percent: 345, MemoryLimit: 5 << 30}
	restore, err := applyGCPolicy(p, streamEnv(nil, io.Discard, io.Discard), log)
	if err != nil {
		t.Fatal(err)
	}
	if got := pipeline.CurrentGCPolicy(); got != p {
		t.Errorf("in force %+v, want %+v", got, p)
	}
	restore()
	if !strings.Contains(logs.String(), "gc-percent=345 memory-limit=5GiB") {
		t.Errorf("policy not logged:\n%s", logs.String())
	}
	env := streamEnv(map[string]string{"GOGC": "90", "GOMEMLIMIT": "off"}, io.Discard, io.Discard)
	restore, err = applyGCPolicy(p, env, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	defer restore()
	if got := pipeline.CurrentGCPolicy(); got != before {
		t.Errorf("GOGC and GOMEMLIMIT set: in force %+v, want the runtime's %+v", got, before)
	}
	env = streamEnv(map[string]string{"GOMEMLIMIT": "off"}, io.Discard, io.Discard)
	if _, err := applyGCPolicy(pipeline.GCPolicy{Percent: -1}, env, zap.NewNop()); err == nil {
		t.Error("a policy that never collects was applied")
	}
}
