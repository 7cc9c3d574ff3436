package sqlstore

import (
	"context"
	"strings"
	"testing"
)

// TestDueSubscriptionsPlan checks that the lifecycle job's query reads the
// partial index on the term end, not every tenant's subscriptions.
func TestDueSubscriptionsPlan(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.reader.QueryContext(ctx, "EXPLAIN QUERY PLAN "+dueSubscriptionsSQL, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "USING INDEX subscriptions_due") {
		t.Errorf("plan of the due-subscriptions query: %s", got)
	}
}
