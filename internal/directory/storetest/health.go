package storetest

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// testHealth covers the deployment-wide data (health issues, message
// center posts, counters) and each user's state of the posts.
func testHealth(t *testing.T, s directory.Store) {
	update := func(fn func(directory.DeploymentTx) error) {
		t.Helper()
		must(t, s.UpdateDeployment(ctx, fn))
	}
	view := func(fn func(directory.DeploymentTx) error) {
		t.Helper()
		must(t, s.ViewDeployment(ctx, fn))
	}
	counter := "test-" + uuid.NewString()
	for want := 1; want <= 3; want++ {
		update(func(tx directory.DeploymentTx) error {
			n, err := tx.NextNumber(counter)
			if err == nil && n != want {
				t.Errorf("NextNumber = %d, want %d", n, want)
			}
			return err
		})
	}

	now := time.Now().UTC().Truncate(time.Microsecond)
	tag := uuid.NewString()[:8]
	issue := func(id string, resolved bool, updated time.Time) *directory.HealthIssue {
		return &directory.HealthIssue{ID: tag + id, Service: "AtriumMail", Title: "Delays " + id, ImpactDescription: "Mail is late.",
			Classification: "incident", Status: "investigating", Feature: "Delivery", IsResolved: resolved, StartAt: updated.Add(-time.Hour),
			UpdatedAt: updated, Posts: []directory.IssuePost{{At: updated, Type: "regular", Text: "We're looking into it.\nMore soon."}}}
	}
	oldOpen, oldResolved, recent := issue("1", false, now.Add(-60*24*time.Hour)), issue("2", true, now.Add(-40*24*time.Hour)), issue("3", true, now)
	recent.EndAt = now
	update(func(tx directory.DeploymentTx) error {
		for _, is := range []*directory.HealthIssue{oldOpen, oldResolved, recent} {
			must(t, tx.CreateHealthIssue(is))
		}
		return nil
	})
	wantConflict(t, "same issue twice", s.UpdateDeployment(ctx, func(tx directory.DeploymentTx) error { return tx.CreateHealthIssue(recent) }), "id")
	oldOpen.Status, oldOpen.UpdatedAt = "serviceDegradation", now.Add(-time.Minute)
	oldOpen.Posts = append(oldOpen.Posts, directory.IssuePost{At: oldOpen.UpdatedAt, Type: "quick", Text: "Fix deploying."})
	update(func(tx directory.DeploymentTx) error { return tx.UpdateHealthIssue(oldOpen) })
	wantKind(t, "update a missing issue", s.UpdateDeployment(ctx, func(tx directory.DeploymentTx) error {
		return tx.UpdateHealthIssue(issue("missing", false, now))
	}), directory.KindNotFound)
	view(func(tx directory.DeploymentTx) error {
		got, err := tx.GetHealthIssue(oldOpen.ID)
		must(t, err)
		if !got.StartAt.Equal(oldOpen.StartAt) || !got.UpdatedAt.Equal(oldOpen.UpdatedAt) || len(got.Posts) != 2 ||
			!got.Posts[1].At.Equal(oldOpen.Posts[1].At) {
			t.Errorf("GetHealthIssue times or posts: %+v", got)
		}
		got.StartAt, got.UpdatedAt, got.EndAt, got.Posts = oldOpen.StartAt, oldOpen.UpdatedAt, oldOpen.EndAt, oldOpen.Posts
		if !reflect.DeepEqual(got, *oldOpen) {
			t.Errorf("GetHealthIssue =\n%+v\nwant\n%+v", got, *oldOpen)
		}
		_, err = tx.GetHealthIssue(tag + "missing")
		wantKind(t, "GetHealthIssue(missing)", err, directory.KindNotFound)
		list, err := tx.ListHealthIssues(now.Add(-30 * 24 * time.Hour))
		must(t, err)
		var listed []string
		for _, is := range list {
			if is.ID[:len(tag)] == tag {
				listed = append(listed, is.ID[len(tag):])
			}
		}
		if !slices.Equal(listed, []string{"3", "1"}) {
			t.Errorf("ListHealthIssues = %v, want the recent and the open issue, most recently updated first", listed)
		}
		return nil
	})

	msg := func(id string, start, end time.Time) *directory.ServiceMessage {
		return &directory.ServiceMessage{ID: tag + id, Title: "Plan " + id, Category: "planForChange", Severity: "high",
			Services: []string{"Atrium Mail"}, Tags: []string{"Admin impact"}, IsMajorChange: true, StartAt: start, EndAt: end,
			ActBy: start.Add(48 * time.Hour), UpdatedAt: start, Body: "Body " + id}
	}
	older, newer, ended := msg("1", now.Add(-time.Hour), time.Time{}), msg("2", now, now.Add(time.Hour)), msg("3", now.Add(-2*time.Hour), now.Add(-time.Minute))
	update(func(tx directory.DeploymentTx) error {
		for _, m := range []*directory.ServiceMessage{older, newer, ended} {
			must(t, tx.CreateServiceMessage(m))
		}
		return nil
	})
	view(func(tx directory.DeploymentTx) error {
		got, err := tx.GetServiceMessage(newer.ID)
		must(t, err)
		if !got.ActBy.Equal(newer.ActBy) || !got.EndAt.Equal(newer.EndAt) || !got.UpdatedAt.Equal(newer.UpdatedAt) {
			t.Errorf("GetServiceMessage times: %+v", got)
		}
		got.StartAt, got.EndAt, got.ActBy, got.UpdatedAt = newer.StartAt, newer.EndAt, newer.ActBy, newer.UpdatedAt
		if !reflect.DeepEqual(got, *newer) {
			t.Errorf("GetServiceMessage =\n%+v\nwant\n%+v", got, *newer)
		}
		list, err := tx.ListServiceMessages(now, 1000)
		must(t, err)
		var listed []string
		for _, m := range list {
			if m.ID[:len(tag)] == tag {
				listed = append(listed, m.ID[len(tag):])
			}
		}
		if !slices.Equal(listed, []string{"2", "1"}) {
			t.Errorf("ListServiceMessages = %v, want the current messages, newest first", listed)
		}
		return nil
	})

	// Each user's state of a post is tenant data.
	f := newTenant(t, s)
	u, v := f.addUser("u", "U"), f.addUser("v", "V")
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.PutMessageView(u.ID, &directory.MessageView{MessageID: newer.ID, Read: true}))
		must(t, tx.PutMessageView(u.ID, &directory.MessageView{MessageID: newer.ID, Read: true, Favorited: true}))
		return tx.PutMessageView(v.ID, &directory.MessageView{MessageID: older.ID, Archived: true})
	})
	f.view(func(tx directory.Tx) error {
		views, err := tx.MessageViews(u.ID)
		want := map[string]directory.MessageView{newer.ID: {MessageID: newer.ID, Read: true, Favorited: true}}
		if err != nil || !reflect.DeepEqual(views, want) {
			t.Errorf("MessageViews(u) = %+v, %v; want %+v", views, err, want)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.DeleteUser(u.ID, now))
		return tx.PurgeUser(u.ID)
	})
	f.view(func(tx directory.Tx) error {
		if views, err := tx.MessageViews(u.ID); err != nil || len(views) != 0 {
			t.Errorf("a purged user's message states remain: %+v, %v", views, err)
		}
		if views, err := tx.MessageViews(v.ID); err != nil || len(views) != 1 {
			t.Errorf("another user's message states: %+v, %v", views, err)
		}
		return nil
	})
}
