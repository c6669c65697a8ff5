package classifiers

import (
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/allystream/allystream/lexicons"
)

// benchPosts is a realistic mix of ~30-token posts: mostly ordinary, some with cues, a few
// that reach the part-of-speech tagger, links, hashtags, emoji and one non-English post.
func benchPosts() []string {
	return []string{
		"Just got back from the game and honestly the second half was a mess, we need a better coach before next season starts.",
		"Can anyone recommend a good place to get coffee near the station? The one by the library closed last month and I miss it.",
		"My heart breaks for the families who lost someone this week. Sending love and strength to everyone in Minneapolis tonight 💔",
		"This is absolutely outrageous. Another unarmed man shot by police and nobody will be held accountable. Enough is enough 😡",
		"As a white person I benefit from a system built for people who look like me, and I need to listen and do better.",
		"Black women are still paid less than white men for the same work, and the gap is even wider for Latina women. #EqualPay",
		"White privilege is a myth, people just need to work harder instead of blaming everyone else for their problems lol",
		"It was a privilege to meet so many of you at the conference, thanks for the great questions and the coffee afterwards!",
		"@cityhall the new bike lanes on 5th are great but the signals still make no sense at rush hour https://example.org/map",
		"Protesters were angry outside the courthouse yesterday, the reporter said, but the crowd stayed peaceful all afternoon.",
		"I'm not mad, just sad that it took this long for anyone to notice what has been happening in our schools for years.",
		"We must be the voice for those who can't speak and fight their battles for them, because they need us to save them.",
		"Amplify Black voices, pass the mic, and donate to groups led by trans women of color. Show up and take direction.",
		"THIS IS A DISGRACE AND EVERY SINGLE ONE OF THEM SHOULD RESIGN TODAY, WE ARE DONE WAITING FOR THEM TO ACT!!",
		"sooo tired of this weather, it has rained every single day this week and my basement is flooding again ugh",
		"The neighbours seemed really furious yesterday when the council voted to close the park on weekends.",
		"#CheckYourPrivilege before you tell people to just get over it. Some of us never had that option. #BlackLivesMatter",
		"Estamos cansados de tanta injusticia, la policía tiene que responder por lo que hizo en nuestro barrio.",
		"Does anyone know if the new season drops on Friday or next week? I keep seeing different dates everywhere online.",
		"I can't imagine the fear you live with every day. I hear you and I believe you, and you are not alone in this.",
	}
}

func BenchmarkClassify(b *testing.B) {
	e := testEngine(b)
	posts := benchPosts()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Classify(posts[i%len(posts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkProseTokenizeOnly is the reference: prose's tokenizer alone, with a shared model
// and no segmentation, on the same posts.
func BenchmarkProseTokenizeOnly(b *testing.B) {
	e := testEngine(b)
	posts := benchPosts()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, _ := prose.NewDocument(posts[i%len(posts)], prose.UsingModel(e.a.model),
			prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false))
		_ = doc.Tokens()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkNew measures startup: loading the lexicons and building the engine and the
// prose model.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		set, err := lexicons.Load("")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(set); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStartupTime checks that lexicons plus engine load well within the 500 ms budget.
// The bound here is loose because CI machines and -race are slow; BenchmarkNew measures.
func TestStartupTime(t *testing.T) {
	start := time.Now()
	set, err := lexicons.Load("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(set); err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	t.Logf("startup %v", d)
	if d > 5*time.Second {
		t.Errorf("startup took %v", d)
	}
}
