package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// allystreamPackage is the command the bench runs as its worker.
const allystreamPackage = "github.com/allystream/allystream/cmd/allystream"

// buildAllystream builds the allystream command into dir with the go tool and returns the
// binary's path. It must run inside the allystream module (as "go run ./cmd/allystream-bench"
// does); elsewhere, pass a prebuilt binary with -allystream.
func buildAllystream(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "allystream")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, allystreamPackage)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s (run the bench inside the allystream module, or pass -allystream PATH): %w\n%s",
			allystreamPackage, err, strings.TrimSpace(string(out)))
	}
	return bin, nil
}

// workerArgs are the arguments of "allystream run" for one mode. --passthrough is always
// given, true or false, so an ALLYSTREAM_PASSTHROUGH in the environment cannot change a mode.
func workerArgs(mode string, brokers []string, cfg benchConfig) []string {
	return []string{"run", "--brokers", strings.Join(brokers, ","),
		"--input-topic", "posts", "--output-topic", "labeled", "--dlq-topic", "dlq", "--group", "bench",
		"--batch-size", strconv.Itoa(cfg.batchSize), "--workers", strconv.Itoa(cfg.workers),
		"--metrics-addr", "", "--log-level", "warn", "--passthrough=" + strconv.FormatBool(mode == "passthrough")}
}

// workerProcess is a running "allystream run".
type workerProcess struct {
	cmd *exec.Cmd
	// exited is closed when the process has exited; err is then cmd.Wait's result.
	exited chan struct{}
	err    error
}

// startWorkerProcess starts "bin run ..." for mode with the bench's environment (so the
// ALLYSTREAM_* and GO* variables that "allystream run" reads apply) and its stderr.
func startWorkerProcess(bin, mode string, brokers []string, cfg benchConfig) (*workerProcess, error) {
	if mode != "label" && mode != "passthrough" {
		return nil, fmt.Errorf("unknown mode %q (want label or passthrough)", mode)
	}
	cmd := exec.Command(bin, workerArgs(mode, brokers, cfg)...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start worker %s: %w", bin, err)
	}
	p := &workerProcess{cmd: cmd, exited: make(chan struct{})}
	go func() { p.err = cmd.Wait(); close(p.exited) }()
	return p, nil
}

// watch returns a context cancelled when ctx is or when the worker exits, so that waiting
// for its outputs stops early if it dies.
func (p *workerProcess) watch(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-p.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// exitErr describes an early exit of the worker, or is nil while it runs.
func (p *workerProcess) exitErr() error {
	select {
	case <-p.exited:
		return fmt.Errorf("worker exited early (%v)", p.err)
	default:
		return nil
	}
}

// stop sends SIGTERM and waits for the exit, killing the worker after 15s.
func (p *workerProcess) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(15 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}
