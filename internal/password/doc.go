// Package password holds the rules every cloud password must meet and the
// argon2id hashing that stores human-chosen passwords.
package password
