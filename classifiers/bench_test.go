package classifiers

import (
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/allystream/allystream/lexicons"
)

// benchPosts is a realistic mix of ~30-token posts: about two thirds ordinary posts, the
// rest with cues, links, mentions, hashtags, emoji, HTML and one non-English post. One post
// in forty reaches the part-of-speech tagger (2.5%; measured rates on the development sets
// are 0.15% of Reddit posts and 1% of ally-dev posts).
func benchPosts() []string {
	return []string{
		"Just got back from the game and honestly the second half was a mess, we need a better coach before next season starts.",
		"Can anyone recommend a good place to get coffee near the station? The one by the library closed last month and I miss it.",
		"My heart breaks for the families who lost someone this week. Sending love and strength to everyone in Minneapolis tonight 💔",
		"This is absolutely outrageous. Another unarmed man shot by police and nobody will be held accountable. Enough is enough 😡",
		"As a white person I benefit from a system built for people who look like me, and I need to listen and do better.",
		"Black women are still paid less than white men for the same work, and the gap is even wider for Latina women. #EqualPay",
		"White privilege is a myth, people just need to work harder instead of blaming everyone else for their problems lol",
		"Thanks so much to everyone who came out to the bake sale on Saturday, we raised enough to fix the playground fence!",
		"@cityhall the new bike lanes on 5th are great but the signals still make no sense at rush hour https://example.org/map",
		"Protesters were angry outside the courthouse yesterday, the reporter said, but the crowd stayed peaceful all afternoon.",
		"I'm not mad, just sad that it took this long for anyone to notice what has been happening in our schools for years.",
		"I think the new update broke something, my phone keeps restarting whenever I open the camera app. Anyone else seeing this?",
		"Amplify Black voices, pass the mic, and donate to groups led by trans women of color. Show up and take direction.",
		"THIS IS A DISGRACE AND EVERY SINGLE ONE OF THEM SHOULD RESIGN TODAY, WE ARE DONE WAITING FOR THEM TO ACT!!",
		"sooo tired of this weather, it has rained every single day this week and my basement is flooding again ugh",
		"The neighbours seemed really furious yesterday when the council voted to close the park on weekends.",
		"#CheckYourPrivilege before you tell people to just get over it. Some of us never had that option. #BlackLivesMatter",
		"Estamos cansados de tanta injusticia, la policía tiene que responder por lo que hizo en nuestro barrio.",
		"Does anyone know if the new season drops on Friday or next week? I keep seeing different dates everywhere online.",
		"I can't imagine the fear you live with every day. I hear you and I believe you, and you are not alone in this.",
		"That recipe looks amazing, I'm definitely trying it this weekend. Do you think it would work with oat milk instead?",
		"He played really well in the first half but they should have taken him off earlier, his legs were clearly gone by then.",
		"Lol this is the best thread I have read all week, my cat does the exact same thing every morning at 5am.",
		"We must be the voice for those who can't speak, and we will keep showing up for them until this changes.",
		"<p>Reminder that the community garden meeting moved to Thursday at 7pm, bring seeds if you have extras! 🌱</p>",
		"Honestly the ending of that show was so disappointing, they wasted three seasons of build up on a rushed final episode.",
		"Is it just me or has the price of everything at the grocery store gone up again? Eggs were almost six dollars today.",
		"What a fucking joke, they closed the only clinic in town and the mayor is out here bragging about the budget.",
		"Trans people face discrimination every day at work and at the doctor's office, and it shows up in every statistic.",
		"I finally finished the marathon training plan! Sixteen weeks of early mornings and my knees are still attached.",
		"Good luck on your exams everyone, you've got this. Get some sleep tonight and don't cram until 3am like I did.",
		"The bus was late again this morning and I missed the first half of the meeting, third time this week.",
		"New study says remote workers are more productive but I'm not sure how they measured that, the sample seems small.",
		"Fellow white people, check your privilege and listen when Black folks tell you what is happening in their neighbourhoods.",
		"Anyone have tips for keeping basil alive indoors? Mine keeps wilting no matter how often I water it.",
		"Just watched the documentary about the deep sea and now I'm never going swimming again, those fish are terrifying.",
		"So proud of my little sister for graduating today, first one in our family to finish college! ❤️",
		"I don't get why people are so upset about the new logo, it's a logo, it looks fine, move on.",
		"The stadium was packed tonight and the atmosphere was unreal, best game I have been to in years.",
		"Can we talk about how good the soundtrack was? I've had the main theme stuck in my head for two days.",
	}
}

// hardPosts are the hard cases: negation, reported speech, other senses of cue words,
// denial; several of them need the part-of-speech tagger.
func hardPosts() []string {
	return []string{
		"It was a privilege to meet so many of you at the conference, thanks for the great questions!",
		"The neighbours seemed really furious yesterday when the council voted to close the park.",
		"She said she was furious, but the rest of us were mostly just tired by then.",
		"There's no such thing as white privilege, it's called working hard.",
		"Spare me the thoughts and prayers, you had ten years to fix this and did nothing.",
		"I never felt privileged growing up, we had nothing and my parents worked two jobs each.",
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

// BenchmarkClassifyHardCases runs the hard cases alone, for information: their share of
// tagged posts is far above a real stream's.
func BenchmarkClassifyHardCases(b *testing.B) {
	e := testEngine(b)
	posts := hardPosts()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e.Classify(posts[i%len(posts)])
	}
}

// BenchmarkProseTokenizeOnly is the reference: prose's tokenizer alone (which needs no
// model), with no segmentation, on the same posts.
func BenchmarkProseTokenizeOnly(b *testing.B) {
	posts := benchPosts()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, _ := prose.NewDocument(posts[i%len(posts)],
			prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false))
		_ = doc.Tokens()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkNew measures startup: loading the lexicons and building the engine and the
// part-of-speech tagger.
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
