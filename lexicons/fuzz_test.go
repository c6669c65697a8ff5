package lexicons

import (
	"testing"
	"testing/fstest"
)

// FuzzLoadOverride feeds arbitrary bytes to the loader as an override rules file and word
// list: a bad user file must give errors, never a panic.
func FuzzLoadOverride(f *testing.F) {
	f.Add([]byte("label: anger\nrules:\n  - id: a.b\n    kind: phrase\n    weight: 0.5\n    match: [x]\n"), []byte("word\n!dying\n"))
	f.Add([]byte("label: speaker\nrules:\n  - id: s.v\n    kind: veto\n    role: ally\n    match: [\"{harm} ... <VB>\"]\n"), []byte("#tag\n# comment\n"))
	f.Add([]byte("label: anger\nrules:\n  - id: anger.emoji\n    disable: true\n"), []byte(""))
	f.Add([]byte("{[}"), []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, yamlSrc, listSrc []byte) {
		fsys := fstest.MapFS{
			"anger.yaml": {Data: yamlSrc},
			"harm.txt":   {Data: listSrc},
		}
		s, err := LoadFS(fsys, "fuzz")
		if err == nil && s.Version() == "" {
			t.Fatal("loaded set without a version")
		}
	})
}
