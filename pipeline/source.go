package pipeline

import (
	"context"
	"errors"
	"strconv"
	"time"
)

// Header is one message header.
type Header struct {
	Key   string
	Value []byte
}

// Message is one input message and where it came from.
type Message struct {
	Key     []byte
	Value   []byte
	Headers []Header
	// Origin is the message's position; sources use it to commit.
	Origin Origin
	// Time is when the message was produced, for end-to-end latency. Zero when unknown.
	Time time.Time
	// HighWaterMark is the partition's next offset when the message was fetched, for lag.
	// Zero when unknown.
	HighWaterMark int64
}

// Source yields input messages and records which of them are done.
//
// Fetch blocks until a message is available and returns it; the caller owns the returned
// slices. It returns ctx.Err() when ctx is done, io.EOF when a finite source is exhausted,
// and any other error for a failure the caller may retry after a pause.
//
// Commit records that msgs, and every message before each of them in the same partition,
// are fully processed; it blocks until the commit is durable or has failed. Callers commit
// only messages whose outputs the Sink has acknowledged, in fetch order per partition. A
// failed commit loses no data: the messages are delivered again after a restart.
//
// Close releases the source; Fetch and Commit must not be called after it. Fetch and Commit
// may be called from different goroutines, but each from one goroutine at a time.
type Source interface {
	Fetch(ctx context.Context) (Message, error)
	Commit(ctx context.Context, msgs []Message) error
	Close() error
}

// Output is one message to publish: a labeled record or a dead letter. Outputs may share
// memory: every labeled record of a Worker has the same Headers, and the keys and values of
// a batch's records are carved out of common buffers (each with its capacity cut at its
// length). A Sink must not write into any of it.
type Output struct {
	// DeadLetter routes the message to the dead-letter destination instead of the output.
	DeadLetter bool
	Key        []byte
	Value      []byte
	Headers    []Header
}

// Sink publishes outputs.
//
// Write blocks until every output is durably acknowledged (for Kafka: by all in-sync
// replicas) and returns nil, or returns an error. After an error any subset may have been
// written: the caller retries, and the outputs may be duplicated but are never lost. When
// the error is a *WriteError, only the outputs at its Failed indices need a retry. An output
// the destination refuses for its size (a permanent error: retrying the same bytes fails the
// same way) is reported with an error wrapping ErrOutputTooLarge, in WriteError.Errs or as
// the whole error. Write does not keep references to outs, nor to their keys, values and
// headers, after it returns: once Write has returned nil the Worker reuses that memory for
// later batches.
//
// Close flushes and releases the sink; Write must not be called after it. Write is called
// from one goroutine at a time.
type Sink interface {
	Write(ctx context.Context, outs []Output) error
	Close() error
}

// WriteError reports a Write in which only some outputs failed.
type WriteError struct {
	// Failed holds the indices, into the slice given to Write, of the outputs not written.
	Failed []int
	// Err is the first failure.
	Err error
	// Errs, when set, holds the error of each failed output: Errs[i] is Failed[i]'s.
	Errs []error
}

// ErrOutputTooLarge is wrapped by a Sink's error for an output the destination permanently
// refuses because of its size (Kafka: MESSAGE_TOO_LARGE). It may be reported for outputs
// that are small but were sent together with a large one; the Worker writes each such output
// alone to find out, and dead-letters the ones still refused.
var ErrOutputTooLarge = errors.New("output too large for the destination")

func (e *WriteError) Error() string {
	return "write outputs: " + strconv.Itoa(len(e.Failed)) + " failed: " + e.Err.Error()
}

func (e *WriteError) Unwrap() error { return e.Err }
