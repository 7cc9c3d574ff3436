package password

import (
	"crypto/rand"
	"math/big"
)

// Generate returns a random 16-character password that meets the policy:
// lower and upper case letters, digits and symbols, from a set without
// look-alike characters (no 0/O, 1/l/I).
func Generate() string {
	const (
		lower   = "abcdefghijkmnpqrstuvwxyz"
		upper   = "ABCDEFGHJKLMNPQRSTUVWXYZ"
		digits  = "23456789"
		symbols = "#$%&*+-=?@^_"
	)
	sets := []string{lower, upper, digits, symbols}
	all := lower + upper + digits + symbols
	b := make([]byte, 16)
	for i := range b {
		set := all
		if i < len(sets) {
			set = sets[i] // one of each class, then any
		}
		b[i] = set[RandInt(len(set))]
	}
	for i := len(b) - 1; i > 0; i-- { // shuffle the guaranteed classes in
		j := RandInt(i + 1)
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// GenerateLegacy returns a password in the older admin center's 8-character
// shape: an upper-case consonant, a vowel, a consonant and five digits
// ("Buq38449"). It has about 27 bits of entropy, so callers must force a
// change at the next sign-in.
func GenerateLegacy() string {
	const consonants, vowels, digits = "bcdfghjklmnpqrstvwxz", "aeiou", "0123456789"
	b := []byte{consonants[RandInt(len(consonants))] - 'a' + 'A', vowels[RandInt(len(vowels))], consonants[RandInt(len(consonants))]}
	for i := 0; i < 5; i++ {
		b = append(b, digits[RandInt(len(digits))])
	}
	return string(b)
}

// RandInt returns a uniform random int in [0, n) from crypto/rand.
func RandInt(n int) int {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return int(v.Int64())
}
