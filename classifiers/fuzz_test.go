package classifiers

import (
	"testing"
	"unicode/utf8"
)

// FuzzClassify checks that classification never panics (it calls the inner classify,
// which has no recover) and that every span indexes the cleaned text, whatever the input.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"I'm not mad, just sad.", "#CheckYourPrivilege 😡🤬 sooo angry",
		"<p>outrageous &amp; <b>disgusting</b></p>", "@x https://t.co/a white privilege",
		"\xff\xfe\xfd", "“quoted” ‘single’ don’t", "#", "&#0;&#xD800;", "<<<>>>", "AAAA BBBB CCCC DDDD !!",
		"As a white person I stand with you 🙏🏽", "privilege to <VB> ... {harm}",
	} {
		f.Add(s)
	}
	e := testEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		r := e.classify(cleanText(s))
		if !utf8.ValidString(r.Text) {
			t.Fatalf("cleaned text is not valid UTF-8: %q", r.Text)
		}
		checkSpans(t, r)
		for _, name := range LabelNames() {
			l, _ := r.Labels.Get(name)
			if l.Score < 0 || l.Score > 1 || l.Evidence == nil {
				t.Fatalf("%s: score %v, evidence %v", name, l.Score, l.Evidence)
			}
		}
	})
}
