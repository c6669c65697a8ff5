package classifiers_test

import (
	"fmt"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/lexicons"
)

// Build an engine from the embedded lexicons and classify one post.
func Example() {
	set, err := lexicons.Load("")
	if err != nil {
		panic(err)
	}
	e, err := classifiers.New(set)
	if err != nil {
		panic(err)
	}
	r := e.Classify("As a white person I stand with you. White privilege is real, and this is outrageous.")
	fmt.Println("speaker:", r.Speaker.Role)
	for _, name := range classifiers.LabelNames() {
		l, _ := r.Labels.Get(name)
		if l.Present {
			ev := l.Evidence[0]
			fmt.Printf("%s %.2f %q [%d:%d]\n", name, l.Score, ev.Cue, ev.Start, ev.End)
		}
	}
	// Output:
	// speaker: ally
	// empathy 0.80 "I stand with you" [18:34]
	// anger 0.75 "outrageous" [73:83]
	// privilege_framed 0.85 "White privilege" [36:51]
}

// Non-English posts are marked unsupported and left unlabelled.
func ExampleEngine_Classify_unsupported() {
	set, _ := lexicons.Load("")
	e, _ := classifiers.New(set)
	r := e.Classify("Estoy furiosa con esta injusticia")
	fmt.Println(r.Language.Code, r.Language.Supported, r.Speaker.Role, r.Labels.Anger.Present)
	// Output: und false unknown false
}
