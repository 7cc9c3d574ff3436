package api

import (
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(3, time.Minute)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if !l.allow("a") {
			t.Fatalf("event %d refused", i+1)
		}
	}
	if l.allow("a") {
		t.Fatal("fourth event in the window allowed")
	}
	if !l.allow("b") {
		t.Fatal("another key shares the limit")
	}
	now = now.Add(time.Minute)
	if !l.allow("a") {
		t.Fatal("the next window still refuses")
	}
}
