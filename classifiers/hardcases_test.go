package classifiers

import (
	"strings"
	"testing"
)

func TestURLsAndMentionsAreNeverEvidence(t *testing.T) {
	e := testEngine(t)
	tests := []string{
		"@furious_citizen https://example.org/outrageous-privilege?x=disgusting",
		"see www.angry-people.com/white-privilege and @WhitePrivilege",
	}
	for _, text := range tests {
		r := e.Classify(text)
		checkSpans(t, r)
		for _, name := range LabelNames() {
			l, _ := r.Labels.Get(name)
			if len(l.Evidence) > 0 {
				t.Errorf("%q: %s has evidence %v from a link or mention", text, name, l.Evidence)
			}
		}
	}
}

func TestHTMLIsCleanedAndOffsetsIndexCleanText(t *testing.T) {
	e := testEngine(t)
	html := `<p>This is <strong>outrageous</strong> &amp; <a href="https://x.example/furious">disgusting</a></p><p>I&#39;m furious</p>`
	r := e.Classify(html)
	checkSpans(t, r)
	if strings.ContainsAny(r.Text, "<>") || strings.Contains(r.Text, "&amp;") {
		t.Errorf("Text not cleaned: %q", r.Text)
	}
	if !r.Labels.Anger.Present || !hasCue(cues(r, LabelAnger), "outrageous") || !hasCue(cues(r, LabelAnger), "furious") {
		t.Errorf("anger evidence %v in %q", r.Labels.Anger.Evidence, r.Text)
	}
}

func TestNonEnglishIsUnsupported(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{
		"Estoy furiosa con esta injusticia, basta ya de racismo en la policía",
		"Ich bin so wütend über diese Ungerechtigkeit und den Rassismus",
		"இது மிகவும் கொடுமையானது",
		"Hola amigos",
	} {
		r := e.Classify(text)
		if r.Language.Code != "und" || r.Language.Supported {
			t.Errorf("%q: language %+v, want und/unsupported", text, r.Language)
		}
		if r.Speaker.Role != RoleUnknown {
			t.Errorf("%q: speaker %s, want unknown", text, r.Speaker.Role)
		}
		for _, name := range LabelNames() {
			if l, _ := r.Labels.Get(name); l.Present || l.Evidence == nil {
				t.Errorf("%q: %s = %+v, want absent with empty evidence", text, name, l)
			}
		}
	}
}

func TestEnglishEdgeCasesAreSupported(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{"😡😡", "disgusting!!", "I am furious", "lol"} {
		if r := e.Classify(text); !r.Language.Supported || r.Language.Code != "en" {
			t.Errorf("%q: language %+v, want en", text, r.Language)
		}
	}
}

func TestEmojiEvidenceSpans(t *testing.T) {
	e := testEngine(t)
	r := e.Classify("Praying for you 🙏🏽 💔 and 🤬")
	checkSpans(t, r)
	if !hasCue(cues(r, LabelEmpathy), "🙏🏽") || !hasCue(cues(r, LabelEmpathy), "💔") {
		t.Errorf("empathy cues %q", cues(r, LabelEmpathy))
	}
	if !hasCue(cues(r, LabelAnger), "🤬") {
		t.Errorf("anger cues %q", cues(r, LabelAnger))
	}
}

func TestEvidenceNamesFileAndLine(t *testing.T) {
	r := testEngine(t).Classify("I am furious")
	if len(r.Labels.Anger.Evidence) == 0 {
		t.Fatal("no anger evidence")
	}
	rule := r.Labels.Anger.Evidence[0].Rule
	if !strings.HasPrefix(rule, "anger.yaml:") || !strings.HasSuffix(rule, " anger.feeling") {
		t.Errorf("rule = %q, want anger.yaml:LINE anger.feeling", rule)
	}
}

func TestInvalidUTF8IsReplaced(t *testing.T) {
	r := testEngine(t).Classify("this is outrageous \xff\xfe")
	checkSpans(t, r)
	if !r.Labels.Anger.Present {
		t.Errorf("anger absent for %q", r.Text)
	}
}

func TestLongPosts(t *testing.T) {
	e := testEngine(t)
	for _, text := range []string{
		strings.Repeat("fuck this, I am so angry!! ", 3000),
		strings.Repeat("#CheckYourPrivilege ", 5000),
		strings.Repeat("<p>", 20000),
	} {
		r := e.Classify(text)
		checkSpans(t, r)
	}
}
