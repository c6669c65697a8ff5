package pipeline

import (
	"context"
	"testing"
	"time"
)

func TestBackoffDoublesUpToTheCap(t *testing.T) {
	tests := []struct {
		attempt int
		want    time.Duration
	}{
		{0, 100 * time.Millisecond}, {1, 200 * time.Millisecond}, {3, 800 * time.Millisecond},
		{10, 5 * time.Second}, {1000, 5 * time.Second},
	}
	for _, tt := range tests {
		if got := backoff(tt.attempt, 100*time.Millisecond, 5*time.Second); got != tt.want {
			t.Errorf("backoff(%d) = %s, want %s", tt.attempt, got, tt.want)
		}
	}
}

func TestGraceContextOutlivesItsParentByTheGracePeriod(t *testing.T) {
	parent, cancelParent := context.WithCancel(context.Background())
	gctx, cancel := graceContext(parent, 50*time.Millisecond)
	defer cancel()
	cancelParent()
	if gctx.Err() != nil {
		t.Fatal("grace context ended with its parent")
	}
	select {
	case <-gctx.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("grace context did not end after the grace period")
	}
}
