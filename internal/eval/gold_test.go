package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadGold(t *testing.T) {
	in := `{"id":"a1","text":"I hear you","speaker":"ally","empathy":1,"anger":0,"privilege_framed":0,"disadvantage_framed":0,"spokesperson":0}

{"id":7,"text":"only anger coded","anger":true,"emotions":["anger"]}` + "\r\n" +
		`{"id":"c3","text":"speaker null","speaker":null,"anger":null}`
	got, err := ReadGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Gold{
		{ID: "a1", Text: "I hear you", Line: 1, Speaker: "ally", Labels: map[string]bool{
			"empathy": true, "anger": false, "privilege_framed": false,
			"disadvantage_framed": false, "spokesperson": false}},
		{ID: "7", Text: "only anger coded", Line: 3, Labels: map[string]bool{"anger": true}},
		{ID: "c3", Text: "speaker null", Line: 4, Labels: map[string]bool{}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d posts, want %d", len(got), len(want))
	}
	for i := range want {
		if len(got[i].Raw) == 0 || strings.HasSuffix(string(got[i].Raw), "\r") {
			t.Errorf("post %d: Raw = %q", i, got[i].Raw)
		}
		got[i].Raw = nil
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("post %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestReadGoldErrorsNameTheLine(t *testing.T) {
	ok := `{"id":"a","text":"fine"}` + "\n"
	tests := []struct {
		name, line, want string
	}{
		{"broken JSON", `{"id":"b","text":`, "gold line 2: not a JSON object"},
		{"array", `[1,2]`, "gold line 2: not a JSON object"},
		{"missing id", `{"text":"x"}`, `gold line 2: "id"`},
		{"empty id", `{"id":"","text":"x"}`, `gold line 2: "id"`},
		{"blank text", `{"id":"b","text":"  "}`, `gold line 2: "text"`},
		{"text not string", `{"id":"b","text":3}`, `gold line 2: "text"`},
		{"bad speaker", `{"id":"b","text":"x","speaker":"bystander"}`, `gold line 2: "speaker"`},
		{"code out of range", `{"id":"b","text":"x","anger":2}`, `gold line 2: field "anger": code must be 0 or 1, got 2`},
		{"code as string", `{"id":"b","text":"x","empathy":"1"}`, `gold line 2: field "empathy"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(ok + tt.line + "\n" + ok))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadGoldMapped(t *testing.T) {
	in := `{"id":"g1","text":"take care","anger":0,"caring":1}`
	got, err := ReadGoldMapped(strings.NewReader(in), Mapping{"caring": "empathy"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"anger": false, "empathy": true}
	if !reflect.DeepEqual(got[0].Labels, want) {
		t.Fatalf("labels = %v, want %v", got[0].Labels, want)
	}
}

func TestMappingSet(t *testing.T) {
	tests := []struct {
		name, spec, want, err string
	}{
		{"one pair", "caring=empathy", "caring=empathy", ""},
		{"comma list", "caring=empathy, rage=anger", "caring=empathy,rage=anger", ""},
		{"unknown label", "caring=kindness", "", `unknown label "kindness"`},
		{"no equals", "caring", "", "want field=label"},
		{"empty side", "=empathy", "", "want field=label"},
		{"two sources for one label", "caring=empathy,love=empathy", "", "mapped from both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Mapping
			err := m.Set(tt.spec)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || m.String() != tt.want {
				t.Fatalf("Set(%q) = %q, %v; want %q", tt.spec, m.String(), err, tt.want)
			}
		})
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","speaker":"ally","empathy":1}` + "\n"))
	f.Add([]byte(`{"id":1,"text":"y","anger":true,"caring":0}`))
	f.Add([]byte("{\"id\":\"a\",\"text\":\"\xff\"}\n\n[]"))
	f.Add([]byte(`{"id":"a","text":"x","anger":1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, err := ReadGoldMapped(strings.NewReader(string(data)), Mapping{"caring": "empathy"})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "gold line ") {
				t.Fatalf("error does not name a line: %v", err)
			}
			return
		}
		for _, g := range gold {
			if g.ID == "" || strings.TrimSpace(g.Text) == "" || g.Line < 1 || len(g.Raw) == 0 {
				t.Fatalf("accepted an invalid post: %+v", g)
			}
			switch g.Speaker {
			case "", "ally", "member", "unknown":
			default:
				t.Fatalf("accepted speaker %q", g.Speaker)
			}
		}
	})
}
