package training

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/allystream/allystream/classifiers/model"
)

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadPosts(t *testing.T) {
	p := write(t, "pool.jsonl", `{"id":"a","text":"one","source":"s"}`+"\n\n"+`{"id":7,"text":"two"}`+"\n")
	posts, err := ReadPosts(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Post{{ID: "a", Text: "one", Source: "s"}, {ID: "7", Text: "two"}}
	if len(posts) != 2 || posts[0] != want[0] || posts[1] != want[1] {
		t.Errorf("ReadPosts = %+v, want %+v", posts, want)
	}
}

func TestReadPostsErrorsNameFileAndLine(t *testing.T) {
	for _, c := range []struct{ name, content, want string }{
		{"bad-json", `{"id":"a","text":"x"}` + "\n" + `{"id":`, "bad-json:2:"},
		{"no-id", `{"text":"x"}`, "no-id:1: no id"},
		{"null-id", `{"id":null,"text":"x"}`, "null-id:1: no id"},
	} {
		_, err := ReadPosts(write(t, c.name, c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
	if _, err := ReadPosts(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestLoadFillsTextsAndMapsSpeaker(t *testing.T) {
	gold := write(t, "gold.jsonl", `{"id":"a","source":"s1","speaker":"ally","anger":1}`+"\n"+
		`{"id":"b","text":"own text","speaker":"member","empathy":1}`+"\n")
	ex, info, err := Load([]File{{Path: gold}}, Texts{"a": "text from the pool"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 2 || len(info) != 1 || info[0].Posts != 2 || len(info[0].SHA256) != 64 {
		t.Fatalf("Load = %+v, %+v", ex, info)
	}
	if ex[0].Text != "text from the pool" || ex[0].Source != "s1" || ex[0].Codes["anger"] != 1 ||
		ex[0].Codes[model.DecisionAlly] != 1 || ex[0].Codes[model.DecisionMember] != 0 {
		t.Errorf("first example %+v", ex[0])
	}
	if ex[1].Text != "own text" || ex[1].Codes[model.DecisionMember] != 1 || ex[1].Codes["empathy"] != 1 {
		t.Errorf("second example %+v", ex[1])
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ name, content, want string }{
		{"missing-text", `{"id":"zz","anger":1}`, `gold line 1: no text, and id "zz" is not in the texts file`},
		{"not-object", `{"id":"a","text":"x","anger":1}` + "\n" + `[1]`, "gold line 2: not a JSON object"},
	} {
		_, _, err := Load([]File{{Path: write(t, c.name, c.content)}}, Texts{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: error %v, want the file name and %q", c.name, err, c.want)
		}
	}
	if _, _, err := Load([]File{{Path: filepath.Join(t.TempDir(), "nope")}}, nil); err == nil || !strings.Contains(err.Error(), "open gold file") {
		t.Errorf("missing gold file: %v", err)
	}
}
