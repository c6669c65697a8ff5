package model

// FNV-1a, 64 bit: feature names are hashed while they are read off the text, without
// building the name.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 { return hashJoin(fnvOffset, b) }

// hashJoin continues hash h over b: hashJoin(hashString(a), b) == hashString(a + string(b)).
func hashJoin(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}
