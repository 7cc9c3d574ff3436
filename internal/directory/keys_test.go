package directory_test

import (
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

func kids(keys []directory.SigningKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.KID
	}
	return out
}

// TestKeyRotation walks a rotation with overlap: the new key is published
// first, signs after KeyOverlap, and the old one leaves KeyRetireAfter
// later; the job rotates when a key is due; an immediate rotation drops
// every old key at once.
func TestKeyRotation(t *testing.T) {
	svc, clk, ctx, ct := newService(t)
	tid := ct.TenantID
	first, err := svc.SigningKey(ctx, tid)
	if err != nil {
		t.Fatal(err)
	}
	want := func(step string, signing string, published ...string) {
		t.Helper()
		k, err := svc.SigningKey(ctx, tid)
		if err != nil || k.KID != signing {
			t.Fatalf("%s: signing key %s (%v), want %s", step, k.KID, err, signing)
		}
		keys, err := svc.SigningKeys(ctx, tid)
		if got := kids(keys); err != nil || len(got) != len(published) {
			t.Fatalf("%s: published %v (%v), want %v", step, got, err, published)
		}
		for i, kid := range published {
			if keys[i].KID != kid {
				t.Fatalf("%s: published %v, want %v", step, kids(keys), published)
			}
		}
	}
	if n, err := svc.RotateDueKeys(ctx); err != nil || n != 0 {
		t.Fatalf("a new tenant's key is not due: %d %v", n, err)
	}
	second, err := svc.RotateSigningKey(ctx, tid, false)
	if err != nil {
		t.Fatal(err)
	}
	want("published ahead", first.KID, first.KID, second.KID)
	if again, err := svc.RotateSigningKey(ctx, tid, false); err != nil || again.KID != "" {
		t.Fatalf("a second rotation during the overlap: %+v %v", again, err)
	}
	clk.t = clk.t.Add(directory.KeyOverlap)
	want("after the overlap", second.KID, second.KID, first.KID)
	clk.t = clk.t.Add(directory.KeyRetireAfter)
	want("after retirement", second.KID, second.KID)

	clk.t = clk.t.Add(directory.KeyRotationPeriod)
	if n, err := svc.RotateDueKeys(ctx); err != nil || n != 1 {
		t.Fatalf("the job rotated %d tenants (%v), want 1", n, err)
	}
	keys, _ := svc.SigningKeys(ctx, tid)
	third := keys[1]
	want("the job's rotation", second.KID, second.KID, third.KID)

	fourth, err := svc.RotateSigningKey(ctx, tid, true)
	if err != nil {
		t.Fatal(err)
	}
	want("immediate", fourth.KID, fourth.KID)
}
