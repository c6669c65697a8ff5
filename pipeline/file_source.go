package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sync"
)

// FileSource is a Source reading one message per line of a JSONL stream (the line without
// its newline is the value). It ends with io.EOF. Commit records the last committed line in
// memory; Committed reports it. Lines longer than maxLine are returned truncated to maxLine+1
// bytes, so that the decoder's size limit rejects them.
type FileSource struct {
	name    string
	r       *bufio.Reader
	closer  io.Closer
	line    int
	maxLine int

	mu        sync.Mutex
	committed int
}

// NewFileSource reads from r; name is recorded as Origin.File. maxLine is normally
// Limits.MaxMessageBytes.
func NewFileSource(name string, r io.Reader, maxLine int) *FileSource {
	s := &FileSource{name: name, r: bufio.NewReaderSize(r, 64<<10), maxLine: maxLine}
	if c, ok := r.(io.Closer); ok {
		s.closer = c
	}
	return s
}

// OpenFileSource opens path for a FileSource.
func OpenFileSource(path string, maxLine int) (*FileSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	return NewFileSource(path, f, maxLine), nil
}

// Fetch implements Source.
func (s *FileSource) Fetch(ctx context.Context) (Message, error) {
	if err := ctx.Err(); err != nil {
		return Message{}, err
	}
	value, err := s.readLine()
	if err != nil {
		return Message{}, err
	}
	s.line++
	return Message{Value: value, Origin: Origin{File: s.name, Line: s.line, Offset: int64(s.line - 1)}}, nil
}

// readLine returns the next line without its newline, io.EOF at the end.
func (s *FileSource) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if len(line) <= s.maxLine {
			line = append(line, chunk[:min(len(chunk), s.maxLine+1-len(line))]...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
			return trimNewline(line), nil
		case err != nil:
			return nil, err
		}
		return trimNewline(line), nil
	}
}

func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// Commit implements Source.
func (s *FileSource) Commit(_ context.Context, msgs []Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range msgs {
		s.committed = max(s.committed, m.Origin.Line)
	}
	return nil
}

// Committed returns the highest committed line number (0: none).
func (s *FileSource) Committed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.committed
}

// Close implements Source.
func (s *FileSource) Close() error {
	if s.closer == nil {
		return nil
	}
	if err := s.closer.Close(); err != nil {
		return fmt.Errorf("close input: %w", err)
	}
	return nil
}
