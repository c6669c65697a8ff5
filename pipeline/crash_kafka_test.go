package pipeline_test

import (
	"context"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"go.uber.org/zap"
)

const helperEnv = "ALLYSTREAM_TEST_HELPER_BROKERS"

// TestHelperWorker is not a test: TestWorkerSurvivesSIGKILL runs the test binary again with
// -test.run=^TestHelperWorker$ and the broker address in helperEnv, and this process becomes a
// worker until it is killed.
func TestHelperWorker(t *testing.T) {
	brokers := os.Getenv(helperEnv)
	if brokers == "" {
		t.Skip("only runs as a subprocess of TestWorkerSurvivesSIGKILL")
	}
	cfg := pipeline.Config{Brokers: strings.Split(brokers, ","), InputTopic: "posts", OutputTopic: "labeled",
		DLQTopic: "dead", GroupID: "crash-test", BatchSize: crashBatchSize, JoinGroupBackoff: 200 * time.Millisecond}.WithDefaults()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	src, err := pipeline.NewKafkaSource(cfg, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	sink, err := pipeline.NewKafkaSink(cfg, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	w := &pipeline.Worker{Config: cfg, Source: src, Sink: slowSink{sink, 30 * time.Millisecond}, Labeler: newLabeler(t, cfg.Limits)}
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
}

const crashBatchSize = 100

// TestWorkerSurvivesSIGKILL kills a worker process with SIGKILL twice mid-stream and
// restarts it. Every input post must end up with a labeled record, duplicates must stay
// within one batch per kill, and each restarted worker must make progress within 15s
// (the 6s session timeout lets the group drop the dead member quickly).
func TestWorkerSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker subprocesses")
	}
	env := newTestEnv(t, 3)
	values, ids := posts("k", 4000)
	env.produce(t, "posts", values...)
	out := newOutputWatcher(t, env)
	const kills = 2
	for i := range kills {
		proc := startHelperWorker(t, env)
		waitFor(t, 30*time.Second, "progress after (re)start", func() bool { return out.count() >= (i+1)*1000 })
		if err := proc.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = proc.Wait()
		t.Logf("killed worker %d after %d records", i+1, out.count())
	}
	restarted := time.Now()
	killedAt := out.count()
	final := startHelperWorker(t, env)
	defer func() { _ = final.Process.Signal(syscall.SIGTERM); _ = final.Wait() }()
	waitFor(t, 15*time.Second, "progress within 15s of the restart", func() bool { return out.count() > killedAt })
	t.Logf("restarted worker made progress after %s", time.Since(restarted).Round(time.Millisecond))
	waitFor(t, 60*time.Second, "a record for every post", func() bool { return len(missingIDs(ids, out.messages())) == 0 })
	if dups := out.count() - len(ids); dups > kills*crashBatchSize {
		t.Errorf("%d duplicate records, want at most %d (one batch per kill)", dups, kills*crashBatchSize)
	} else {
		t.Logf("%d duplicates after %d kills", dups, kills)
	}
}

func startHelperWorker(t *testing.T, env *testEnv) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWorker$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(env.cfg.Brokers, ","))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd
}
