package api

import (
	"sync"
	"time"
)

// limiter allows at most n events per window for each key (a client
// address). It lives in one replica's memory: with r replicas a client gets
// at most r*n; that bounds abuse of anonymous endpoints such as sign-up.
type limiter struct {
	n      int
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	hits map[string]*windowCount
}

type windowCount struct {
	start time.Time
	count int
}

func newLimiter(n int, window time.Duration) *limiter {
	return &limiter{n: n, window: window, now: time.Now, hits: map[string]*windowCount{}}
}

// allow counts an event for key and reports whether it is within the limit.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.hits) > 10000 { // forget finished windows before the map grows further
		for k, w := range l.hits {
			if now.Sub(w.start) >= l.window {
				delete(l.hits, k)
			}
		}
	}
	w := l.hits[key]
	if w == nil || now.Sub(w.start) >= l.window {
		w = &windowCount{start: now}
		l.hits[key] = w
	}
	w.count++
	return w.count <= l.n
}
