// Package lexicons loads, validates and versions the rule and word-list files that drive the
// classifiers.
package lexicons

// Set is a loaded, validated collection of lexicon files.
//
// BOOTSTRAP: placeholder; the classifiers work replaces it.
type Set struct {
	version string
}

// Load reads the embedded lexicons and, when overrideDir is not empty, the user's files in it,
// which add to or override embedded entries.
func Load(overrideDir string) (*Set, error) {
	return &Set{version: "bootstrap"}, nil
}

// Version is a content hash of every loaded file.
func (s *Set) Version() string { return s.version }
