package classifiers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain text is untouched", "I am furious", "I am furious"},
		{"zero-width space", "fu\u200brious", "furious"},
		{"zero-width joiner", "fu\u200drious", "furious"},
		{"zero-width non-joiner", "fu\u200crious", "furious"},
		{"soft hyphen", "fu\u00adri\u00adous", "furious"},
		{"word joiner and BOM", "\ufefffu\u2060rious", "furious"},
		{"bidi override and pop", "\u202efurious\u202c", "furious"},
		{"bidi isolate and marks", "fu\u2066ri\u200fous\u2069", "furious"},
		{"full-width letters", "ｆｕｒｉｏｕｓ！", "furious!"},
		{"ideographic space", "so\u3000angry", "so angry"},
		{"emoji ZWJ sequence is kept", "👩\u200d👩\u200d👧", "👩\u200d👩\u200d👧"},
		{"other non-ASCII is kept", "café “naïve” — ok", "café “naïve” — ok"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, offs := foldText(tc.in)
			if got != tc.want {
				t.Fatalf("foldText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got == tc.in {
				return
			}
			if len(offs) != len(got)+1 || int(offs[len(got)]) != len(tc.in) {
				t.Fatalf("offs has %d entries ending at %d, want %d ending at %d", len(offs), offs[len(offs)-1], len(got)+1, len(tc.in))
			}
		})
	}
}

func TestFoldPlainAllocatesNothing(t *testing.T) {
	text := "an ordinary post, with “quotes”, café and emoji 😡"
	if n := testing.AllocsPerRun(100, func() { foldText(text) }); n != 0 {
		t.Fatalf("foldText allocates %v times on text with nothing to fold", n)
	}
}

// TestEvasionKeepsCues checks that invisible characters and full-width forms do not hide a
// cue, and that the evidence indexes the text as published, invisible characters included.
func TestEvasionKeepsCues(t *testing.T) {
	e := testEngine(t)
	for _, tc := range []struct{ name, text, label, cue string }{
		{"zero-width space in a word", "I am fu\u200brious about this", LabelAnger, "fu\u200brious"},
		{"zero-width joiner in a word", "this is dis\u200dgusting", LabelAnger, "dis\u200dgusting"},
		{"soft hyphens", "I am so an\u00adgry right now", LabelAnger, "an\u00adgry"},
		{"bidi override around a word", "I'm \u202efurious\u202c today", LabelAnger, "furious"},
		{"bidi mark inside a word", "I am fur\u200eious", LabelAnger, "fur\u200eious"},
		{"full-width word", "I am ｆｕｒｉｏｕｓ today", LabelAnger, "ｆｕｒｉｏｕｓ"},
		{"split phrase", "check your pri\u200bvi\u200blege", LabelPrivilegeFramed, "check your pri\u200bvi\u200blege"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Classify(tc.text)
			checkSpans(t, r)
			if r.Text != tc.text {
				t.Fatalf("Text = %q, want the text as published %q", r.Text, tc.text)
			}
			l, _ := r.Labels.Get(tc.label)
			if !l.Present || !hasCue(cues(r, tc.label), tc.cue) {
				t.Fatalf("%s present=%v cues %q, want present with cue %q", tc.label, l.Present, cues(r, tc.label), tc.cue)
			}
		})
	}
}

// FuzzFoldInvariant inserts an invisible character into any text: the labels and scores
// must be those of the text without it, and every span must index the text with it.
func FuzzFoldInvariant(f *testing.F) {
	for _, s := range []string{"I am furious", "check your privilege 😡", "ｆｕｒｉｏｕｓ", "a\u200db", "👩\u200d👩", "x"} {
		f.Add(s, uint16(3), uint8(0))
	}
	e := testEngine(f)
	invisibles := []string{"\u200b", "\u00ad", "\u2060", "\u202e", "\u2066", "\ufeff", "\u200e"}
	f.Fuzz(func(t *testing.T, s string, at uint16, which uint8) {
		s = cleanText(s)
		k := int(at) % (len(s) + 1)
		for k > 0 && k < len(s) && !utf8.RuneStart(s[k]) {
			k--
		}
		inv := invisibles[int(which)%len(invisibles)]
		withInv := s[:k] + inv + s[k:]
		if cleanText(withInv) != withInv {
			t.Skip("the insertion made an HTML tag or entity")
		}
		r, base := e.classify(withInv), e.classify(s)
		checkSpans(t, r)
		if r.Text != withInv {
			t.Fatalf("Text = %q, want %q", r.Text, withInv)
		}
		for _, name := range LabelNames() {
			a, _ := r.Labels.Get(name)
			b, _ := base.Labels.Get(name)
			if a.Present != b.Present || a.Score != b.Score || len(a.Evidence) != len(b.Evidence) {
				t.Fatalf("%s: with %q at %d: %+v; without: %+v", name, inv, k, *a, *b)
			}
			for i := range a.Evidence {
				if strings.Map(dropInvisible, a.Evidence[i].Cue) != strings.Map(dropInvisible, b.Evidence[i].Cue) {
					t.Fatalf("%s: cue %q, without the character %q", name, a.Evidence[i].Cue, b.Evidence[i].Cue)
				}
			}
		}
		if r.Speaker.Role != base.Speaker.Role {
			t.Fatalf("speaker %s, without the character %s", r.Speaker.Role, base.Speaker.Role)
		}
	})
}

func dropInvisible(r rune) rune {
	if isInvisible(r) {
		return -1
	}
	return r
}
