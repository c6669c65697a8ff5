package pipeline

import (
	"net/http"
	"sync/atomic"
)

// Health tracks whether the worker is connected and making progress, for /readyz: it is
// ready when the brokers answer and no publish or commit is failing. The zero value is
// not ready. It is safe for concurrent use.
type Health struct {
	connected atomic.Bool
	stalled   atomic.Bool
}

// SetConnected records whether the brokers answered the last probe.
func (h *Health) SetConnected(ok bool) { h.connected.Store(ok) }

// Connected reports the last probe's result.
func (h *Health) Connected() bool { return h.connected.Load() }

// SetStalled records whether a publish or commit is failing and being retried.
func (h *Health) SetStalled(stalled bool) { h.stalled.Store(stalled) }

// Ready reports whether the brokers answer and no publish or commit is failing.
func (h *Health) Ready() bool { return h.connected.Load() && !h.stalled.Load() }

// LiveHandler answers /healthz: 200 while the process serves HTTP.
func (h *Health) LiveHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
}

// ReadyHandler answers /readyz: 200 when ready, 503 otherwise.
func (h *Health) ReadyHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if !h.Ready() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
}
