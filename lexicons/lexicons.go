// Package lexicons loads, validates and versions the rule and word-list files that drive the
// classifiers.
package lexicons

import (
	"fmt"
	"io"
	"strings"
)

// Set is a loaded, validated collection of lexicon files.
//
// BOOTSTRAP: placeholder; the classifiers work replaces the implementation and keeps the
// exported signatures below.
type Set struct {
	version string
}

// Load reads the embedded lexicons and, when overrideDir is not empty, the user's files in it,
// which add to or override embedded entries. A validation failure is returned as an ErrorList.
func Load(overrideDir string) (*Set, error) {
	return &Set{version: "bootstrap"}, nil
}

// Lint validates the lexicon files in dir (as Load would, on top of the embedded set) and
// returns nil or an ErrorList with one entry per problem.
func Lint(dir string) error {
	_, err := Load(dir)
	return err
}

// Version is a content hash of every loaded file.
func (s *Set) Version() string { return s.version }

// WriteSummary writes a human-readable listing of what is loaded: files, their versions,
// and every entry with its label, rule id and file:line.
func (s *Set) WriteSummary(w io.Writer) error {
	_, err := fmt.Fprintf(w, "lexicon version %s\n", s.version)
	return err
}

// Error is one problem in a lexicon file, at a 1-based line and column.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ErrorList is every problem found while loading; its Error() has one "file:line:col: message"
// line per problem.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
