package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// codebookCases are the codebook's own in/out examples (../shared/codebook.md), where the
// coding is unambiguous. Each case checks one label only; other labels are not asserted.
var codebookCases = []struct {
	text, label string
	present     bool
}{
	{"I am furious", "anger", true},
	{"This is outrageous", "anger", true},
	{"Enough is enough.", "anger", true},
	{"I'm not mad, just sad", "anger", false},
	{"My heart breaks for every family who lost someone", "empathy", true},
	{"I hear you and I believe you", "empathy", true},
	{"You are not alone", "empathy", true},
	{"What a lovely sunny afternoon at the park.", "empathy", false},
	{"White privilege is real", "privilege_framed", true},
	{"There's no such thing as white privilege", "privilege_framed", false},
	{"It was a privilege to meet her", "privilege_framed", false},
	{"Women are still paid less for the same work", "disadvantage_framed", true},
	{"Trans people face discrimination every day", "disadvantage_framed", true},
	{"We must be the voice for those who can't speak", "spokesperson", true},
	{"Giving a voice to the voiceless", "spokesperson", true},
	{"Amplify Black voices and pass the mic", "spokesperson", false},
}

func TestClassifyCodebookExamples(t *testing.T) {
	var in strings.Builder
	for i, c := range codebookCases {
		fmt.Fprintf(&in, "{\"id\":\"c%d\",\"text\":%q}\n", i, c.text)
	}
	code, out, stderr := offlineRun(t, in.String(), "classify", "--workers", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := decodeRecords(t, out)
	if len(recs) != len(codebookCases) {
		t.Fatalf("%d records, want %d", len(recs), len(codebookCases))
	}
	for i, c := range codebookCases {
		res, ok := recs[i].Labels.Get(c.label)
		if !ok {
			t.Fatalf("unknown label %q", c.label)
		}
		if res.Present != c.present {
			t.Errorf("%q: %s present = %v, want %v (codebook example)", c.text, c.label, res.Present, c.present)
		}
	}
}

func TestClassifySpeakerCodebookExamples(t *testing.T) {
	in := `{"id":"a","text":"As a white person, I need to listen and do better."}
{"id":"m","text":"As a Black woman, I am tired of explaining this."}
{"id":"u","text":"What a lovely sunny afternoon at the park."}
`
	_, out, _ := offlineRun(t, in, "classify")
	want := []string{classifiers.RoleAlly, classifiers.RoleMember, classifiers.RoleUnknown}
	recs := decodeRecords(t, out)
	for i, rec := range recs {
		if rec.Speaker.Role != want[i] {
			t.Errorf("%q: speaker %s, want %s", rec.Text, rec.Speaker.Role, want[i])
		}
	}
}

func TestClassifyEvidenceSpansIndexTheText(t *testing.T) {
	in := `{"id":"1","text":"<p>As a white person I am FURIOUS 😡 that Black Americans are killed by police at twice the rate. My heart breaks. #BlackLivesMatter https://example.org/x</p>"}
{"id":"2","text":"sooo angry!!! white privilege is real &amp; we must be the voice for those who can't speak"}
`
	code, out, stderr := offlineRun(t, in, "classify")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, rec := range decodeRecords(t, out) {
		checkEvidence(t, rec, "speaker", rec.Speaker.Evidence)
		for _, name := range classifiers.LabelNames() {
			res, _ := rec.Labels.Get(name)
			checkEvidence(t, rec, name, res.Evidence)
			if res.Score < 0 || res.Score > 1 {
				t.Errorf("%s %s score %v outside [0,1]", rec.ID, name, res.Score)
			}
		}
	}
}

func checkEvidence(t *testing.T, rec pipeline.Record, label string, ev []classifiers.Evidence) {
	t.Helper()
	for _, e := range ev {
		if e.Start < 0 || e.End > len(rec.Text) || e.Start > e.End || rec.Text[e.Start:e.End] != e.Cue {
			t.Errorf("%s %s evidence %+v does not index the text %q", rec.ID, label, e, rec.Text)
		}
	}
}

func TestClassifyMarksNonEnglishUnsupported(t *testing.T) {
	in := `{"id":"fr","text":"Je suis absolument furieux contre cette injustice, c'est honteux et inacceptable."}` + "\n"
	_, out, _ := offlineRun(t, in, "classify")
	recs := decodeRecords(t, out)
	if len(recs) != 1 || recs[0].Language.Supported {
		t.Fatalf("records = %+v, want one unsupported", recs)
	}
	for _, name := range classifiers.LabelNames() {
		if res, _ := recs[0].Labels.Get(name); res.Present {
			t.Errorf("unsupported post has %s present", name)
		}
	}
}
