package classifiers

import "testing"

// Constructs added in 0.4.0 for recall on other platforms: indirect group references, access
// and treatment predicates, repeated-discrimination accounts, everyday privilege wording,
// spokesperson paraphrases and more self-positions. Each case is a sentence written for this
// test, not taken from any data set.

func TestConstructs04(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"indirect group, look like me", "People who look like me get followed around every store in this mall.", LabelDisadvantageFramed, true, "People who look like me get followed"},
		{"folks in wheelchairs", "Folks in wheelchairs are shut out of half the restaurants downtown.", LabelDisadvantageFramed, true, "Folks in wheelchairs are shut out of"},
		{"anyone with an accent", "Anyone with an accent gets treated like they're slow.", LabelDisadvantageFramed, true, "Anyone with an accent gets treated like"},
		{"only N of", "Only 3 of the 40 partners at my firm are women.", LabelDisadvantageFramed, true, "Only 3 of the 40 partners at my firm are women"},
		{"no access", "Deaf students have no access to interpreters at that college.", LabelDisadvantageFramed, true, "Deaf students have no access to"},
		{"repeated account", "Every time I walk into a pharmacy I get followed by security.", LabelDisadvantageFramed, true, "Every time I walk into a pharmacy I get followed"},
		{"Nth time", "Got carded again at the airport, for the fourth time this year.", LabelDisadvantageFramed, true, "Got carded again at the airport, for the fourth time"},
		{"because of identity", "My son gets called slurs on the bus because he's Black.", LabelDisadvantageFramed, true, "called slurs on the bus because he's Black"},
		{"spelled cant", "blind folks still cant use half the city's websites", LabelDisadvantageFramed, true, "blind folks still cant use"},
		{"member self-position and harm", "As a Deaf woman, I'm furious. No captions, no interpreter, nothing.", LabelDisadvantageFramed, true, "No captions"},
		{"group burden verbs", "Black parents have to teach their kids how to act around cops.", LabelDisadvantageFramed, true, "Black parents have to teach"},
		{"likelier", "Kids from the poorest zip codes are three times likelier to have asthma.", LabelDisadvantageFramed, true, "the poorest zip codes are three times likelier"},
		{"hoped-for relief", "I'll keep going until queer kids never have to hide at school.", LabelDisadvantageFramed, false, ""},
		{"ordinary again", "I got killed again in the last round, this game is rigged.", LabelDisadvantageFramed, false, ""},
		{"sarcastic oppression", "oh sure, men are SO oppressed lol", LabelDisadvantageFramed, false, ""},
		{"had it easier", "As a white guy I had it way easier than my coworkers from Honduras.", LabelPrivilegeFramed, true, "I had it way easier"},
		{"holding the ladder", "Grew up comfortable. I can't take credit for climbing when someone was holding the ladder.", LabelPrivilegeFramed, true, "Grew up comfortable"},
		{"what privilege looks like", "If you've never had to share your location after a date, that's what privilege looks like.", LabelPrivilegeFramed, true, "what privilege looks like"},
		{"contrast with Black friends", "I don't get followed in stores; my Black friends do.", LabelPrivilegeFramed, true, "don't get followed"},
		{"designed for me", "The whole hiring process was designed for people like me.", LabelPrivilegeFramed, true, "designed for people like me"},
		{"gets me callbacks", "I'm white, and my name gets me callbacks without trying.", LabelPrivilegeFramed, true, "gets me callbacks"},
		{"never noticed alone", "Honestly I never noticed the lag on my phone.", LabelPrivilegeFramed, false, ""},
		{"someone to speak", "These girls need someone to speak for them since they can't speak for themselves.", LabelSpokesperson, true, "need someone to speak for them"},
		{"up to us", "It's up to us to save them from those people.", LabelSpokesperson, true, "up to us to save"},
		{"explain what community needs", "As a white woman I want to explain what the Black community actually needs.", LabelSpokesperson, true, "explain what the Black community actually needs"},
		{"stand beside", "Whatever they decide tomorrow, I stand beside you.", LabelEmpathy, true, "I stand beside you"},
		{"begin to understand", "I can't begin to understand what your family is going through.", LabelEmpathy, true, "I can't begin to understand"},
		{"hear what you", "I hear what you're dealing with, and I'm sorry.", LabelEmpathy, true, "I hear what you're"},
	})
}

func TestSpeaker04(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name, text, role, cue string
	}{
		{"white comma English-speaking guy", "As a white, English-speaking guy I had it way easier than my coworkers.", RoleAlly, "As a white, English-speaking guy"},
		{"class self-position", "Grew up comfortable, parents paid my rent. Someone was holding the ladder.", RoleAlly, "Grew up comfortable"},
		{"learning account", "Straight guy here, I finally read up on the history of the Stonewall riots.", RoleAlly, "Straight guy here"},
		{"outrage as solidarity", "I'm a straight cis man and I'm furious about this bill.", RoleAlly, "I'm a straight cis man"},
		{"perspective self-position", "From a white person's perspective, we have work to do.", RoleAlly, "From a white person's perspective"},
		{"white-presenting", "As a white-presenting person I stand with my cousins.", RoleAlly, "As a white-presenting person"},
		{"outrage without self-position", "I'm furious about this bill.", RoleUnknown, ""},
		{"wheelchair user member", "As someone who uses a wheelchair, every trip downtown is a fight.", RoleMember, "As someone who uses a wheelchair"},
		{"DACA recipient", "As a DACA recipient I still can't get federal student loans.", RoleMember, "As a DACA recipient"},
		{"article dropped", "Speaking as Black woman, this hurts.", RoleMember, "Speaking as Black woman"},
		{"the only one", "I'm the only Black engineer on my team and I feel it every day.", RoleMember, "I'm the only Black engineer"},
		{"food stamps member", "I grew up on food stamps and people judged my mom at the register.", RoleMember, "I grew up on food stamps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSpeaker(t, e, tt.text, tt.role, tt.cue) })
	}
}
