package eval_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/allystream/allystream/internal/eval"
)

func TestEvaluateBy(t *testing.T) {
	gold, err := eval.ReadGold(strings.NewReader(`{"id":"1","text":"I am furious","anger":1,"platform":"reddit"}
{"id":"2","text":"calm words","anger":1,"platform":"reddit"}
{"id":"3","text":"furious!","anger":1,"speaker":"unknown","platform":"twitter"}
{"id":"4","text":"no platform","anger":0,"platform":null}
{"id":"5","text":"numbered","anger":0,"platform":7}
`))
	if err != nil {
		t.Fatal(err)
	}
	groups := eval.EvaluateBy(newTestLabeler(), gold, "platform")
	got := map[string]int{}
	var order []string
	for _, g := range groups {
		got[g.Value] = g.Report.Posts
		order = append(order, g.Value)
	}
	if strings.Join(order, ",") != "(none),7,reddit,twitter" {
		t.Errorf("groups = %v", order)
	}
	if got["reddit"] != 2 || got["twitter"] != 1 || got[eval.NoGroup] != 1 || got["7"] != 1 {
		t.Errorf("posts per group = %v", got)
	}
	reddit, _ := groups[2].Report.Label("anger")
	if reddit.TP != 1 || reddit.FN != 1 || reddit.Recall != 0.5 {
		t.Errorf("reddit anger = %+v", reddit)
	}
	var buf bytes.Buffer
	if err := eval.WriteGroupsText(&buf, "platform", groups); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "platform") || !strings.Contains(lines[3], "reddit") {
		t.Errorf("groups table:\n%s", buf.String())
	}
	if !strings.Contains(lines[4], "-") { // twitter codes the speaker; the empathy column is "-"
		t.Errorf("uncoded label not shown as -: %q", lines[4])
	}
}
