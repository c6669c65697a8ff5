package eval_test

import (
	"strings"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// keywordClassifier is a stand-in engine whose answers the tests can compute by hand:
// "furious" means anger, "heart breaks" empathy, "as a white person" an ally speaker and
// "as a black woman" a member speaker.
type keywordClassifier struct{}

func (keywordClassifier) LexiconVersion() string { return "test-lexicons" }

func (keywordClassifier) Classify(text string) classifiers.Result {
	r := classifiers.Result{Text: text, Language: classifiers.Language{Code: "en", Supported: true}}
	lower := strings.ToLower(text)
	mark := func(l *classifiers.LabelResult, cue string) {
		if i := strings.Index(lower, cue); i >= 0 {
			l.Present, l.Score = true, 0.9
			l.Evidence = []classifiers.Evidence{{Cue: text[i : i+len(cue)], Start: i, End: i + len(cue), Rule: "test:1"}}
		}
	}
	mark(&r.Labels.Anger, "furious")
	mark(&r.Labels.Empathy, "heart breaks")
	r.Speaker.Role, r.Speaker.Score = classifiers.RoleUnknown, 0.5
	switch {
	case strings.Contains(lower, "as a white person"):
		r.Speaker.Role, r.Speaker.Score = classifiers.RoleAlly, 0.8
	case strings.Contains(lower, "as a black woman"):
		r.Speaker.Role, r.Speaker.Score = classifiers.RoleMember, 0.8
	}
	return r
}

func newTestLabeler() *pipeline.Labeler {
	return &pipeline.Labeler{
		Decoder:    pipeline.JSONDecoder{Limits: pipeline.Limits{MaxMessageBytes: 1 << 20, MaxTextBytes: 200}},
		Classifier: keywordClassifier{},
	}
}
