package main

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

const runHelperEnv = "ALLYSTREAM_TEST_RUN_MAIN"

// TestHelperRunMain is not a test: TestRunExitsZeroOnSIGTERM runs the test binary again with
// this test selected, and it becomes "allystream run" through the real main (signal handling
// and os.Exit included).
func TestHelperRunMain(t *testing.T) {
	if os.Getenv(runHelperEnv) == "" {
		t.Skip("only runs as a subprocess of TestRunExitsZeroOnSIGTERM")
	}
	os.Args = []string{"allystream", "run", "--metrics-addr", "", "--grace-period", "3s"}
	main()
}

// TestRunExitsZeroOnSIGTERM sends SIGTERM to a running "allystream run" process (embedded
// broker) and expects a clean exit with status 0 well within the grace period.
func TestRunExitsZeroOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRunMain$", "-test.count=1")
	cmd.Env = append(os.Environ(), runHelperEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	started := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "connected to brokers") {
				close(started)
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(20 * time.Second):
		t.Fatal("worker did not connect within 20s")
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("allystream run after SIGTERM: %v, want exit status 0", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("allystream run did not exit within 5s of SIGTERM")
	}
}
