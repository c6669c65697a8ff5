package classifiers

import "github.com/allystream/allystream/lexicons"

// Version is the classifier version written into every record (semver).
const Version = "0.1.0"

// Engine classifies posts. It is safe for concurrent use by many goroutines.
//
// BOOTSTRAP: this placeholder returns every label absent; the classifiers work replaces it.
type Engine struct {
	set *lexicons.Set
}

// New builds an Engine from a loaded lexicon set.
func New(set *lexicons.Set) (*Engine, error) {
	return &Engine{set: set}, nil
}

// LexiconVersion is the content hash of the lexicons the engine was built from.
func (e *Engine) LexiconVersion() string { return e.set.Version() }

// Classify labels one post. It never panics and never returns offsets outside Result.Text.
func (e *Engine) Classify(text string) Result {
	r := Result{Text: text, Language: Language{Code: "en", Supported: true}}
	r.Speaker.Role = RoleUnknown
	return r
}
