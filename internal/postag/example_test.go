package postag_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/allystream/allystream/internal/postag"
)

func Example() {
	tagger, err := postag.Load()
	if err != nil {
		log.Fatal(err)
	}
	words := strings.Fields("Protesters were angry outside the courthouse .")
	var s postag.Scratch // one per goroutine; reused, it saves allocations
	fmt.Println(tagger.Tag(nil, words, &s))
	fmt.Println(tagger.TagAt(words, 0, &s))
	// Output:
	// [NNS VBD JJ IN DT NN .]
	// NNS
}
