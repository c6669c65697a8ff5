package eval_test

import (
	"fmt"
	"strings"

	"github.com/allystream/allystream/internal/eval"
	"github.com/allystream/allystream/pipeline"
)

func ExampleEvaluate() {
	gold, err := eval.ReadGold(strings.NewReader(`
{"id":"1","text":"I am furious about this","anger":1,"speaker":"unknown"}
{"id":"2","text":"This makes my blood boil","anger":1,"speaker":"unknown"}
{"id":"3","text":"As a white person I am furious too","anger":1,"speaker":"ally"}
{"id":"4","text":"What a lovely day","anger":0,"speaker":"unknown"}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	labeler := &pipeline.Labeler{
		Decoder:    pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()},
		Classifier: keywordClassifier{}, // any engine: *classifiers.Engine in the CLI
	}
	report := eval.Evaluate(labeler, gold)
	anger, _ := report.Label("anger")
	fmt.Printf("anger: P %.2f R %.2f F1 %.2f kappa %.2f\n", anger.Precision, anger.Recall, anger.F1, anger.Kappa)
	fmt.Printf("macro-F1 over %v: %.2f\n", report.MacroF1Labels, report.MacroF1)
	fmt.Printf("ally F1 %.2f, speaker accuracy %.2f\n", report.Speaker.Roles[0].F1, report.Speaker.Accuracy)
	for _, m := range report.Misses() {
		fmt.Println("miss:", m.ID, m.Kind, m.Label)
	}
	// Output:
	// anger: P 1.00 R 0.67 F1 0.80 kappa 0.50
	// macro-F1 over [anger]: 0.80
	// ally F1 1.00, speaker accuracy 1.00
	// miss: 2 false_negative anger
}
