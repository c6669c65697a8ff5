// Package classifiers tags a post with the communication styles of the allyship codebook —
// empathy, anger, privilege_framed, disadvantage_framed, spokesperson — and its speaker role
// (ally, member, unknown), with evidence for every label.
package classifiers
