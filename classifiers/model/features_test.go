package model

import (
	"slices"
	"testing"

	"github.com/allystream/allystream/classifiers"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"I'm SOOO angry!!", []string{"i'm", "soo", "angry"}},
		{"don’t f*ck with us", []string{"don't", "f*ck", "with", "us"}},
		{"#BlackLivesMatter now", []string{"blacklivesmatter", "now"}},
		{"see https://x.co/a?b and @someone here", []string{"see", "and", "here"}},
		{"love 💔 you", []string{"love", "💔", "you"}},
		{"Ça va très bien", []string{"ça", "va", "très", "bien"}},
		{"'quoted'", []string{"quoted"}},
	}
	for _, tt := range tests {
		var tk tokenizer
		tk.tokenize(tt.text)
		var got []string
		for k := range tk.toks {
			got = append(got, string(tk.form(k)))
			if s := tk.toks[k]; s.start < 0 || int(s.end) > len(tt.text) || s.start >= s.end {
				t.Errorf("%q: token %d span %d..%d out of the text", tt.text, k, s.start, s.end)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenizeStats(t *testing.T) {
	var tk tokenizer
	tk.tokenize(`Are you SERIOUS?! "THIS IS" outrageous @x http://a.b`)
	st := tk.stats
	if !st.question || !st.exclaim || !st.quote || !st.mention || !st.url || st.capsWords != 2 { // SERIOUS and THIS; IS is too short
		t.Fatalf("stats = %+v", st)
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"privileges": "privileg", "privileged": "privileg", "privilege": "privileg",
		"stories": "stori", "classes": "class", "glass": "glass", "bus": "bus", "this": "this",
		"hurting": "hurt", "angrily": "angri", "women's": "women", "cat": "cat",
	}
	for in, want := range tests {
		if got := string(stem([]byte(in))); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFeatureNamesMatchHashes(t *testing.T) {
	var x extraction
	x.names = map[uint64]string{}
	res := classifiers.Result{Text: "My heart breaks for #BLM families, they're hurting, so müde"}
	all := DefaultFeatures()
	all.Chars = true
	x.extract(all, &res)
	seen := map[string]bool{}
	for _, f := range x.feats {
		if f.start < 0 {
			continue
		}
		name := featureName(res.Text, f)
		if name == "" || hashString(name) != f.hash {
			t.Errorf("feature at %d..%d (%q): name %q does not hash back", f.start, f.end, res.Text[f.start:f.end], name)
		}
		seen[name] = true
	}
	for _, want := range []string{"w:heart", "b:my heart", "h:blm", "w:blm", "s:hurt", "w:they're",
		"c:<hea", "c:eart", "c:art>", "c:<müd", "c:müde", "c:üde>"} {
		if !seen[want] {
			t.Errorf("no feature %q among %v", want, seen)
		}
	}
}

func TestParseFeatures(t *testing.T) {
	fc, err := ParseFeatures("rules, words")
	if err != nil || !fc.Rules || !fc.Words || fc.Bigrams {
		t.Fatalf("ParseFeatures = %+v, %v", fc, err)
	}
	if fc, err := ParseFeatures("chars"); err != nil || !fc.Chars || DefaultFeatures().Chars {
		t.Errorf("chars: %+v, %v; want chars on only when asked for", fc, err)
	}
	if _, err := ParseFeatures("rules,vibes"); err == nil {
		t.Fatal("an unknown family was accepted")
	}
}

func TestRuleID(t *testing.T) {
	for in, want := range map[string]string{"anger.yaml:42 anger.outrage": "anger.outrage", "speaker.yaml:7": "speaker.yaml", "x": "x"} {
		if got := ruleID(in); got != want {
			t.Errorf("ruleID(%q) = %q, want %q", in, got, want)
		}
	}
}
