package model

import (
	"testing"
	"testing/fstest"

	"github.com/allystream/allystream/classifiers"
)

// FuzzExtract: feature extraction never panics, every span indexes the text, and every
// text feature's name hashes back to its feature.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "I'm SOOO angry!!", "#BLM 💔 @x http://y", "a'", "f*", "’’", "\xff\xfe", "ÀÉ ǅ x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var x extraction
		res := classifiers.Result{Text: text}
		all := DefaultFeatures()
		all.Chars = true
		x.extract(all, &res)
		for _, ft := range x.feats {
			if ft.start < 0 {
				continue
			}
			if ft.start > ft.end || int(ft.end) > len(text) {
				t.Fatalf("span %d..%d outside %d bytes", ft.start, ft.end, len(text))
			}
			if name := featureName(text, ft); name == "" || hashString(name) != ft.hash {
				t.Fatalf("feature at %d..%d of %q: name %q does not hash back", ft.start, ft.end, text, name)
			}
		}
	})
}

// FuzzLoad: a damaged model directory is an error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add(`{"format":1,"features":{"words":true},"decisions":[{"name":"anger","mode":"model","threshold":0.5,"platt_a":-1,"platt_b":0}],"training":{}}`, "feature\tanger\nw:x\t1.5\n")
	f.Add(`{"format":1,"decisions":[]}`, "feature\n")
	f.Add(`{}`, "")
	f.Fuzz(func(t *testing.T, manifest, weights string) {
		m, err := Load(fstest.MapFS{ManifestFile: {Data: []byte(manifest)}, WeightsFile: {Data: []byte(weights)}})
		if err != nil {
			return
		}
		if m.Version() == "" {
			t.Fatal("a loaded model has no version")
		}
	})
}
