// Package lexicons loads, validates and versions the rule and word-list files that drive the
// classifiers.
//
// The shipped files live in data/ and are embedded in the binary. A user directory given to
// Load adds to or overrides them without a rebuild; see README.md for the file format, the
// rule kinds, the scoring and the override semantics.
package lexicons

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

//go:embed data
var embedded embed.FS

// Set is a loaded, validated collection of lexicon files. It is immutable after Load and safe
// for concurrent use.
type Set struct {
	version string
	files   []FileInfo
	labels  map[string]*Label
	lists   map[string]*List
}

// FileInfo describes one loaded file.
type FileInfo struct {
	Name   string // file name as used in evidence and errors
	Origin string // "embedded" or "override"
	SHA256 string // hex digest of the file's bytes
}

// LabelNames lists the labels that have a rules file, speaker last.
func LabelNames() []string {
	return []string{"empathy", "anger", "privilege_framed", "disadvantage_framed", "spokesperson", SpeakerLabel}
}

// RequiredLists are the word lists the classifier reads directly, besides those that rules
// reference as {name}.
func RequiredLists() []string {
	return []string{"negators", "negation_exceptions", "first_person", "third_person",
		"reporting_verbs", "linking_verbs", "english", "caps_exempt"}
}

// Load reads the embedded lexicons and, when overrideDir is not empty, the user's files in it,
// which add to or override embedded entries. A validation failure is returned as an ErrorList.
func Load(overrideDir string) (*Set, error) {
	if overrideDir == "" {
		return LoadFS(nil, "")
	}
	st, err := os.Stat(overrideDir)
	if err != nil {
		return nil, fmt.Errorf("load lexicon overrides %s: %w", overrideDir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("load lexicon overrides %s: not a directory", overrideDir)
	}
	return LoadFS(os.DirFS(overrideDir), overrideDir)
}

// LoadFS is Load with the overrides read from the top directory of fsys (nil for none);
// name is how that directory is named in errors and evidence.
func LoadFS(fsys fs.FS, name string) (*Set, error) {
	b := newBuilder()
	base, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("load embedded lexicons: %w", err)
	}
	if err := b.addDir(base, "", false); err != nil {
		return nil, fmt.Errorf("load embedded lexicons: %w", err)
	}
	if fsys != nil {
		if err := b.addDir(fsys, name, true); err != nil {
			return nil, fmt.Errorf("load lexicon overrides %s: %w", name, err)
		}
	}
	return b.finish()
}

// Lint validates the lexicon files in dir (as Load would, on top of the embedded set) and
// returns nil or an ErrorList with one entry per problem.
func Lint(dir string) error {
	_, err := Load(dir)
	return err
}

// Version is a content hash of every loaded file.
func (s *Set) Version() string { return s.version }

// Files lists the loaded files in load order.
func (s *Set) Files() []FileInfo { return append([]FileInfo(nil), s.files...) }

// Label returns the rules of a label (see LabelNames), or nil.
func (s *Set) Label(name string) *Label { return s.labels[name] }

// List returns a word list by name (its file name without .txt), or nil.
func (s *Set) List(name string) *List { return s.lists[name] }

// ListNames returns the names of every loaded word list, sorted.
func (s *Set) ListNames() []string {
	names := make([]string, 0, len(s.lists))
	for n := range s.lists {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// isLexiconFile says whether a file name is a rules file or a word list.
func isLexiconFile(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".txt")
}
