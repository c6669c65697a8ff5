package classifiers

import "testing"

func TestSpeaker(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name, text, role string
	}{
		{"white person with support", "As a white person, I stand with Black Lives Matter and I need to listen more.", RoleAlly},
		{"fellow men", "Fellow men, we need to do better and believe women.", RoleAlly},
		{"straight cis guy", "As a straight cis guy I have never had to hide who I love. That is privilege.", RoleAlly},
		{"self-labelled ally", "As an ally I will keep showing up for trans rights.", RoleAlly},
		{"hashtag ally", "Marching with my neighbours today #ally #BlackLivesMatter", RoleAlly},
		{"white but all lives matter", "I'm white but all lives matter.", RoleUnknown},
		{"position without solidarity", "As a white guy I like pizza.", RoleUnknown},
		{"other group", "As an immigrant I think the tax is too high.", RoleUnknown},
		{"black woman", "As a Black woman I am tired of explaining this.", RoleMember},
		{"trans person", "As a trans person I just want to use the bathroom in peace.", RoleMember},
		{"we queer folks", "We queer people are tired of being told to wait.", RoleMember},
		{"compositional self-position", "As a straight white guy I've benefited from privilege my whole life.", RoleAlly},
		{"i'm a cis", "I'm a cis het dude and I never have to worry about being followed in a store.", RoleAlly},
		{"gay man is member", "As a gay man I still get called slurs walking home.", RoleMember},
		{"faith with apology", "As a Christian I apologize for how the church has treated LGBT people.", RoleAlly},
		{"faith alone", "As a Christian I think the sermon was too long today.", RoleUnknown},
		{"naming the movement", "As a white person I have opinions about BLM marches in my town.", RoleUnknown},
		{"vocative ingroup", "White women, we need to do better and show up for Black women.", RoleAlly},
		{"member like me", "Black women like me are tired of being ignored.", RoleMember},
		{"nobody", "The rally starts at noon on Main Street.", RoleUnknown},
		{"reported position", "He said as a white man he has never benefited from anything.", RoleUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.Classify(tt.text)
			checkSpans(t, r)
			if r.Speaker.Role != tt.role {
				t.Errorf("role = %s (score %.3f, evidence %v), want %s", r.Speaker.Role, r.Speaker.Score, r.Speaker.Evidence, tt.role)
			}
			if r.Speaker.Score < 0 || r.Speaker.Score > 1 {
				t.Errorf("score %v out of [0,1]", r.Speaker.Score)
			}
		})
	}
}
