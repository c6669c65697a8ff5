package classifiers

import (
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentClassify runs many goroutines over the same engine (run with -race): the
// results must equal the sequential ones, including posts that need the POS tagger.
func TestConcurrentClassify(t *testing.T) {
	e := testEngine(t)
	posts := append(benchPosts(), hardPosts()...)
	want := make([]Result, len(posts))
	for i, p := range posts {
		want[i] = e.Classify(p)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				for i := range posts {
					j := (i + g) % len(posts)
					if got := e.Classify(posts[j]); !reflect.DeepEqual(got, want[j]) {
						errs <- posts[j]
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("concurrent result differs for %q", p)
	}
}
