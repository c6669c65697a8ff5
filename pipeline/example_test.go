package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/lexicons"
	"github.com/allystream/allystream/pipeline"
)

func ExampleJSONDecoder_Decode() {
	dec := pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}
	post, err := dec.Decode([]byte(`{"id": 7, "text": "I hear you and I believe you.", "platform": "forum"}`))
	fmt.Println(post.ID, post.Text, err)
	_, err = dec.Decode([]byte(`{"id": "8"}`))
	ie, _ := pipeline.AsInputError(err)
	fmt.Println(ie.Reason)
	// Output:
	// 7 I hear you and I believe you. <nil>
	// missing_text
}

func ExampleDeadLetter() {
	msg := pipeline.Message{Value: []byte(`not json`), Origin: pipeline.Origin{Topic: "posts", Partition: 1, Offset: 42}}
	_, err := pipeline.JSONDecoder{}.Decode(msg.Value)
	ie, _ := pipeline.AsInputError(err)
	out := pipeline.DeadLetter(msg, ie, 1<<20)
	for _, h := range out.Headers {
		if h.Key != pipeline.HeaderDetail {
			fmt.Printf("%s=%s\n", h.Key, h.Value)
		}
	}
	// Output:
	// dlq-reason=invalid_json
	// dlq-source-topic=posts
	// dlq-source-partition=1
	// dlq-source-offset=42
	// dlq-original-bytes=8
	// dlq-truncated=false
}

func ExampleConfig_Validate() {
	cfg := pipeline.Config{Brokers: []string{"localhost:9092"}, InputTopic: "posts", OutputTopic: "labeled",
		DLQTopic: "labeled", GroupID: "allystream"}.WithDefaults()
	fmt.Println(cfg.Validate())
	// Output:
	// OutputTopic and DLQTopic must differ (both "labeled")
}

// A Worker moves posts from any Source to any Sink; here a JSONL stream to in-memory
// buffers, so the example runs without Kafka.
func ExampleWorker() {
	input := strings.NewReader(`{"id": "p1", "text": "I hear you and I believe you."}
not json
{"id": "p2", "text": "Enough is enough."}
`)
	set, _ := lexicons.Load("")
	engine, _ := classifiers.New(set)
	var records, dead bytes.Buffer
	w := &pipeline.Worker{
		Source:  pipeline.NewFileSource("posts.jsonl", input, 1<<20),
		Sink:    pipeline.NewFileSink(&records, &dead),
		Labeler: &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}, Classifier: engine},
	}
	if err := w.Run(context.Background()); err != nil { // returns at the end of the input
		fmt.Println(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(records.String()), "\n") {
		var rec pipeline.Record
		_ = json.Unmarshal([]byte(line), &rec)
		fmt.Println("labeled", rec.ID, "from line", rec.Source.Line)
	}
	var dl pipeline.DeadLetterLine
	_ = json.Unmarshal(dead.Bytes(), &dl)
	fmt.Println("dead letter", dl.Headers[pipeline.HeaderReason], "from line", dl.Headers[pipeline.HeaderSourceLine])
	// Output:
	// labeled p1 from line 1
	// labeled p2 from line 3
	// dead letter invalid_json from line 2
}
