package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// FileSink is a Sink writing labeled records as JSONL to one writer and dead letters as
// JSONL (a DeadLetterLine per line) to another. A Write is acknowledged once both buffers
// are flushed to their writers.
type FileSink struct {
	records *bufio.Writer
	dead    *bufio.Writer
}

// DeadLetterLine is one dead letter in a FileSink's dead-letter stream: its headers and its
// (possibly truncated) original value, base64-encoded in JSON so that any bytes survive.
type DeadLetterLine struct {
	Headers map[string]string `json:"headers"`
	Value   []byte            `json:"value"`
}

// NewFileSink writes records to records and dead letters to dead.
func NewFileSink(records, dead io.Writer) *FileSink {
	return &FileSink{records: bufio.NewWriterSize(records, 64<<10), dead: bufio.NewWriterSize(dead, 16<<10)}
}

// Write implements Sink.
func (s *FileSink) Write(_ context.Context, outs []Output) error {
	for _, o := range outs {
		if err := s.writeOne(o); err != nil {
			return err
		}
	}
	if err := s.records.Flush(); err != nil {
		return fmt.Errorf("write records: %w", err)
	}
	if err := s.dead.Flush(); err != nil {
		return fmt.Errorf("write dead letters: %w", err)
	}
	return nil
}

func (s *FileSink) writeOne(o Output) error {
	if !o.DeadLetter {
		if _, err := s.records.Write(o.Value); err != nil {
			return err
		}
		return s.records.WriteByte('\n')
	}
	line := DeadLetterLine{Headers: make(map[string]string, len(o.Headers)), Value: o.Value}
	for _, h := range o.Headers {
		line.Headers[h.Key] = string(h.Value)
	}
	b, err := json.Marshal(line)
	if err != nil {
		return fmt.Errorf("encode dead letter: %w", err)
	}
	_, err = s.dead.Write(append(b, '\n'))
	return err
}

// Close implements Sink: it flushes both buffers.
func (s *FileSink) Close() error {
	if err := s.records.Flush(); err != nil {
		return fmt.Errorf("flush records: %w", err)
	}
	if err := s.dead.Flush(); err != nil {
		return fmt.Errorf("flush dead letters: %w", err)
	}
	return nil
}
