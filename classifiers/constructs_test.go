package classifiers

import "testing"

// Constructs added in 0.3.0 for posts in the styles of other platforms: each case is a
// sentence written for this test, not taken from any data set.

func TestConstructs(t *testing.T) {
	runLabelCases(t, []labelCase{
		{"group harm predicate", "Black applicants get turned down for mortgages far more often than anyone else.", LabelDisadvantageFramed, true, "Black applicants get turned down"},
		{"cents on the dollar", "Women still make 82 cents for every dollar a man makes.", LabelDisadvantageFramed, true, "Women still make 82 cents for every dollar"},
		{"suspension rate", "Black students are suspended at three times the rate of their classmates.", LabelDisadvantageFramed, true, "Black students are suspended"},
		{"waiting years", "Trans people wait years for basic care in this country.", LabelDisadvantageFramed, true, "Trans people wait years"},
		{"still legally", "Disabled adults can still legally be paid below minimum wage.", LabelDisadvantageFramed, true, "Disabled adults can still legally"},
		{"one in five", "One in five LGBTQ youth has been bullied online.", LabelDisadvantageFramed, true, "LGBTQ youth has been bullied"},
		{"percent share", "The gifted program is 70% white in a majority-Black district.", LabelDisadvantageFramed, true, "70% white"},
		{"member account licensed by self-position", "Hijabi here, and yes I get stopped at security every single time.", LabelDisadvantageFramed, true, "I get stopped"},
		{"fired for being", "People got fired for being gay in most states until 2020.", LabelDisadvantageFramed, true, "fired for being gay"},
		{"passive group", "Black homeowners get lowballed on appraisals.", LabelDisadvantageFramed, true, "Black homeowners get lowballed"},
		{"group rate", "The Black unemployment rate is still double the white rate.", LabelDisadvantageFramed, true, "Black unemployment rate is still double"},
		{"representation", "Eight keynote speakers and zero women.", LabelDisadvantageFramed, true, "zero women"},
		{"all-male panel", "Another all-male panel on maternal health.", LabelDisadvantageFramed, true, "all-male panel"},
		{"anti-trans bill", "They passed another anti-trans bill this morning.", LabelDisadvantageFramed, true, "anti-trans bill"},
		{"no running water", "A third of homes on the Navajo Nation still don't have running water.", LabelDisadvantageFramed, true, "the Navajo Nation still don't have running water"},
		{"pulled over idiom not vetoed", "Every time a Black man gets pulled over it's a coin flip.", LabelDisadvantageFramed, true, "Black man gets pulled over"},
		{"lone hashtag", "#BlackLivesMatter", LabelDisadvantageFramed, false, ""},
		{"denied gap", "There is no pay gap, women just choose different jobs.", LabelDisadvantageFramed, false, ""},
		{"ordinary passive", "The team got beaten in overtime again.", LabelDisadvantageFramed, false, ""},
		{"never once had to", "I've never once had to think about whether a landlord would rent to me because of my name.", LabelPrivilegeFramed, true, "never once had to think about"},
		{"benefit of the doubt", "Real talk: I'm a white guy and I get the benefit of the doubt every single time.", LabelPrivilegeFramed, true, "white guy and I get the benefit of the doubt"},
		{"walk right in", "Able-bodied folks just walk right in. We plan every trip around ramps.", LabelPrivilegeFramed, true, "walk right in"},
		{"nobody ever asks me", "Cis woman here. Nobody ever asks me what's in my pants before I use a bathroom.", LabelPrivilegeFramed, true, "Nobody ever asks me"},
		{"spared", "Being a citizen means I was spared all of that paperwork and fear.", LabelPrivilegeFramed, true, "I was spared"},
		{"built for people like me", "The system was built for people like me. I didn't earn that head start.", LabelPrivilegeFramed, true, "was built for people like me"},
		{"group gets to", "Straight people get to post wedding photos without a single hateful comment. Must be nice.", LabelPrivilegeFramed, true, "Straight people get to"},
		{"being a man means", "Being a man means I never have to plan my route home around who's walking behind me.", LabelPrivilegeFramed, true, "never have to plan"},
		{"privilege explained", "Privilege doesn't mean your life was easy.", LabelPrivilegeFramed, true, "Privilege doesn't mean"},
		{"an honour", "It was a privilege to play with these guys for ten years.", LabelPrivilegeFramed, false, ""},
		{"relief for the disadvantaged group", "I'll keep going until trans people never have to fight at all.", LabelPrivilegeFramed, false, ""},
		{"mocked hashtag", "lol imagine telling a laid-off miner to #checkyourprivilege 😂", LabelPrivilegeFramed, false, ""},
		{"we got you", "To every trans kid reading this: I see you, and we got you.", LabelEmpathy, true, "I see you"},
		{"not broken", "You're not broken. The system that failed you is.", LabelEmpathy, true, "You're not broken"},
		{"thinking of families", "Thinking of the families in Minneapolis tonight.", LabelEmpathy, true, "Thinking of the families"},
		{"in your corner", "I'm in your corner, always.", LabelEmpathy, true, "I'm in your corner"},
		{"not your fault", "It's not your fault they treated you that way.", LabelEmpathy, true, "It's not your fault"},
		{"sorry you", "I'm so sorry you had to deal with that manager.", LabelEmpathy, true, "I'm so sorry you"},
		{"understand why angry", "I understand why they're angry. I'd be angry too.", LabelEmpathy, true, "I understand why they're angry"},
		{"don't know how they live", "I don't know how anyone lives with that fear.", LabelEmpathy, true, "I don't know how anyone lives"},
		{"that sounds exhausting", "That sounds exhausting and you shouldn't have to deal with it alone.", LabelEmpathy, true, "That sounds exhausting"},
		{"holding in heart", "Holding the families in Uvalde in my heart tonight.", LabelEmpathy, true, "Holding the families in Uvalde in my heart"},
		{"thanks to allies", "Thank you to every ally who showed up in the rain today!", LabelEmpathy, false, ""},
		{"so done with", "I'm so done with this city council.", LabelAnger, true, "so done with"},
		{"sentence-final done", "They cut the program again. I'm done.", LabelAnger, true, "I'm done."},
		{"cannot with", "I cannot with this administration.", LabelAnger, true, "I cannot with"},
		{"make it make sense", "Make it make sense.", LabelAnger, true, "Make it make sense"},
		{"sickening", "That's vile. Absolutely sickening.", LabelAnger, true, "vile"},
		{"enough alone", "Enough with the excuses. ENOUGH.", LabelAnger, true, "Enough with"},
		{"still happening", "Seriously, how is this still happening?", LabelAnger, true, "how is this still happening"},
		{"done with homework", "I'm done with homework finally!", LabelAnger, false, ""},
		{"possessive subject", "My sister was furious when she heard.", LabelAnger, false, ""},
		{"decide what's best", "I'll decide what's best for the women on my team.", LabelSpokesperson, true, "decide what's best for the"},
		{"speak for these kids", "We have to speak for these kids because they can't speak for themselves.", LabelSpokesperson, true, "speak for these kids because"},
		{"be their voice", "I'll be their voice since nobody else will.", LabelSpokesperson, true, "be their voice"},
		{"follow their lead", "Follow disabled activists and let them lead.", LabelSpokesperson, false, ""},
		{"passive treatment participle", "Black homeowners get lowballed on appraisals all the time.", LabelDisadvantageFramed, true, "Black homeowners get lowballed"},
		{"passive without a harm", "Women are invited to the meetup on Friday, bring snacks.", LabelDisadvantageFramed, false, ""},
		{"kept from", "Trans folks can't even get their names changed on their diplomas.", LabelDisadvantageFramed, true, "Trans folks can't even get"},
		{"can't with an ordinary verb", "Black folks can't dance? Tell that to my grandma lol", LabelDisadvantageFramed, false, ""},
		{"won't let a group", "They still won't let gay men donate blood without jumping through hoops.", LabelDisadvantageFramed, true, "still won't let gay men"},
		{"how to survive a stop", "We Black parents have to teach our sons how to survive a traffic stop.", LabelDisadvantageFramed, true, "teach our sons how to survive"},
		{"violence against a group", "Violence against trans women went up again this year.", LabelDisadvantageFramed, true, "Violence against trans women"},
		{"fired after coming out", "My cousin got fired two weeks after coming out at work.", LabelDisadvantageFramed, true, "fired two weeks after coming out"},
		{"active harm to a group", "Police keep killing Black men and calling it procedure.", LabelDisadvantageFramed, true, "killing Black men"},
		{"living in fear", "Asian elders in my city are living in fear of being shoved on the subway.", LabelDisadvantageFramed, true, "Asian elders in my city are living in fear"},
		{"short English post is read", "Another all-white jury. Another acquittal. Shocking.", LabelDisadvantageFramed, true, "all-white jury"},
		{"contrast with a named group", "My Hispanic coworkers get asked for their papers. I never do.", LabelPrivilegeFramed, true, "I never do."},
		{"never do without a contrast", "I never do my homework on time lol. My Black friends think it's hilarious.", LabelPrivilegeFramed, false, ""},
		{"just because I'm white", "The cop let me go with a warning just because I'm white.", LabelPrivilegeFramed, true, "just because I'm white"},
		{"perks of being", "The perks of being a man: nobody asks when I'm having kids.", LabelPrivilegeFramed, true, "perks of being a man"},
		{"that's privilege", "If you've never had to explain your own name at a job interview, that's privilege.", LabelPrivilegeFramed, true, "that's privilege"},
		{"stacked deck", "Straight, white, male, and I'll say it: the deck is stacked in my favor.", LabelPrivilegeFramed, true, "stacked in my favor"},
		{"second base", "Yeah I worked hard, but I started on second base.", LabelPrivilegeFramed, true, "started on second base"},
		{"stolen land", "I live on stolen land and I try to remember that every day.", LabelPrivilegeFramed, true, "live on stolen land"},
		{"never thought twice", "As a cis dude I've never thought twice about which bathroom to use.", LabelPrivilegeFramed, true, "never thought twice"},
		{"group not asked", "Men don't get asked in interviews whether they plan to have kids.", LabelPrivilegeFramed, true, "don't get asked"},
		{"must be nice to be", "It must be so nice to be a man and never get told to smile.", LabelPrivilegeFramed, true, "must be so nice to be a man"},
		{"luck of birth", "I can travel almost anywhere without a visa. Pure luck of where I was born.", LabelPrivilegeFramed, true, "luck of where I was born"},
		{"sarcastic grant", "We are supposedly the ones who have privilege. What are you complaining about?", LabelPrivilegeFramed, false, ""},
		{"perks of an ordinary trait", "The perks of being tall: reaching the top shelf.", LabelPrivilegeFramed, false, ""},
		{"every right to be angry", "You have every right to be angry. I would be too.", LabelEmpathy, true, "every right to be angry"},
		{"the reader's anger", "You have every right to be angry. I would be too.", LabelAnger, false, ""},
		{"biggest hug", "I'm sending you the biggest hug. What they did to you was wrong.", LabelEmpathy, true, "sending you the biggest hug"},
		{"did nothing wrong", "You did nothing wrong. Please don't carry their hate.", LabelEmpathy, true, "You did nothing wrong"},
		{"message me anytime", "If you need to talk, message me anytime.", LabelEmpathy, true, "message me anytime"},
		{"an outrage", "This is an outrage and it should be illegal.", LabelAnger, true, "is an outrage"},
		{"the actual hell", "What the actual hell is wrong with this council", LabelAnger, true, "the actual hell"},
		{"living with it daily", "Undocumented families in my town live with that fear every single day.", LabelDisadvantageFramed, true, "Undocumented families in my town live with that fear every single day"},
		{"having to prove", "Disabled adults have to prove they're disabled every year to keep their support.", LabelDisadvantageFramed, true, "to prove they're disabled"},
		{"children detained", "These children are being held in freezing cells for weeks.", LabelDisadvantageFramed, true, "children are being held"},
		{"waiting N months", "Disabled people wait 18 months for a wheelchair here.", LabelDisadvantageFramed, true, "Disabled people wait 18 months"},
		{"member waiting years", "Trans guy here. I waited two years for a first appointment.", LabelDisadvantageFramed, true, "I waited two years"},
		{"first cut", "Disabled workers are the first cut when budgets shrink.", LabelDisadvantageFramed, true, "Disabled workers are the first cut"},
		{"fraction of the wealth", "Most Black families have a fraction of the wealth of white families.", LabelDisadvantageFramed, true, "Black families have a fraction of the"},
		{"punished for it", "Women in the military report assault and get punished for it.", LabelDisadvantageFramed, true, "Women in the military report assault and get punished for"},
		{"paying a group less", "As a guy who works in HR: we absolutely pay women less for the same roles.", LabelDisadvantageFramed, true, "pay women less"},
		{"half of the best", "Immigrants built this city and they still run half the best bakeries.", LabelDisadvantageFramed, false, ""},
		{"success idiom", "The trans chorus absolutely killed it tonight.", LabelDisadvantageFramed, false, ""},
		{"need us to advocate", "Disabled people need people like us to advocate for them.", LabelSpokesperson, true, "need people like us to advocate for them"},
		{"know better than parents", "As their teacher I know better than their parents what these kids need.", LabelSpokesperson, true, "I know better than their"},
		{"our job to protect", "It's our job as men to protect women, they can't protect themselves.", LabelSpokesperson, true, "job as men to protect"},
		{"do it themselves", "Someone has to stand up for these immigrants, and if they won't do it themselves, I will.", LabelSpokesperson, true, "if they won't do it themselves"},
		{"amplify not replace", "Amplify disabled creators, don't talk over them.", LabelSpokesperson, false, ""},
		{"gonna be okay", "If you're a trans kid reading this: you're gonna be okay.", LabelEmpathy, true, "you're gonna be okay"},
		{"so much better", "Oh honey, that's not okay and you deserve so much better.", LabelEmpathy, true, "deserve so much better"},
		{"know how isolating", "I know how isolating it is to be the only one. Hang on.", LabelEmpathy, true, "I know how isolating it is"},
		{"hear you but", "I hear you but I disagree about the tax plan.", LabelEmpathy, false, ""},
	})
}

func TestSpeakerConstructs(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name, text, role, cue string
	}{
		{"X here with support", "White dude here. I've never been followed by store security, and I've got your back.", RoleAlly, "White dude here"},
		{"leading appositive", "White guy, mid-40s. I finally get why my coworkers are exhausted, and I stand with them.", RoleAlly, "White guy,"},
		{"me a white lady", "Me, a white lady, learning. We need to do better.", RoleAlly, "Me, a white lady"},
		{"us white folks", "Us white folks need to listen more and talk less.", RoleAlly, "Us white folks"},
		{"ingroup included", "Able-bodied folks, myself included, rarely think about stairs. We should.", RoleAlly, "Able-bodied folks, myself included"},
		{"vocative dudes", "Dudes: if your friend is harassing a woman at the bar, say something. It's on us.", RoleAlly, "Dudes:"},
		{"settler", "As a settler, I've benefited my whole life from land I never had to think about.", RoleAlly, "As a settler"},
		{"spokesperson as solidarity", "As a citizen it's on me to be the voice for migrants who can't speak for themselves.", RoleAlly, "As a citizen"},
		{"gay guy here", "Gay guy here, honestly the parade is a nightmare for parking.", RoleMember, "Gay guy here"},
		{"appositive with age", "Trans woman, 34, and I've been misgendered at every doctor's office.", RoleMember, "Trans woman, 34"},
		{"woman in engineering", "Woman in engineering. Every review I get called abrasive.", RoleMember, "Woman in engineering"},
		{"nation here", "Diné here. Our grandparents were sent to boarding schools.", RoleMember, "Diné here"},
		{"autistic adult", "Autistic adult here. Listen to autistic people.", RoleMember, "Autistic adult here"},
		{"fellow spoonies", "Fellow spoonies, the new rules are terrifying.", RoleMember, "Fellow spoonies"},
		{"this guy here", "this guy here is a legend", RoleUnknown, ""},
		{"immigrant on race", "As an immigrant I think BLM protesters went too far.", RoleUnknown, ""},
		{"white but", "I'm white but all lives matter.", RoleUnknown, ""},
		{"immigrant on migration", "As an immigrant, I've waited nine years for a green card.", RoleMember, "As an immigrant"},
		{"immigrant off topic", "As an immigrant I think the new stadium is a waste of money.", RoleUnknown, ""},
		{"we white people", "We white people need to listen and do the work.", RoleAlly, "We white people need"},
		{"two identities here", "Queer and Muslim here. Both communities tell me I don't exist.", RoleMember, "Queer and Muslim here"},
		{"been a X for years", "Been a Black woman in corporate America for 15 years.", RoleMember, "Been a Black woman"},
		{"someone with a disability", "As someone with a disability, I'm tired of broken elevators.", RoleMember, "As someone with a disability"},
		{"being white", "Being white, I've been given the benefit of the doubt my whole life.", RoleAlly, "Being white,"},
		{"a tall white guy", "Nobody has ever crossed the street to avoid me. I'm a 6'2 white guy. Think about that.", RoleAlly, "I'm a 6'2 white guy"},
		{"as white people we", "As white people, we have to show up for our neighbors.", RoleAlly, "As white people,"},
		{"as likely as cis people", "Trans people are four times as likely to be victims of violent crime as cis people.", RoleUnknown, ""},
		{"as an LGBTQ person", "As an LGBTQ person I'm scared right now.", RoleMember, "As an LGBTQ person"},
		{"straight cis man.", "Straight cis man. I will never understand it fully, but I'm listening.", RoleAlly, "Straight cis man."},
		{"two-spirit and tired", "Two-spirit and tired of being told we're a trend.", RoleMember, "Two-spirit and tired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Classify(tt.text)
			checkSpans(t, r)
			if r.Speaker.Role != tt.role {
				t.Fatalf("role = %s (score %.3f, evidence %v), want %s", r.Speaker.Role, r.Speaker.Score, r.Speaker.Evidence, tt.role)
			}
			if tt.cue == "" {
				return
			}
			for _, ev := range r.Speaker.Evidence {
				if ev.Cue == tt.cue {
					return
				}
			}
			t.Errorf("speaker evidence %v lacks %q", r.Speaker.Evidence, tt.cue)
		})
	}
}
