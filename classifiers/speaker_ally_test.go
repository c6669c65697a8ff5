package classifiers

import "testing"

// Ally constructs added in 0.5.0 for recall on other platforms: the ingroup addressed as fellow
// members ("fellow dads, we…", "white folks in my mentions"), listed or role self-positions
// ("straight and married", "as a white nurse"), and solidarity kinds the codebook counts:
// autonomy-oriented help (H6), support addressed to the group, anger at one's own complicity,
// one's own head start, an owed apology and spokesperson posts by an advantaged writer. Each
// case is a sentence written for this test, not taken from any data set.

func TestSpeakerAlly05(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name, text, role string
		cues             []string // speaker evidence that must be present
	}{
		// the ingroup addressed as fellow members
		{"fellow dads", "fellow dads, we have to teach our sons to respect women.", RoleAlly, []string{"fellow dads", "we have to"}},
		{"my fellow white folks, follow the lead", "My fellow white folks: follow the lead of Black organizers and stop centering yourselves.", RoleAlly, []string{"My fellow white folks", "follow the lead of"}},
		{"fellow abled folks, amplify", "Fellow abled folks, amplify disabled voices and pass the mic.", RoleAlly, []string{"Fellow abled folks", "amplify disabled voices"}},
		{"fellow settlers, donate and let them lead", "fellow settlers, donate to groups led by Indigenous people and let them lead.", RoleAlly, []string{"fellow settlers", "donate to groups led by", "let them lead"}},
		{"fellow straight people, your queer coworkers", "Fellow straight people, please stand up for your queer coworkers.", RoleAlly, []string{"Fellow straight people", "stand up for your queer coworkers"}},
		{"in my mentions", "White folks in my mentions: we have to do better and believe Black women.", RoleAlly, []string{"White folks in my mentions", "we have to"}},
		{"us white ppl", "us white ppl need to shut up and listen for once.", RoleAlly, []string{"us white ppl", "shut up and listen"}},
		{"me included", "Straight people, me included, need to speak up when our queer friends get harassed.", RoleAlly, []string{"Straight people, me included", "speak up when"}},
		{"fellow men, stop talking over", "my fellow men: stop talking over women in meetings and start listening.", RoleAlly, []string{"my fellow men", "stop talking over"}},
		{"fellow Christians owe an apology", "My fellow Christians, we owe our Muslim neighbors an apology for how we treated them.", RoleAlly, []string{"My fellow Christians", "owe our Muslim neighbors an apology"}},
		{"white parents addressed", "White parents: we have to do better for Black kids in our schools.", RoleAlly, []string{"White parents:", "we have to"}},
		{"as white parents", "As white parents, we owe it to our kids to teach real history.", RoleAlly, []string{"As white parents,"}},
		{"follow queer leadership", "We straight folks need to show up at Pride as guests and follow queer leadership.", RoleAlly, []string{"follow queer leadership"}},
		// role and listed self-positions
		{"white nurse, support addressed", "as a white nurse I see how hard you work and you're not alone.", RoleAlly, []string{"as a white nurse", "I see how hard you", "you're not alone"}},
		{"white teacher, angry at the system", "As a white teacher I see how my Black students get treated and I am angry at the system.", RoleAlly, []string{"As a white teacher", "angry at the system"}},
		{"white cop, ashamed", "As a white cop I'm ashamed of how my department treats Black neighbors.", RoleAlly, []string{"As a white cop", "ashamed of how"}},
		{"white manager, pass the mic", "As a white manager, I'm going to pass the mic to my Black colleagues and let them lead.", RoleAlly, []string{"As a white manager", "let them lead"}},
		{"straight man, complicity", "As a straight man I'm pissed at myself for staying quiet when my coworker was harassed.", RoleAlly, []string{"As a straight man", "pissed at myself"}},
		{"white guy here, take direction", "White guy here. Follow the lead of Black organizers and show up and take direction.", RoleAlly, []string{"White guy here", "show up and take direction"}},
		{"straight and married", "Straight and married, and I never once had to worry about holding hands in public. We need to protect queer couples.", RoleAlly, []string{"Straight and married", "never once had to"}},
		{"born here, white", "born here, white, native English speaker. I have never been asked for my papers. Stand with immigrants.", RoleAlly, []string{"white, native English speaker", "never been asked for my"}},
		{"grew up middle class, spared", "I grew up middle class and I was spared so much. Black families deserve the same.", RoleAlly, []string{"I grew up middle class", "I was spared"}},
		{"Christian here, own advantage", "Christian here. We have had it easy compared to our Muslim neighbors, and I'm sorry.", RoleAlly, []string{"Christian here", "had it easy"}},
		{"welcome at our table", "As a straight guy, you're welcome at our table, always. Love to my gay friends.", RoleAlly, []string{"As a straight guy", "welcome at our table"}},
		{"head start after a retort", "me, a kid whose parents paid for tutoring. lmao no i had a ten yard head start", RoleAlly, []string{"i had a ten yard head start"}},
		{"spokesperson by an advantaged writer", "as a white pastor I feel called to be the voice for the immigrants in our town.", RoleAlly, []string{"as a white pastor"}},
		{"listed adjectives", "White, male, middle class. I have never been followed in a store. That's privilege.", RoleAlly, []string{"White, male, middle class"}},
		{"regional self-position, ashamed", "as a white southerner i'm ashamed of what our town did to those families", RoleAlly, []string{"as a white southerner", "ashamed of what"}},
		{"stop asking to educate", "fellow white ppl pls stop asking black folks to educate you, google exists", RoleAlly, []string{"fellow white ppl", "stop asking black folks to"}},
		{"have got to stop", "we white women have GOT to stop voting against everyone else's interests", RoleAlly, []string{"have GOT to stop"}},
		{"call-out with its negation", "white folks, if you're not uncomfortable you're not doing the work", RoleAlly, []string{"white folks,", "not doing the work"}},
		// out
		{"cishet, trivial", "as a cishet man i will never understand crocs.", RoleUnknown, nil},
		{"fellow dads, parenting", "fellow dads, we have to stop buying these overpriced strollers lol", RoleUnknown, nil},
		{"white parents, no solidarity", "White parents: the PTA bake sale is Friday.", RoleUnknown, nil},
		{"white but all lives matter", "I'm white but all lives matter.", RoleUnknown, nil},
		{"white self-position, hostile", "As a white guy I'm sick of hearing about privilege, it's a myth.", RoleUnknown, nil},
		{"privilege overblown", "As a white guy I think this whole privilege thing is overblown.", RoleUnknown, nil},
		{"immigrant, other group", "As an immigrant I think the new tax is too high.", RoleUnknown, nil},
		{"Christian, unrelated", "As a Christian I'm so sorry you had to hear that sermon, it was long.", RoleUnknown, nil},
		{"self-position, no solidarity", "I'm white and I'd vote for him again.", RoleUnknown, nil},
		{"fellow gamers", "Fellow gamers, we need to stop buying this broken game.", RoleUnknown, nil},
		{"fellow fans follow their lead", "Fellow fans, follow their lead and bring signs!", RoleUnknown, nil},
		{"fellow Americans", "Fellow Americans, we need to get out and vote.", RoleUnknown, nil},
		{"sorry but", "White guy here, I'm sorry but your pizza take is wrong.", RoleUnknown, nil},
		{"dads, no solidarity", "fellow dads, any tips for getting a toddler to sleep?", RoleUnknown, nil},
		{"make room, no self-position", "Make room for dessert!", RoleUnknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Classify(tt.text)
			checkSpans(t, r)
			if r.Speaker.Role != tt.role {
				t.Fatalf("role = %s (score %.3f, evidence %v), want %s", r.Speaker.Role, r.Speaker.Score, r.Speaker.Evidence, tt.role)
			}
			for _, cue := range tt.cues {
				found := false
				for _, ev := range r.Speaker.Evidence {
					if ev.Cue == cue {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("speaker evidence %v lacks %q", r.Speaker.Evidence, cue)
				}
			}
		})
	}
}

// A spokesperson label adds to an advantaged self-position as solidarity (ally + spokesperson).
func TestSpeakerAllySpokesperson05(t *testing.T) {
	r := testEngine(t).Classify("as a white pastor I feel called to be the voice for the immigrants in our town.")
	checkSpans(t, r)
	if !r.Labels.Spokesperson.Present {
		t.Fatalf("spokesperson not present: %+v", r.Labels.Spokesperson)
	}
	if r.Speaker.Role != RoleAlly {
		t.Errorf("role = %s (score %.3f), want ally", r.Speaker.Role, r.Speaker.Score)
	}
}
