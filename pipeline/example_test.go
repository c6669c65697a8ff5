package pipeline_test

import (
	"fmt"

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
