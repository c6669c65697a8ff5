package classifiers

import "testing"

// labelCase is one post and what one label should say about it. cue, when set, must be
// among the evidence cues (which also asserts its span).
type labelCase struct {
	name    string
	text    string
	label   string
	present bool
	cue     string
}

func runLabelCases(t *testing.T, cases []labelCase) {
	e := testEngine(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Classify(tc.text)
			checkSpans(t, r)
			l, ok := r.Labels.Get(tc.label)
			if !ok {
				t.Fatalf("unknown label %s", tc.label)
			}
			if l.Present != tc.present {
				t.Errorf("%s present = %v (score %.3f, evidence %v), want %v", tc.label, l.Present, l.Score, l.Evidence, tc.present)
			}
			if tc.cue != "" && !hasCue(cues(r, tc.label), tc.cue) {
				t.Errorf("%s cues %q lack %q", tc.label, cues(r, tc.label), tc.cue)
			}
		})
	}
}

func TestEmpathy(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"heart breaks", "My heart breaks for the families in Minneapolis tonight.", LabelEmpathy, true, "My heart breaks"},
		{"i hear you", "I hear you and I believe you. What happened to you was wrong.", LabelEmpathy, true, "I hear you"},
		{"sending love", "Sending love to every trans kid tonight", LabelEmpathy, true, "Sending love"},
		{"perspective taking", "I can't imagine the fear you live with every day", LabelEmpathy, true, "I can't imagine"},
		{"not alone", "you are not alone, we are with you", LabelEmpathy, true, "you are not alone"},
		{"hedged perspective", "I don't agree with the riots but I understand their anger.", LabelEmpathy, true, "I understand their anger"},
		{"broken heart emoji with hearts", "Rest in power George 💔❤️", LabelEmpathy, true, "💔"},
		{"standing with", "Proud to stand with my trans siblings today.", LabelEmpathy, true, "Proud to stand with"},
		{"generic positivity", "Great turnout today! What a crowd.", LabelEmpathy, false, ""},
		{"sarcastic sympathy", "My heart breaks for the poor billionaires /s", LabelEmpathy, false, ""},
		{"mocked thoughts and prayers", "Spare me the thoughts and prayers, do something.", LabelEmpathy, false, ""},
		{"reported sympathy", `He said "my heart goes out to them" and then voted against the bill.`, LabelEmpathy, false, ""},
		{"praying for victims", "Praying for the families in Uvalde tonight.", LabelEmpathy, true, "Praying for the families"},
		{"prayer for healing is weak", "Praying for a whole lot of healing", LabelEmpathy, false, ""},
		{"will never know", "As a white person I will never know how hard it is for you.", LabelEmpathy, true, "I will never know how hard"},
		{"exasperation is not perspective taking", "I'll never understand how people can be so cruel", LabelEmpathy, false, ""},
		{"holding space", "This hurts. Holding space for my Black friends today.", LabelEmpathy, true, "Holding space for"},
		{"reported grief", "She told me she was heartbroken and I didn't know what to say.", LabelEmpathy, false, ""},
		{"my heart as cuteness", "MY HEART this puppy is adorable", LabelEmpathy, false, ""},
	})
}

func TestAnger(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"furious", "I am furious about this verdict.", LabelAnger, true, "furious"},
		{"outrageous", "This is outrageous.", LabelAnger, true, "outrageous"},
		{"blood boil", "It makes my blood boil every time.", LabelAnger, true, "blood boil"},
		{"enough", "Enough is enough. Shame on the council.", LabelAnger, true, "Enough is enough"},
		{"profanity at injustice", "Fuck the people who did this to him", LabelAnger, true, "Fuck"},
		{"angry emoji", "another unarmed man shot 😡", LabelAnger, true, "😡"},
		{"elongation", "sooo angryyyy right now", LabelAnger, true, "angryyyy"},
		{"angry all caps", "THEY KILLED HIM AND NOBODY WILL PAY FOR IT EVER", LabelAnger, true, "THEY KILLED HIM AND NOBODY WILL PAY FOR IT EVER"},
		{"happy all caps", "I LOVE YOU ALL SO MUCH THANK YOU FOR COMING", LabelAnger, false, ""},
		{"negated", "I'm not angry about it.", LabelAnger, false, ""},
		{"not mad just sad", "I'm not mad, just sad.", LabelAnger, false, ""},
		{"never furious", "I have never been furious at them", LabelAnger, false, ""},
		{"reported: said", "She said she was furious.", LabelAnger, false, ""},
		{"reported: protesters", "Protesters were angry outside city hall.", LabelAnger, false, ""},
		{"reported: third-party noun", "The neighbours seemed really angry yesterday.", LabelAnger, false, ""},
		{"report in another clause", "I don't care what anyone says, this decision is outrageous.", LabelAnger, true, "outrageous"},
		{"moral indignation", "They fired her for reporting it. How is this legal?", LabelAnger, true, "How is this legal"},
		{"insult alone", "what idiots", LabelAnger, false, ""},
		{"mild disagreement", "I don't think that is quite right.", LabelAnger, false, ""},
		{"positive profanity", "that was fucking awesome", LabelAnger, false, ""},
	})
}

func TestPrivilegeFramed(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"white privilege", "White privilege is real.", LabelPrivilegeFramed, true, "White privilege"},
		{"never afraid", "As a man I have never been afraid to walk home at night.", LabelPrivilegeFramed, true, ""},
		{"benefit from system", "I benefit from a system built for people who look like me.", LabelPrivilegeFramed, true, "benefit from a system"},
		{"check your privilege", "check your privilege before you speak", LabelPrivilegeFramed, true, "check your privilege"},
		{"never have to think", "Straight people never have to think about holding hands in public.", LabelPrivilegeFramed, true, ""},
		{"camel hashtag", "#CheckYourPrivilege", LabelPrivilegeFramed, true, "CheckYourPrivilege"},
		{"lower hashtag", "so true #checkyourprivilege", LabelPrivilegeFramed, true, "checkyourprivilege"},
		{"spared harm, I'm a guy", "I'm a guy and I've never once worried about my drink being spiked.", LabelPrivilegeFramed, true, ""},
		{"own privilege named", "I'm privileged enough to have health insurance and I know not everyone does.", LabelPrivilegeFramed, true, ""},
		{"honour sense, privileged to", "Feeling so privileged to have seen this band live.", LabelPrivilegeFramed, false, ""},
		{"group-swap counterfactual", "If he was Black he would already be dead.", LabelPrivilegeFramed, true, "If he was Black"},
		{"counterfactual about gender is not privilege", "If you were a woman you would understand.", LabelPrivilegeFramed, false, ""},
		{"must be nice", "Must be nice to never be pulled over for your skin color.", LabelPrivilegeFramed, true, ""},
		{"whiteness", "Whiteness protects me in ways I didn't earn.", LabelPrivilegeFramed, true, "Whiteness protects"},
		{"sarcasm marker", "Oh yes, white privilege is so real /s", LabelPrivilegeFramed, false, ""},
		{"denial myth", "White privilege is a myth.", LabelPrivilegeFramed, false, ""},
		{"denial no such thing", "There's no such thing as white privilege", LabelPrivilegeFramed, false, ""},
		{"negated", "I never felt privileged growing up", LabelPrivilegeFramed, false, ""},
		{"honour sense", "It was a privilege to meet you.", LabelPrivilegeFramed, false, ""},
		{"honour sense with tag", "What a privilege of working with her", LabelPrivilegeFramed, false, ""},
		{"permissions", "He lost his admin privileges yesterday", LabelPrivilegeFramed, false, ""},
	})
}

func TestDisadvantageFramed(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"killed by police", "Black Americans are killed by police at twice the rate.", LabelDisadvantageFramed, true, ""},
		{"paid less", "Women are still paid less for the same work.", LabelDisadvantageFramed, true, ""},
		{"face discrimination", "Trans people face discrimination every day.", LabelDisadvantageFramed, true, ""},
		{"systemic racism", "Systemic racism keeps families out of housing.", LabelDisadvantageFramed, true, "Systemic racism"},
		{"poverty of any group", "What privilege when millions of whites live in poverty?", LabelDisadvantageFramed, true, ""},
		{"pay gap in cents", "Women make 82 cents for every dollar a man makes.", LabelDisadvantageFramed, true, ""},
		{"disparity", "LGBTQ youth are four times more likely to attempt suicide.", LabelDisadvantageFramed, true, ""},
		{"adjective group", "#StopAsianHate Asian elders are being attacked in our streets.", LabelDisadvantageFramed, true, "Asian elders are being attacked"},
		{"rate gap", "Indigenous women go missing at ten times the national rate.", LabelDisadvantageFramed, true, ""},
		{"killed it idiom", "The women's team absolutely killed it last night!", LabelDisadvantageFramed, false, ""},
		{"lone hashtag", "#BlackLivesMatter", LabelDisadvantageFramed, false, ""},
		{"deflection trope", "More black people die at the hands of other black people.", LabelDisadvantageFramed, false, ""},
		{"denial", "Systemic racism is a myth.", LabelDisadvantageFramed, false, ""},
		{"ordinary", "The game last night was great.", LabelDisadvantageFramed, false, ""},
	})
}

func TestSpokesperson(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"be the voice", "We must be the voice for those who can't speak.", LabelSpokesperson, true, ""},
		{"voice to the voiceless", "Giving a voice to the voiceless is my calling.", LabelSpokesperson, true, ""},
		{"fight their battles", "I will fight their battles for them.", LabelSpokesperson, true, "fight their battles for them"},
		{"save them", "They need us to save them.", LabelSpokesperson, true, "They need us to save"},
		{"explain what they want", "Let me explain what Black people really want.", LabelSpokesperson, true, ""},
		{"protector", "As their protector I will decide.", LabelSpokesperson, true, ""},
		{"speak for all", "I speak for all Black people when I say this.", LabelSpokesperson, true, ""},
		{"paraphrase", "we have to be a voice for these kids since nobody listens to them", LabelSpokesperson, true, ""},
		{"rescuer", "We need to save these poor children from their own culture.", LabelSpokesperson, true, ""},
		{"need saving", "These women need saving and we are the ones to do it.", LabelSpokesperson, true, "need saving"},
		{"sentence-final can't", "We have to speak up for them because they can't.", LabelSpokesperson, true, ""},
		{"their only hope", "We are their only hope.", LabelSpokesperson, true, "their only hope"},
		{"amplify", "Amplify Black voices and follow their lead.", LabelSpokesperson, false, ""},
		{"pass the mic", "Pass the mic to trans leaders and listen.", LabelSpokesperson, false, ""},
		{"donate", "Donate to groups led by Black women.", LabelSpokesperson, false, ""},
		{"reported", "He claims to speak for all Black people.", LabelSpokesperson, false, ""},
		{"third party", "She wants to be the voice of the voiceless, apparently.", LabelSpokesperson, false, ""},
	})
}
